package io.imggenhub.vast.ui;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static io.imggenhub.vast.ui.UiTestSupport.allText;
import static io.imggenhub.vast.ui.UiTestSupport.fx;
import static io.imggenhub.vast.ui.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thresholds from Settings drive the shared alert rules: a banner when one is crossed, a note when it clears. */
@ExtendWith(ApplicationExtension.class)
class AlertBannerTest {
    @TempDir
    Path home;
    VastSimulator sim;
    MonitorWindow window;

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3));
        double burn = sim.state().burnRate();
        window = UiTestSupport.open(stage, UiTestSupport.connectionTo(sim), home,
                UiSettings.defaults().withPollSeconds(600).withThresholds(0, burn / 2, 0), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    @Test
    void aBurnAboveTheLimitRaisesABannerThatClearsWhenTheBurnDrops(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> allText(robot, "#banner-alert-high-burn").contains("High spend"));
        assertTrue(fx(() -> robot.lookup("#burn-tile").query().getStyleClass().contains("warning")),
                "the burn tile is marked too");

        simIds(sim).forEach(id -> sim.state().destroy(id));
        robot.interact(() -> window.session().refreshNow());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).isEmpty());
        await().atMost(20, SECONDS).until(() -> allText(robot, "#banner-alert-high-burn").contains("cleared"));
        assertTrue(fx(() -> !robot.lookup("#burn-tile").query().getStyleClass().contains("warning")));
    }
}
