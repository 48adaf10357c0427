package io.imggenhub.vast.cli;

/** The exit codes scripts can rely on; listed in every command's {@code --help} and in docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command failed, or something it was asked to stop is still billing. */
    public static final int FAILED = 1;
    /** Bad input, no API key, or a confirmation that was refused or could not be asked. Nothing was changed. */
    public static final int USAGE = 2;
    /** Vast refused to rent for lack of credit; unless opted out, every instance was destroyed and verified gone. */
    public static final int INSUFFICIENT_CREDIT = 3;
    /** Vast rejected the API key. */
    public static final int AUTHENTICATION = 4;

    /** picocli's {@code exitCodeList} form, {@code "code:description"}. */
    static final String[] HELP = {
        "0:ok",
        "1:failed, or something is still billing",
        "2:bad usage, no API key, or confirmation refused (nothing changed)",
        "3:insufficient credit: the rental was refused (and every instance destroyed, unless --no-emergency-cleanup)",
        "4:the API key was rejected",
    };

    private ExitCodes() {}
}
