package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.guards.GuardTestSupport;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.SettingsStore;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's first snapshot is polled before the window exists (it overlaps the toolkit's start-up), yet it must
 * reach everything a later poll reaches: the spend history and the guards. A guard that is already due when the
 * window opens warns at once, not a poll period (here 600 s) later. Against the simulator on simulated time.
 */
@ExtendWith(ApplicationExtension.class)
class FirstPollTest {
    VastSimulator sim;
    Connection connection;
    MonitorWindow window;
    FleetSnapshot first;
    long id;

    @TempDir
    Path home;

    @BeforeEach
    void arrange() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(GuardTestSupport.frozenEmptyAccount());
        id = sim.state().addInstance("RTX 4090", 1, 0.40, "due-before-the-window");
        connection = GuardTestSupport.onSimulatedTime(sim);
        connection
                .data()
                .guards(connection.server())
                .setInstanceGuard(
                        InstanceGuard.ttl(id, Duration.ofHours(1)),
                        sim.clock().asClock().instant());
        sim.clock().advance(Duration.ofHours(2));
        // As Startup does: the first poll runs before the session (and its listeners) exists.
        first = connection.services().repository().refresh();
        AppEnvironment env = UiTestSupport.environment(home);
        window = new MonitorWindow(
                stage,
                new WindowOptions(
                        env, SettingsStore.forEnvironment(env), TaskRunner.daemonPool(), null, Duration.ofSeconds(30)),
                UiSettings.defaults().withPollSeconds(600),
                connection);
        window.show(first);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    @Test
    void aGuardAlreadyDueWarnsFromTheFirstPoll(FxRobot robot) {
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-guard-warn-" + id).isPresent());
        String warning = allText(robot, "#banner-guard-warn-" + id);
        assertTrue(
                warning.contains("Instance " + id + " (RTX 4090")
                        && warning.contains("will be destroyed")
                        && warning.contains("lifetime 1 h reached"),
                warning);
        assertTrue(find(robot, "#banner-action-guard-warn-" + id).isPresent(), "the warning offers Keep it");
        assertFalse(sim.state().isDestroyed(id), "a guard found due warns first; it destroys on a later poll");
    }

    @Test
    void theFirstPollIsRecordedInTheHistory() {
        SpendHistory history = connection.data().history();
        await().atMost(10, SECONDS)
                .until(() -> !history.points(Instant.EPOCH, first.fetchedAt().plusSeconds(1))
                        .isEmpty());
        List<SpendHistory.Point> points =
                history.points(Instant.EPOCH, first.fetchedAt().plusSeconds(1));
        assertEquals(1, points.size(), points.toString());
        assertEquals(
                first.fetchedAt().truncatedTo(ChronoUnit.MILLIS), points.get(0).at(), "stored to the millisecond");
        assertEquals(1, points.get(0).instanceCount());
    }
}
