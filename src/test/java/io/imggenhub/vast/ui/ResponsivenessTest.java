package io.imggenhub.vast.ui;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
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

import java.nio.file.Path;
import java.time.Duration;

import static io.imggenhub.vast.ui.UiTestSupport.find;
import static io.imggenhub.vast.ui.UiTestSupport.fx;
import static io.imggenhub.vast.ui.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With 2 s of latency on every request the window still answers clicks: each click below takes effect while the
 * poll it started is still waiting for the server, which is only possible if no I/O runs on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    static VastSimulator sim;

    @TempDir
    Path home;
    MonitorWindow window;

    @BeforeAll
    static void startSimulator() {
        Platform.setImplicitExit(false);
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        sim.faults().latency(Duration.ZERO);
        window = UiTestSupport.open(stage, UiTestSupport.connectionTo(sim), home,
                UiSettings.defaults().withPollSeconds(600), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        sim.faults().latency(Duration.ZERO);
        robot.interact(() -> window.stage().close());
    }

    @Test
    void clicksAreAnsweredWhileASlowPollIsInFlight(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(sim)));
        sim.faults().latency(Duration.ofSeconds(2));
        long listsBefore = sim.count("GET", "/api/v1/instances/");

        robot.type(KeyCode.F5);
        // The request is on the wire (or waiting in the simulator): from here on the server takes >= 2 s to answer.
        await().atMost(10, SECONDS).until(() -> sim.count("GET", "/api/v1/instances/") > listsBefore
                || fx(() -> window.session().poll().inFlightBinding().get()));
        assertTrue(fx(() -> window.session().poll().inFlightBinding().get()), "F5 started a poll");

        Theme before = fx(window::theme);
        robot.clickOn("#theme");
        robot.clickOn("#deploy-toggle");
        assertNotEquals(before, fx(window::theme), "the theme button answered");
        assertFalse(find(robot, "#deploy-panel").isPresent(), "the deploy panel button answered");
        assertTrue(fx(() -> window.session().poll().inFlightBinding().get()),
                "both clicks were handled while the slow poll was still waiting for the server");

        // And the slow answer still arrives and is shown.
        await().atMost(30, SECONDS).until(() -> !fx(() -> window.session().poll().inFlightBinding().get()));
        assertFalse(fx(() -> window.session().monitor().staleProperty().get()));
    }

    @Test
    void aSlowDestroyLeavesTheWindowUsable(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(sim)));
        long target = simIds(sim).get(0);
        sim.faults().latency(Duration.ofSeconds(2));
        robot.interact(() -> UiTestSupport.table(robot).getSelectionModel().select(
                window.session().monitor().row(target).orElseThrow()));
        robot.clickOn("#destroy");
        robot.clickOn("#confirm-action");
        assertTrue(fx(() -> window.session().destroy().busyBinding().get()), "the destroy is under way");

        robot.clickOn("#deploy-toggle");
        assertFalse(find(robot, "#deploy-panel").isPresent(), "a click answered during the destroy");
        assertTrue(fx(() -> window.session().destroy().busyBinding().get()), "…while the destroy still runs");

        await().atMost(60, SECONDS).until(() -> sim.state().isDestroyed(target)
                && !tableIds(robot).contains(target));
    }
}
