package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.settings.Theme;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * With 2 s of latency on every request the window still answers clicks: each click below takes effect while the
 * poll it started is still waiting for the server, which is only possible if no I/O runs on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    @RegisterExtension
    static final WindowFixture ui = WindowFixture.simulator(
                    SimulatorConfig.defaults().withInstances(3))
            .beforeWindow(f -> f.sim().faults().latency(Duration.ZERO));

    @AfterEach
    void noLatency() {
        ui.sim().faults().latency(Duration.ZERO);
    }

    @Test
    void clicksAreAnsweredWhileASlowPollIsInFlight(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        ui.sim().faults().latency(Duration.ofSeconds(2));
        long listsBefore = ui.sim().count("GET", "/api/v1/instances/");

        robot.type(KeyCode.F5);
        // The request is on the wire (or waiting in the simulator): from here on the server takes >= 2 s to answer.
        await().atMost(10, SECONDS)
                .until(() -> ui.sim().count("GET", "/api/v1/instances/") > listsBefore
                        || fx(() ->
                                ui.window().session().poll().inFlightBinding().get()));
        assertTrue(fx(() -> ui.window().session().poll().inFlightBinding().get()), "F5 started a poll");

        Theme before = fx(ui.window()::theme);
        robot.clickOn("#theme");
        robot.clickOn("#deploy-toggle");
        assertNotEquals(before, fx(ui.window()::theme), "the theme button answered");
        assertFalse(find(robot, "#deploy-panel").isPresent(), "the deploy panel button answered");
        assertTrue(
                fx(() -> ui.window().session().poll().inFlightBinding().get()),
                "both clicks were handled while the slow poll was still waiting for the server");

        // And the slow answer still arrives and is shown.
        await().atMost(30, SECONDS)
                .until(() ->
                        !fx(() -> ui.window().session().poll().inFlightBinding().get()));
        assertFalse(fx(() -> ui.window().session().monitor().staleProperty().get()));
    }

    @Test
    void aSlowDestroyLeavesTheWindowUsable(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        long target = simIds(ui.sim()).get(0);
        ui.sim().faults().latency(Duration.ofSeconds(2));
        robot.interact(() -> UiTestSupport.table(robot)
                .getSelectionModel()
                .select(ui.window().session().monitor().row(target).orElseThrow()));
        robot.clickOn("#destroy");
        robot.clickOn("#confirm-action");
        assertTrue(fx(() -> ui.window().session().destroy().busyBinding().get()), "the destroy is under way");

        robot.clickOn("#deploy-toggle");
        assertFalse(find(robot, "#deploy-panel").isPresent(), "a click answered during the destroy");
        assertTrue(fx(() -> ui.window().session().destroy().busyBinding().get()), "…while the destroy still runs");

        await().atMost(60, SECONDS)
                .until(() ->
                        ui.sim().state().isDestroyed(target) && !tableIds(robot).contains(target));
    }
}
