package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

/**
 * The desktop cost monitor ({@code mvn javafx:run}, or the launcher with no command). Without an API key it opens
 * the demo account on the embedded simulator; with one it watches the real account.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());

    private static volatile CompletableFuture<Startup> preparing;
    /** A SIGTERM/SIGINT arrived; {@link #running} is the app to quit once its window exists. */
    private static volatile boolean quitRequested;

    private static volatile DesktopApp running;

    private Startup startup;
    private TaskRunner runner;
    private MonitorWindow window;

    /** Starts the connection and the first poll in the background, then the FX toolkit: the two overlap. */
    public static void launchWindow(String[] args) {
        StartupProbe.mainStarted();
        QuitSignals.install(DesktopApp::requestQuit);
        // JavaFX keeps the layout of every short string it has drawn, up to 64 K characters' worth, before it starts
        // over. Uptimes, costs and "updated 12 s ago" are new strings on every poll, so the cache only grew the live
        // heap (by ~1 MB a minute while polling every 2 s); a small one keeps it flat. -Dprism.cacheLayoutSize wins.
        if (System.getProperty("prism.cacheLayoutSize") == null) {
            System.setProperty("prism.cacheLayoutSize", "4096");
        }
        preparing = Startup.begin(AppEnvironment.system());
        Application.launch(DesktopApp.class, args);
        // The toolkit has stopped and stop() has flushed the audit: only now is exiting the JVM safe.
        System.exit(0);
    }

    /** From a signal thread: quit as the tray's Quit does, now or as soon as the window exists. */
    private static void requestQuit() {
        quitRequested = true;
        DesktopApp app = running;
        if (app != null) {
            try {
                Platform.runLater(app::quitOnce);
            } catch (IllegalStateException toolkitGone) {
                // already exiting
            }
        }
    }

    private void quitOnce() {
        if (window != null) {
            window.quit();
        } else {
            Platform.exit();
        }
    }

    /** Runs on the launcher thread, so waiting for the first poll never holds up the FX thread. */
    @Override
    public void init() {
        StartupProbe.mark("FX toolkit up");
        CompletableFuture<Startup> pending = preparing;
        startup = pending != null ? pending.join() : Startup.prepare(AppEnvironment.system());
        runner = TaskRunner.daemonPool();
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("FX start");
        if (quitRequested) {
            Platform.exit();
            return;
        }
        // Built while the first poll may still be running on the start-up thread.
        window = new MonitorWindow(
                stage, WindowOptions.standard(startup.environment(), runner), startup.settings(), startup.connection());
        StartupProbe.mark("views built");
        running = this;
        startup.firstPoll().thenAccept(first -> Platform.runLater(() -> show(first)));
    }

    private void show(io.imggenhub.vast.core.FleetSnapshot first) {
        if (quitRequested) {
            quitOnce();
            return;
        }
        window.show(first);
        StartupProbe.mark("window shown");
        if (quitRequested) {
            quitOnce();
            return;
        }
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
                StartupProbe.firstTablePainted(
                        window.session().view().table().getItems().size());
            }
        };
        if (!rows.isEmpty()) {
            window.stage().getScene().addPostLayoutPulseListener(afterPulse);
            return;
        }
        rows.addListener(new ListChangeListener<InstanceRow>() {
            @Override
            public void onChanged(Change<? extends InstanceRow> c) {
                StartupProbe.mark("first rows");
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
        } else if (startup != null) {
            startup.connection().close();
        }
        if (runner != null) {
            runner.shutdown();
        }
        LOG.fine("window closed");
    }
}
