package io.imggenhub.vast.ui.settings;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.testutil.WebhookReceiver;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
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

/** The Settings' "Also send alerts to" webhooks get the window's alerts, once per episode, without the key. */
@ExtendWith(ApplicationExtension.class)
class WindowNotifyTest {
    @TempDir
    Path home;

    VastSimulator sim;
    MonitorWindow window;
    final WebhookReceiver receiver = WebhookReceiver.ok();

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3));
        double burn = sim.state().burnRate();
        window = UiTestSupport.open(
                stage,
                UiTestSupport.connectionTo(sim),
                home,
                UiSettings.defaults()
                        .withPollSeconds(600)
                        .withThresholds(0, burn / 2, 0)
                        .withNotifyUrls(List.of(receiver.url("/window"))),
                null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
        receiver.close();
    }

    @Test
    void theWindowsAlertsArePostedToTheSettingsWebhooks(FxRobot robot) {
        await().atMost(20, SECONDS)
                .until(() -> receiver.received.stream().anyMatch(r -> r.body().contains("High spend")));
        robot.interact(() -> window.session().refreshNow());
        robot.interact(() -> window.session().refreshNow());
        assertEquals(
                1,
                receiver.received.stream()
                        .filter(r -> r.body().contains("\"High spend\""))
                        .count(),
                "once per episode, as the banner and the tray");
        receiver.received.forEach(r -> assertFalse(r.body().contains(sim.apiKey())));
    }

    @Test
    void theSettingsFieldTakesSeveralUrlsAndRefusesPlainHttpElsewhere() {
        assertEquals(
                List.of("https://hooks.slack.com/services/a", "http://127.0.0.1:9/x"),
                SettingsDialog.notifyUrls(" https://hooks.slack.com/services/a, http://127.0.0.1:9/x "));
        assertTrue(SettingsDialog.notifyUrls("  ").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SettingsDialog.notifyUrls("http://example.org/hook"));
    }
}
