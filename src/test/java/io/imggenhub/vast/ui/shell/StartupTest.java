package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.DemoAccount;
import io.imggenhub.vast.ui.settings.SettingsStore;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.application.Platform;
import javafx.concurrent.Worker;
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

/**
 * How a plain start picks its account and gets its first rows: VAST_URL and VAST_API_KEY point it at a server, no
 * key at all opens the demo; the first poll happens before the window shows, so the first frame has rows.
 */
@ExtendWith(ApplicationExtension.class)
class StartupTest {
    static VastSimulator sim;

    @TempDir
    Path home;

    MonitorWindow window;
    long listsBeforeShow;

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
    void start(Stage stage) throws Exception {
        AppEnvironment env = new AppEnvironment(
                Map.of(
                        "XDG_CONFIG_HOME",
                        home.resolve("config").toString(),
                        "VAST_URL",
                        sim.baseUrl().toString(),
                        "VAST_API_KEY",
                        sim.apiKey()),
                home);
        SettingsStore.forEnvironment(env).save(UiSettings.defaults().withPollSeconds(600));
        Startup startup = Startup.prepare(env);
        listsBeforeShow = sim.count("GET", "/api/v1/instances/");
        window = new MonitorWindow(
                stage,
                new WindowOptions(env, startup.store(), TaskRunner.daemonPool(), null, Duration.ofSeconds(30)),
                startup.settings(),
                startup.connection());
        window.show(startup.firstSnapshot());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void theFirstFrameAlreadyHasTheRowsAndTheNextPollWaitsItsTurn(FxRobot robot) {
        assertFalse(fx(() -> window.session().connection().isDemo()), "VAST_URL and VAST_API_KEY were used");
        assertEquals(simIds(sim), tableIds(robot), "rows without waiting for a poll");
        assertEquals(
                Worker.State.SCHEDULED,
                fx(() -> window.session().poll().getState()),
                "the poll service waits for its period");
        assertEquals(listsBeforeShow, sim.count("GET", "/api/v1/instances/"), "no second listing at start");
    }

    @Test
    void withNoKeyAndNoServerAPlainStartOpensTheDemo() {
        Startup startup = Startup.prepare(UiTestSupport.environment(home));
        try {
            assertTrue(startup.connection().isDemo());
            assertNotNull(startup.firstSnapshot(), "the demo answered its first poll");
            assertEquals(DemoAccount.INSTANCES, startup.firstSnapshot().live().size());
            assertTrue(
                    startup.firstSnapshot().live().stream().anyMatch(i -> i.isStopped()),
                    "one demo instance is stopped, to show a storage-only row");
        } finally {
            startup.connection().close();
        }
    }
}
