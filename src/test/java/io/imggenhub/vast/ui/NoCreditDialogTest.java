package io.imggenhub.vast.ui;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.imggenhub.vast.ui.UiTestSupport.fx;
import static io.imggenhub.vast.ui.UiTestSupport.simIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 §4: the real dialog the window shows when Deploy meets a used-up credit — the instances the cleanup would
 * destroy with their $/hr, "Destroy them now", "Keep them" and Cancel (the default), clicked as a person would.
 */
@ExtendWith(ApplicationExtension.class)
class NoCreditDialogTest {
    @TempDir
    Path home;
    VastSimulator sim;
    MonitorWindow window;
    long running;
    long stopped;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(0).withCredit(500).withTimeScale(0)
                .withBootTime(Duration.ZERO));
        running = sim.state().addInstance("RTX 4090", 1, 0.35, "busy");
        stopped = sim.state().addInstance("Tesla P40", 1, 0.04, "parked");
        AtomicReference<MonitorWindow> holder = new AtomicReference<>();
        Confirmer dialogs = new DialogConfirmer(() -> holder.get() == null ? null : holder.get().stage(), List::of);
        window = UiTestSupport.open(stage, GuardTestSupport.onSimulatedTime(sim), home,
                UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0), dialogs);
        holder.set(window);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    private void creditUsedUp() {
        sim.state().setCredit(-0.04);
        window.session().refreshNow();
        await().atMost(20, SECONDS).until(() -> fx(() -> window.session().monitor().creditUsedUpProperty().get()));
    }

    private String dialogText(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> robot.lookup("#choice-0").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return fx(() -> pane.getHeaderText() + "\n" + pane.getContentText());
    }

    @Test
    void destroyThemNowDestroysEveryInstanceAndRentsNothing(FxRobot robot) {
        creditUsedUp();
        robot.clickOn("#deploy-cheapest");

        String text = dialogText(robot);
        assertTrue(text.startsWith("Credit is -$0.04: Vast will refuse to rent\n"
                + "The emergency cleanup would destroy 2 instances, billing $"), text);
        assertTrue(text.contains("• " + running + " RTX 4090 $") && text.contains("• " + stopped + " Tesla P40 $"), text);
        assertTrue(text.contains("— stopped: storage only, data is deleted"), text);
        assertEquals("Destroy them now", fx(() -> robot.lookup("#choice-0").queryButton().getText()));
        assertEquals("Keep them", fx(() -> robot.lookup("#choice-1").queryButton().getText()));
        assertTrue(fx(() -> robot.lookup("#confirm-cancel").queryButton().isDefaultButton()), "Enter chooses nothing");

        robot.clickOn("#choice-0");
        await().atMost(20, SECONDS).until(() -> simIds(sim).isEmpty());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void cancelLeavesEverythingAsItWas(FxRobot robot) {
        creditUsedUp();
        robot.clickOn("#deploy-cheapest");
        dialogText(robot);

        robot.clickOn("#confirm-cancel");
        await().atMost(20, SECONDS).until(() -> UiTestSupport.text(robot, "#deploy-message").startsWith("Not rented: "));
        assertEquals(List.of(running, stopped), simIds(sim));
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
    }
}
