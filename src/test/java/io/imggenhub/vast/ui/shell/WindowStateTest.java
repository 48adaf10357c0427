package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.settings.SettingsStore;
import io.imggenhub.vast.ui.settings.Theme;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Window bounds and the theme are remembered in the settings file (a temporary one here). */
@ExtendWith(ApplicationExtension.class)
class WindowStateTest {
    static VastSimulator sim;

    @TempDir
    static Path home;

    MonitorWindow window;

    @BeforeAll
    static void startSimulator() {
        Platform.setImplicitExit(false);
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(1));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        UiSettings settings = SettingsStore.forEnvironment(UiTestSupport.environment(home))
                .load()
                .withPollSeconds(600);
        if (settings.window() == null) {
            settings = settings.withWindow(new UiSettings.WindowBounds(40, 30, 1000, 640, false));
        }
        window = UiTestSupport.open(stage, UiTestSupport.connectionTo(sim), home, settings, null);
    }

    @Test
    void boundsAndThemeSurviveARestart(FxRobot robot) {
        assertEquals(40, fx(() -> window.stage().getX()));
        assertEquals(1000, fx(() -> window.stage().getWidth()));

        robot.clickOn("#theme");
        assertEquals(Theme.DARK, fx(window::theme));
        assertTrue(fx(() -> window.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))));
        robot.interact(() -> {
            window.stage().setX(70);
            window.stage().setY(50);
            window.stage().setWidth(1100);
            window.stage().setHeight(700);
        });
        robot.interact(() -> window.stage().close());

        SettingsStore store = SettingsStore.forEnvironment(UiTestSupport.environment(home));
        await().atMost(10, SECONDS).until(() -> store.load().theme() == Theme.DARK);
        UiSettings saved = store.load();
        assertEquals(new UiSettings.WindowBounds(70, 50, 1100, 700, false), saved.window());

        // A new window opens where the last one was, in the theme it had.
        robot.interact(() ->
                window = UiTestSupport.open(window.stage(), UiTestSupport.connectionTo(sim), home, store.load(), null));
        assertEquals(70, fx(() -> window.stage().getX()));
        assertEquals(1100, fx(() -> window.stage().getWidth()));
        assertEquals(Theme.DARK, fx(window::theme));
        robot.interact(() -> window.stage().close());
    }
}
