package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.AuthenticationException;
import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one stderr line, {@code Command failed: <type>: <message>}, and its exit code. Stack
 * traces only with {@code -v}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Anything that looks like a key (Vast's are 64 hex characters) is masked in echoed command-line input. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_\\-]{24,}");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // The message may echo what was typed, and what was typed may be a key under a misspelt option.
        String message = KEY_LIKE.matcher(String.valueOf(ex.getMessage())).replaceAll("****");
        err.println("Command failed: usage: " + TerminalText.safe(message) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        VastCommand command = cmd.getCommand() instanceof VastCommand c ? c : null;
        err.println("Command failed: " + TerminalText.safe(describe(ex, command)));
        if (command != null && command.verbose()) {
            // Every "Caused by:" line too: a cause's message may quote a server that echoed the key.
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            trace.toString()
                    .lines()
                    .map(command::redact)
                    .map(line -> line.startsWith("\t")
                            ? "\t" + TerminalText.safe(line.substring(1))
                            : TerminalText.safe(line))
                    .forEach(err::println);
        }
        err.flush();
        return exitCode(ex);
    }

    static int exitCode(Exception ex) {
        if (ex instanceof CliException c) {
            return c.exitCode();
        }
        if (ex instanceof InsufficientCreditException) {
            return ExitCodes.INSUFFICIENT_CREDIT;
        }
        if (ex instanceof AuthenticationException) {
            return ExitCodes.AUTHENTICATION;
        }
        return ExitCodes.FAILED;
    }

    private static String describe(Exception ex, VastCommand command) {
        if (ex instanceof CliException c) {
            return c.type() + ": " + c.getMessage();
        }
        if (ex instanceof AuthenticationException a) {
            String source = command == null
                    ? ""
                    : command.keySource()
                            .map(s -> " (the key came from " + s + ")")
                            .orElse("");
            return a.getMessage() + source;
        }
        if (ex instanceof VastException) {
            // Already "type: message", e.g. "insufficient_credit: Your account lacks credit; see the billing page."
            return ex.getMessage();
        }
        if (ex instanceof StoreException) {
            // Already says which file and what to do about it.
            return "local_data: " + ex.getMessage();
        }
        if (ex instanceof CancellationException) {
            return "cancelled: " + ex.getMessage();
        }
        String message = ex.getMessage() == null ? "(no message)" : ex.getMessage();
        // Core exceptions such as NoMatchingOfferException already read "type: message".
        if (message.matches("[a-z_]+: .*")) {
            return message;
        }
        return ex.getClass().getSimpleName() + ": " + message;
    }
}
