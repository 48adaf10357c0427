package io.imggenhub.vast.ui.deploy;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.ui.guards.GuardTestSupport;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.DialogConfirmer;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 10 §4: the real dialog the window shows when Deploy meets a used-up credit — the instances the cleanup would
 * destroy with their $/hr, "Destroy them now", "Keep them" and Cancel (the default), clicked as a person would.
 */
@ExtendWith(ApplicationExtension.class)
class NoCreditDialogTest {
    long running;
    long stopped;
    private final AtomicReference<MonitorWindow> shown = new AtomicReference<>();

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(GuardTestSupport.frozenEmptyAccount())
            .beforeWindow(f -> {
                running = f.sim().state().addInstance("RTX 4090", 1, 0.35, "busy");
                stopped = f.sim().state().addInstance("Tesla P40", 1, 0.04, "parked");
            })
            .connection(f -> GuardTestSupport.onSimulatedTime(f.sim()))
            .settings(f -> UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0))
            .confirmer(new DialogConfirmer(
                    () -> shown.get() == null ? null : shown.get().stage(), List::of))
            .afterWindow(f -> shown.set(f.window()));

    private void creditUsedUp() {
        ui.sim().state().setCredit(-0.04);
        ui.window().session().refreshNow();
        await().atMost(20, SECONDS)
                .until(() -> fx(() ->
                        ui.window().session().monitor().creditUsedUpProperty().get()));
    }

    private String dialogText(FxRobot robot) {
        await().atMost(20, SECONDS)
                .until(() -> robot.lookup("#choice-0").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return fx(() -> pane.getHeaderText() + "\n" + pane.getContentText());
    }

    @Test
    void destroyThemNowDestroysEveryInstanceAndRentsNothing(FxRobot robot) {
        creditUsedUp();
        robot.clickOn("#deploy-cheapest");

        String text = dialogText(robot);
        assertTrue(
                text.startsWith("Credit is -$0.04: Vast will refuse to rent\n"
                        + "The emergency cleanup would destroy 2 instances, billing $"),
                text);
        assertTrue(
                text.contains("• " + running + " RTX 4090 $") && text.contains("• " + stopped + " Tesla P40 $"), text);
        assertTrue(text.contains("— stopped: storage only, data is deleted"), text);
        assertEquals(
                "Destroy them now",
                fx(() -> robot.lookup("#choice-0").queryButton().getText()));
        assertEquals(
                "Keep them", fx(() -> robot.lookup("#choice-1").queryButton().getText()));
        assertTrue(fx(() -> robot.lookup("#confirm-cancel").queryButton().isDefaultButton()), "Enter chooses nothing");

        robot.clickOn("#choice-0");
        await().atMost(20, SECONDS).until(() -> simIds(ui.sim()).isEmpty());
        assertEquals(0, ui.sim().count("PUT", "/api/v0/asks/"));
    }

    @Test
    void cancelLeavesEverythingAsItWas(FxRobot robot) {
        creditUsedUp();
        robot.clickOn("#deploy-cheapest");
        dialogText(robot);

        robot.clickOn("#confirm-cancel");
        await().atMost(20, SECONDS)
                .until(() -> UiTestSupport.text(robot, "#deploy-message").startsWith("Not rented: "));
        assertEquals(List.of(running, stopped), simIds(ui.sim()));
        assertEquals(0, ui.sim().count("PUT", "/api/v0/asks/"));
        assertEquals(0, ui.sim().count("DELETE", "/api/v0/instances/"));
    }
}
