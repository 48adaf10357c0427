package io.imggenhub.vast.ui;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.imggenhub.vast.ui.UiTestSupport.find;
import static io.imggenhub.vast.ui.UiTestSupport.fx;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings → "Start at login": off by default; on writes the autostart entry, off removes it (issue 13). */
@ExtendWith(ApplicationExtension.class)
class AutostartSettingTest {
    static VastSimulator sim;

    @TempDir
    Path home;
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
        window = UiTestSupport.open(stage, UiTestSupport.connectionTo(sim), home,
                UiSettings.defaults().withPollSeconds(600), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void theOptionWritesAndRemovesTheAutostartEntry(FxRobot robot) {
        Path entry = home.resolve("config/autostart/imggenhub-vast.desktop"); // XDG_CONFIG_HOME of the test
        robot.clickOn("#settings");
        assertFalse(fx(() -> robot.lookup("#settings-autostart").queryAs(CheckBox.class).isSelected()), "off by default");
        robot.clickOn("#settings-autostart");
        robot.clickOn("#settings-save");
        await().atMost(20, SECONDS).until(() -> Files.exists(entry));
        await().atMost(20, SECONDS).until(() -> find(robot, "#settings-autostart").isEmpty());

        robot.clickOn("#settings");
        assertTrue(fx(() -> robot.lookup("#settings-autostart").queryAs(CheckBox.class).isSelected()),
                "the dialog shows the entry that is there");
        robot.clickOn("#settings-autostart");
        robot.clickOn("#settings-save");
        await().atMost(20, SECONDS).until(() -> !Files.exists(entry));
    }
}
