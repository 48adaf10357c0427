package io.imggenhub.vast;

import io.imggenhub.vast.cli.VastCli;

/**
 * The one entry point of the launcher: no arguments opens the desktop window, anything else is the CLI.
 * It is a plain class (not a JavaFX Application) so that the CLI never starts the FX toolkit.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            io.imggenhub.vast.ui.shell.DesktopApp.launchWindow(args);
            return;
        }
        System.exit(VastCli.run(args));
    }
}
