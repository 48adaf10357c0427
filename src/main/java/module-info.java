module io.imggenhub.vast {
    requires javafx.controls;
    requires javafx.swing;
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

    exports io.imggenhub.vast;
    exports io.imggenhub.vast.api;
    exports io.imggenhub.vast.config;
    exports io.imggenhub.vast.core;
    exports io.imggenhub.vast.core.guard;
    exports io.imggenhub.vast.sim;
    exports io.imggenhub.vast.store;
    // javafx.graphics constructs the Application subclass (ui.shell.DesktopApp) by reflection.
    exports io.imggenhub.vast.ui.shell to javafx.graphics;

    // picocli injects options into command fields by reflection.
    opens io.imggenhub.vast.cli to info.picocli;
}
