package io.imggenhub.vast.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code imggenhub-vast} command line: thin commands over the shared core.
 *
 * <p>The subcommands are added in code, not listed in the annotation: picocli builds the model of every command it
 * knows before parsing, about 150 ms of a 0.5 s start for eleven commands and their options. A command line that
 * names a command gets only that one; the root's help, a typo (with its suggestions) and no command get them all.
 */
@Command(
        name = "imggenhub-vast",
        mixinStandardHelpOptions = true,
        versionProvider = VastCli.Version.class,
        description = "Watch and control what your Vast.ai GPU rentals cost. Without a command it opens the window.")
public final class VastCli implements Runnable {
    /** In the order the root's help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            InstancesCommand.class,
            DestroyCommand.class,
            DestroyAllCommand.class,
            OffersCommand.class,
            ReserveCommand.class,
            AutoCommand.class,
            AccountCommand.class,
            HistoryCommand.class,
            GuardCommand.class,
            WatchCommand.class,
            SimulatorCommand.class,
            PowerCommand.Stop.class,
            PowerCommand.Start.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    /** The real process's context: for callers that build their own {@code CommandLine}. */
    public VastCli() {
        this(CliContext.system());
    }

    public VastCli(CliContext context) {
        this.context = context;
    }

    /** Runs one command line in this process (stdout/stderr as UTF-8) and returns its exit code. */
    public static int run(String... args) {
        io.imggenhub.vast.api.Json.warmUpInBackground();
        int code = run(CliContext.system(), args);
        stopHttpSelectorThreads();
        return code;
    }

    /**
     * The JDK's HTTP client keeps a selector thread parked in native code, and at exit the JVM waits 300 ms for
     * threads in native code before giving up on them: a third of the time of a whole command. JDK 17's client
     * cannot be closed (the code is Java 17), but its selector loop ends when its thread is interrupted. Found by name; if a JDK names
     * it differently this does nothing and the exit is only slower.
     */
    static void stopHttpSelectorThreads() {
        // All threads, not Thread.enumerate: JDK 25 starts the selector in a thread group of its own, which the
        // caller's group does not contain.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public static int run(CliContext context, String... args) {
        int code = commandLine(context, args).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The configured command line with every command, for callers (and tests) that drive it themselves. */
    public static CommandLine commandLine(CliContext context) {
        return build(context, COMMANDS);
    }

    /** The command line for these arguments: only the command they name, or every command if they name none. */
    static CommandLine commandLine(CliContext context, String... args) {
        return build(context, namedCommand(args).map(List::<Class<?>>of).orElse(COMMANDS));
    }

    /**
     * The command the first argument names (by name or alias), if any; reads no more than annotations. Only the
     * first: after a root option ({@code --help instances}) the root's help must still list every command.
     */
    static Optional<Class<?>> namedCommand(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        String first = args[0];
        return COMMANDS.stream()
                .filter(c -> {
                    Command command = c.getAnnotation(Command.class);
                    return command.name().equals(first)
                            || Arrays.asList(command.aliases()).contains(first);
                })
                .findFirst();
    }

    private static CommandLine build(CliContext context, List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new VastCli(context));
        commands.forEach(cl::addSubcommand);
        ErrorHandler errors = new ErrorHandler();
        cl.setUsageHelpWidth(100);
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            exitCodes.put(" " + line.substring(0, colon), line.substring(colon + 1));
        }
        addExitCodeHelp(cl, exitCodes);
        return cl;
    }

    private static void addExitCodeHelp(CommandLine cl, Map<String, String> exitCodes) {
        cl.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        cl.getSubcommands().values().forEach(sub -> addExitCodeHelp(sub, exitCodes));
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"imggenhub-vast 0.1.0"};
        }
    }
}
