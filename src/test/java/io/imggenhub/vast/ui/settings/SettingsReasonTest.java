package io.imggenhub.vast.ui.settings;

import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.net.ServerSocket;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 12, defect 5: the live check of Settings tells offline, server error and a rejected key apart, in full,
 * and the dialog is titled for what it is. Real HTTP against the simulator (a 401 for a wrong key and 5xx from its
 * fault switch, vast-api.md §2) and against a closed port.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsReasonTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(2));

    @Test
    void eachFailureSaysWhatReallyWentWrong(FxRobot robot) throws Exception {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);
        robot.clickOn("#settings");
        DialogPane pane = (DialogPane) await().atMost(10, SECONDS)
                .until(() -> find(robot, "#settings-dialog").orElse(null), n -> n != null);
        assertEquals("Settings", fx(() -> ((Stage) pane.getScene().getWindow()).getTitle()));

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        setServer(robot, "http://127.0.0.1:" + closedPort);
        robot.clickOn("#settings-save");
        String offline = awaitStatus(robot);
        assertTrue(offline.contains("could not reach 127.0.0.1"), offline);
        assertTrue(offline.contains("offline"), offline);
        assertFalse(offline.contains("key was not accepted") || offline.contains("rejected"), offline);
        assertFullyShown(robot);

        // Back to the simulator, with its key typed again so that the key is checked.
        setServer(robot, ui.sim().baseUrl().toString());
        UiTestSupport.typeInto(robot, "#settings-key", ui.sim().apiKey());
        ui.sim().faults().serverErrorRate(1.0);
        robot.clickOn("#settings-save");
        String serverError = awaitStatus(robot);
        assertTrue(serverError.contains("server error"), serverError);
        assertFalse(serverError.contains("rejected"), serverError);
        ui.sim().faults().reset();

        robot.interact(() -> ((TextInputControl) robot.lookup("#settings-key").query()).clear());
        UiTestSupport.typeInto(robot, "#settings-key", "0123456789abcdef0123456789abcdef");
        robot.clickOn("#settings-save");
        await().atMost(20, SECONDS).until(() -> String.valueOf(UiTestSupport.text(robot, "#settings-status"))
                .contains("rejected the key"));
        assertFullyShown(robot);
    }

    private String awaitStatus(FxRobot robot) {
        await().atMost(60, SECONDS).until(() -> String.valueOf(UiTestSupport.text(robot, "#settings-status"))
                .startsWith("Not saved"));
        String text = UiTestSupport.text(robot, "#settings-status");
        robot.interact(() -> ((Label) robot.lookup("#settings-status").query()).setText(""));
        return text;
    }

    private static void setServer(FxRobot robot, String url) {
        robot.interact(
                () -> ((TextInputControl) robot.lookup("#settings-server").query()).setText(url));
    }

    /** The label is as tall as its wrapped text needs: nothing ends in "…". */
    private static void assertFullyShown(FxRobot robot) {
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        assertTrue(
                fx(() -> status.getHeight() + 0.5 >= status.prefHeight(status.getWidth())),
                "the reason is not cut off");
    }
}
