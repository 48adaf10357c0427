package io.imggenhub.vast.cli;

/**
 * A failure the command line reports itself, with the exit code it ends in. Printed as
 * {@code Command failed: <type>: <message>}.
 */
final class CliException extends RuntimeException {
    private final int exitCode;
    private final String type;

    CliException(int exitCode, String type, String message) {
        super(message);
        this.exitCode = exitCode;
        this.type = type;
    }

    static CliException usage(String type, String message) {
        return new CliException(ExitCodes.USAGE, type, message);
    }

    int exitCode() {
        return exitCode;
    }

    String type() {
        return type;
    }
}
