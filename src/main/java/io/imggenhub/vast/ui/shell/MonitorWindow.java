package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.ui.alerts.TrayNotifier;
import io.imggenhub.vast.ui.alerts.WatchTray;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.LoginAutostart;
import io.imggenhub.vast.ui.settings.SettingsDialog;
import io.imggenhub.vast.ui.settings.Theme;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.io.IOException;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The cost monitor's stage: theme, remembered bounds, settings, and the session for the account being watched.
 * Connecting another account (Settings) swaps the session; the stage, theme and shortcuts stay.
 */
public final class MonitorWindow {
    private static final Logger LOG = Logger.getLogger(MonitorWindow.class.getName());
    static final double DEFAULT_WIDTH = 1320;
    static final double DEFAULT_HEIGHT = 800;

    private final Stage stage;
    private final WindowOptions options;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final StringBinding themeButtonText =
            Bindings.createStringBinding(() -> theme.get() == Theme.LIGHT ? "☾ Dark" : "☀ Light", theme);
    private final Confirmer confirmer;
    private UiSettings settings;
    private Scene scene;
    private MonitorSession session;
    private boolean closed;
    /** Alerts outside the window: the tray icon where there is one. One for the app, kept across accounts. */
    private final WatchTray tray;

    public MonitorWindow(Stage stage, WindowOptions options, UiSettings settings, Connection connection) {
        this.stage = stage;
        this.options = options;
        this.settings = settings;
        this.confirmer = options.confirmer() != null
                ? options.confirmer()
                : new DialogConfirmer(() -> stage, () -> theme.get().stylesheets());
        theme.set(settings.theme());
        tray = new WatchTray(stage);
        session = newSession(connection);
    }

    private MonitorSession newSession(Connection connection) {
        MainView.Actions actions = new MainView.Actions() {
            @Override
            public void refresh() {
                session.refreshNow();
            }

            @Override
            public void openSettings() {
                MonitorWindow.this.openSettings();
            }

            @Override
            public void toggleTheme() {
                MonitorWindow.this.setTheme(theme.get().other());
            }
        };
        MonitorSession next = new MonitorSession(
                connection, settings, options.runner(), confirmer, actions, themeButtonText, options.deployWait());
        next.useNotifier(tray);
        return next;
    }

    /** The tray menu's commands; each runs on the FX thread. */
    private TrayNotifier.Actions trayActions() {
        return new TrayNotifier.Actions() {
            @Override
            public void open() {
                stage.show();
                stage.setIconified(false);
                stage.toFront();
            }

            @Override
            public void refresh() {
                session.refreshNow();
            }

            @Override
            public void destroyAll() {
                open();
                session.destroy().destroyAll();
            }

            @Override
            public void quit() {
                MonitorWindow.this.quit();
            }
        };
    }

    /** Leaves for real: closes the account (and a demo simulator), removes the tray icon, stops the toolkit. */
    void quit() {
        close();
        javafx.application.Platform.exit();
    }

    public void show() {
        show(null);
    }

    /** Shows the window; with a snapshot polled beforehand the very first frame has rows in it. */
    public void show(FleetSnapshot first) {
        if (first != null) {
            session.applyFirst(first);
        }
        StartupProbe.mark("rows merged");
        scene = new Scene(session.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().setAll(theme.get().stylesheets());
        StartupProbe.mark("scene");
        theme.addListener((o, was, is) -> scene.getStylesheets().setAll(is.stylesheets()));
        // Escape always closes a banner: a filter on the scene, before any control (the table, the filter box)
        // consumes the key. What was typed in the filter stays.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                    && session.view().dismissNewestBanner()) {
                e.consume();
            }
        });
        stage.setScene(scene);
        updateTitle();
        // The smallest size at which every number still shows in full (with the deploy panel hidden at 960).
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        placeWindow();
        // With a tray watching, closing only hides the window; Quit in the tray menu ends the app.
        stage.setOnHidden(e -> {
            if (!tray.hidesOnClose()) {
                close();
            } else {
                tray.hiddenToTray();
            }
        });
        // The tray starts after the first layout pass: bringing up AWT for it (its toolkit, X connection, fonts)
        // on a background thread competed with the first frame for CPU.
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // The icons after this frame: set before show(), they were decoded and scaled for the window
                // manager inside it (~40 ms of the first frame).
                javafx.application.Platform.runLater(() -> stage.getIcons().setAll(AppIcon.images()));
                tray.start(options.runner(), trayActions(), icon -> {
                    tray.setKeepWatching(settings.trayWatch());
                    StartupProbe.trayIconAdded();
                });
            }
        });
        StartupProbe.mark("stage ready");
        stage.show();
        session.start(first != null);
    }

    private void updateTitle() {
        stage.setTitle(
                "imggenhub-vast — Vast.ai cost monitor" + (session.connection().isDemo() ? " (DEMO)" : ""));
    }

    private void placeWindow() {
        UiSettings.WindowBounds b = settings.window();
        if (b != null
                && b.width() > 100
                && b.height() > 100
                && !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height()))
                        .isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
            stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
            stage.centerOnScreen();
        }
    }

    /** Watches another account from now on; the old session stops and a demo simulator it owned is closed. */
    public void connect(Connection next) {
        MonitorSession old = session;
        old.stop();
        session = newSession(next);
        if (scene != null) {
            scene.setRoot(session.root());
            updateTitle();
            session.start(false);
        }
        old.connection().close();
    }

    void openSettings() {
        LoginAutostart autostart = LoginAutostart.forEnvironment(options.environment());
        SettingsDialog dialog = new SettingsDialog(
                stage,
                theme.get().stylesheets(),
                settings,
                session.connection(),
                options.environment().keys(),
                options.runner(),
                (server, key) -> Connection.to(server, key, Connection.localData(options.environment())),
                autostart.enabled());
        dialog.showAndWait().ifPresent(result -> {
            if (result.startAtLogin() != null) {
                options.runner().execute(() -> setStartAtLogin(autostart, result.startAtLogin()));
            }
            settings = result.settings().withWindow(settings.window());
            setTheme(settings.theme());
            session.apply(settings);
            tray.setKeepWatching(settings.trayWatch());
            saveInBackground();
            if (result.reconnect() != null) {
                connect(result.reconnect());
            }
        });
    }

    private static void setStartAtLogin(LoginAutostart autostart, boolean enable) {
        try {
            autostart.set(enable);
        } catch (java.io.IOException e) {
            LOG.warning("could not " + (enable ? "write " : "remove ") + autostart.file() + ": " + e.getMessage());
        }
    }

    void setTheme(Theme next) {
        theme.set(next);
        if (settings.theme() != next) {
            settings = settings.withTheme(next);
            saveInBackground();
        }
    }

    private void saveInBackground() {
        UiSettings snapshot = settings;
        options.runner().execute(() -> save(snapshot));
    }

    private void save(UiSettings toSave) {
        try {
            options.settingsStore().save(toSave);
        } catch (IOException e) {
            LOG.warning(
                    "Could not save the settings to " + options.settingsStore().file() + ": " + e.getMessage());
        }
    }

    /** Remembers the bounds, stops polling and closes what the session owns. Safe to call twice. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scene != null && stage.getWidth() > 0) {
            settings = settings.withWindow(
                    stage.isMaximized() && settings.window() != null
                            ? new UiSettings.WindowBounds(
                                    settings.window().x(),
                                    settings.window().y(),
                                    settings.window().width(),
                                    settings.window().height(),
                                    true)
                            : new UiSettings.WindowBounds(
                                    stage.getX(),
                                    stage.getY(),
                                    stage.getWidth(),
                                    stage.getHeight(),
                                    stage.isMaximized()));
            save(settings);
        }
        session.stop();
        session.connection().close();
        tray.close();
    }

    public WatchTray tray() {
        return tray;
    }

    public Stage stage() {
        return stage;
    }

    public UiSettings settings() {
        return settings;
    }

    public Theme theme() {
        return theme.get();
    }

    public MonitorSession session() {
        return session;
    }
}
