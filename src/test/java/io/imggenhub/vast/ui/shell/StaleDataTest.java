package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.settings.Theme;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import java.util.List;
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

/** The server goes away: the data stays, marked stale with the error; the window recovers when it is back. */
@ExtendWith(ApplicationExtension.class)
class StaleDataTest {
    static SimulatorConfig config;

    @TempDir
    Path home;

    VastSimulator sim;
    MonitorWindow window;

    @BeforeAll
    static void setUp() {
        Platform.setImplicitExit(false);
        config = SimulatorConfig.defaults().withInstances(4);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(config);
        window = UiTestSupport.open(
                stage,
                UiTestSupport.connectionTo(sim),
                home,
                UiSettings.defaults().withPollSeconds(1),
                null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    @Test
    void aStoppedServerShowsTheStaleBannerAndTheWindowRecoversWhenItReturns(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(sim)));
        List<Long> shown = tableIds(robot);
        int port = sim.baseUrl().getPort();
        String key = sim.apiKey();
        sim.close();

        await().atMost(30, SECONDS).until(() -> find(robot, "#banner-stale").isPresent());
        String banner = allText(robot, "#banner-stale");
        assertTrue(banner.contains("Stale data"), banner);
        assertTrue(banner.contains("connection_refused") || banner.contains("connection_failed"), banner);
        assertEquals(shown, tableIds(robot), "the last known rows stay on screen");
        assertTrue(fx(() -> window.session().monitor().staleProperty().get()));

        // Still responsive while every poll fails.
        Theme before = fx(window::theme);
        robot.clickOn("#theme");
        assertNotEquals(before, fx(window::theme));

        sim = VastSimulator.start(config.withPort(port).withApiKey(key).withInstances(2));
        await().atMost(30, SECONDS).until(() -> find(robot, "#banner-stale").isEmpty());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(sim)));
        assertEquals(2, tableIds(robot).size());
    }
}
