package io.imggenhub.vast.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

import java.util.logging.Logger;

/**
 * The desktop cost monitor ({@code mvn javafx:run}, or the launcher with no command). Without an API key it opens
 * the demo account on the embedded simulator; with one it watches the real account.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());

    private AppEnvironment environment;
    private SettingsStore store;
    private UiSettings settings;
    private Connection connection;
    private TaskRunner runner;
    private MonitorWindow window;

    public static void launchWindow(String[] args) {
        StartupProbe.mainStarted();
        Application.launch(DesktopApp.class, args);
    }

    /** Runs on the launcher thread, so reading files and starting the demo server never hold up the FX thread. */
    @Override
    public void init() {
        environment = AppEnvironment.system();
        store = SettingsStore.forEnvironment(environment);
        settings = store.load();
        connection = Connection.open(environment, settings);
        runner = TaskRunner.daemonPool();
    }

    @Override
    public void start(Stage stage) {
        window = new MonitorWindow(stage, WindowOptions.standard(environment, runner), settings, connection);
        window.show();
        if (StartupProbe.enabled()) {
            probeFirstPaint();
        }
    }

    private void probeFirstPaint() {
        var rows = window.session().monitor().rows();
        Runnable afterPulse = new Runnable() {
            @Override
            public void run() {
                window.stage().getScene().removePostLayoutPulseListener(this);
                StartupProbe.firstTablePainted(window.session().view().table().getItems().size());
            }
        };
        if (!rows.isEmpty()) {
            window.stage().getScene().addPostLayoutPulseListener(afterPulse);
            return;
        }
        rows.addListener(new ListChangeListener<InstanceRow>() {
            @Override
            public void onChanged(Change<? extends InstanceRow> c) {
                rows.removeListener(this);
                window.stage().getScene().addPostLayoutPulseListener(afterPulse);
                Platform.requestNextPulse();
            }
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        } else if (connection != null) {
            connection.close();
        }
        if (runner != null) {
            runner.shutdown();
        }
        LOG.fine("window closed");
    }
}
