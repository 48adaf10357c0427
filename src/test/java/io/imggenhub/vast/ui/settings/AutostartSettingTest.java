package io.imggenhub.vast.ui.settings;

import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Settings → "Start at login": off by default; on writes the autostart entry, off removes it (issue 13). */
@ExtendWith(ApplicationExtension.class)
class AutostartSettingTest {
    @RegisterExtension
    static final WindowFixture ui =
            WindowFixture.simulator(SimulatorConfig.defaults().withInstances(1));

    @Test
    void theOptionWritesAndRemovesTheAutostartEntry(FxRobot robot) {
        Path entry = ui.home().resolve("config/autostart/imggenhub-vast.desktop"); // XDG_CONFIG_HOME of the test
        robot.clickOn("#settings");
        assertFalse(
                fx(() -> robot.lookup("#settings-autostart")
                        .queryAs(CheckBox.class)
                        .isSelected()),
                "off by default");
        robot.clickOn("#settings-autostart");
        robot.clickOn("#settings-save");
        await().atMost(20, SECONDS).until(() -> Files.exists(entry));
        await().atMost(20, SECONDS)
                .until(() -> find(robot, "#settings-autostart").isEmpty());

        robot.clickOn("#settings");
        assertTrue(
                fx(() -> robot.lookup("#settings-autostart")
                        .queryAs(CheckBox.class)
                        .isSelected()),
                "the dialog shows the entry that is there");
        robot.clickOn("#settings-autostart");
        robot.clickOn("#settings-save");
        await().atMost(20, SECONDS).until(() -> !Files.exists(entry));
    }
}
