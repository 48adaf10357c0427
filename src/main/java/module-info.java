module io.imggenhub.vast {
    requires javafx.controls;
    requires java.desktop;
    // sun.misc.Signal: the window quits in order on SIGTERM/SIGINT (ui.shell.QuitSignals).
    requires jdk.unsupported;
    requires java.net.http;
    requires java.logging;
    requires jdk.httpserver;
    requires java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.controlsfx.controls;
    requires info.picocli;
    requires org.xerial.sqlitejdbc;

    // Nothing here is a library: other modules get only the access they need to do their job, and no more.
    // javafx.graphics instantiates the Application subclass (ui.shell.DesktopApp) by reflection.
    exports io.imggenhub.vast.ui.shell to
            javafx.graphics;
    // Jackson reads and writes records by reflection: Vast's rows (api), the simulator's answers (sim), the window's
    // settings file (ui.settings) and the CLI's --json output (cli).
    opens io.imggenhub.vast.api to
            com.fasterxml.jackson.databind;
    opens io.imggenhub.vast.sim to
            com.fasterxml.jackson.databind;
    opens io.imggenhub.vast.ui.settings to
            com.fasterxml.jackson.databind;
    // picocli injects options into command fields by reflection.
    opens io.imggenhub.vast.cli to
            info.picocli,
            com.fasterxml.jackson.databind;
}
