package io.imggenhub.vast.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.AlertThresholds;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.SpendWatch;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.testutil.MutableClock;
import io.imggenhub.vast.testutil.WebhookReceiver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Alerts and guard actions leave the machine as webhook POSTs: each format as a local receiver gets it, the
 * format chosen by URL, HTTPS except loopback, the key never sent, retries with backoff reported once, the same
 * hysteresis and snooze as the tray, and a hanging receiver that never holds up a destroy.
 */
class WebhookNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookNotifier.Backoff FAST =
            new WebhookNotifier.Backoff(3, Duration.ofMillis(10), Duration.ofSeconds(5));
    private static final Notice BURN = new Notice(
            "alert",
            "HIGH_BURN",
            "High spend",
            "Burning $2.00/hr (limit $1.00/hr) across 1 instance: $48.00 a day.",
            false,
            false,
            Instant.parse("2026-11-30T14:00:00Z"));
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private WebhookReceiver.Received sendOne(NotifyFormat format, Notice notice) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookNotifier notifier = new WebhookNotifier(
                    List.of(NotifyTarget.parse(receiver.url("/hook"), format)), FAST, null, problems::add);
            notifier.send(notice);
            assertTrue(notifier.drain(Duration.ofSeconds(10)));
            assertEquals(1, receiver.received.size());
            WebhookReceiver.Received r = receiver.received.get(0);
            assertEquals("POST", r.method());
            return r;
        }
    }

    @Test
    void genericJsonCarriesEveryField() throws Exception {
        WebhookReceiver.Received r = sendOne(NotifyFormat.JSON, BURN);
        assertEquals("application/json", r.contentType());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("imggenhub-vast", body.get("source").asText());
        assertEquals("alert", body.get("event").asText());
        assertEquals("HIGH_BURN", body.get("kind").asText());
        assertEquals("High spend", body.get("title").asText());
        assertEquals(BURN.message(), body.get("message").asText());
        assertFalse(body.get("urgent").asBoolean());
        assertEquals("2026-11-30T14:00:00Z", body.get("at").asText());
    }

    @Test
    void slackGetsText() throws Exception {
        JsonNode body = JSON.readTree(sendOne(NotifyFormat.SLACK, BURN).body());
        assertEquals("*High spend*: " + BURN.message(), body.get("text").asText());
    }

    @Test
    void discordGetsContentAndPingsNobody() throws Exception {
        JsonNode body = JSON.readTree(sendOne(NotifyFormat.DISCORD, BURN).body());
        assertEquals("**High spend**: " + BURN.message(), body.get("content").asText());
        assertEquals(0, body.get("allowed_mentions").get("parse").size());
    }

    @Test
    void ntfyGetsPlainTextWithTitleAndPriorityHeaders() throws Exception {
        WebhookReceiver.Received r = sendOne(NotifyFormat.NTFY, BURN);
        assertTrue(r.contentType().startsWith("text/plain"));
        assertEquals(BURN.message(), r.body());
        assertEquals("High spend", r.header("Title"));
        assertEquals("high", r.header("Priority"));
    }

    @Test
    void theFormatFollowsTheUrlUnlessChosen() {
        assertEquals(
                NotifyFormat.SLACK,
                NotifyTarget.parse("https://hooks.slack.com/services/T0/B0/x", null)
                        .format());
        assertEquals(
                NotifyFormat.DISCORD,
                NotifyTarget.parse("https://discord.com/api/webhooks/1/abc", null)
                        .format());
        assertEquals(
                NotifyFormat.NTFY,
                NotifyTarget.parse("https://ntfy.sh/my-gpus", null).format());
        assertEquals(
                NotifyFormat.NTFY,
                NotifyTarget.parse("https://push.example.org/ntfy/gpus", null).format());
        assertEquals(
                NotifyFormat.JSON,
                NotifyTarget.parse("https://example.org/hook", null).format());
        assertEquals(
                NotifyFormat.JSON,
                NotifyTarget.parse("https://hooks.slack.com/x", NotifyFormat.JSON)
                        .format());
        assertEquals(NotifyFormat.DISCORD, NotifyFormat.parse("Discord"));
        assertThrows(IllegalArgumentException.class, () -> NotifyFormat.parse("email"));
    }

    @Test
    void httpsOnlyExceptLoopback() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NotifyTarget.parse("http://hooks.example.org/secret-path", null));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NotifyTarget.parse("ftp://example.org/x", null));
        assertThrows(IllegalArgumentException.class, () -> NotifyTarget.parse("https://user:pw@example.org/x", null));
        assertEquals(
                "http",
                NotifyTarget.parse("http://127.0.0.1:8080/hook", null).url().getScheme());
        assertEquals(
                "https://hooks.slack.com/…",
                NotifyTarget.parse("https://hooks.slack.com/services/T/B/secret", null)
                        .shown());
    }

    @Test
    void theApiKeyNeverGoesIntoANotification() throws Exception {
        String key = "a1b2c3d4e5f6-simulated-key";
        Notice leaky = new Notice(
                "alert",
                "STILL_BILLING",
                "STILL BILLING " + key,
                "Instance 5 was not destroyed: auth failed for key " + key,
                true,
                false,
                Instant.now());
        for (NotifyFormat format : NotifyFormat.values()) {
            try (WebhookReceiver receiver = WebhookReceiver.ok()) {
                WebhookNotifier notifier = new WebhookNotifier(
                        List.of(NotifyTarget.parse(receiver.url("/k"), format)), FAST, key, problems::add);
                notifier.send(leaky);
                assertTrue(notifier.drain(Duration.ofSeconds(10)));
                WebhookReceiver.Received r = receiver.received.get(0);
                assertFalse(r.body().contains(key), format + ": " + r.body());
                assertTrue(r.body().contains("****"), format + ": " + r.body());
                r.headers().forEach((name, values) -> values.forEach(v -> assertFalse(v.contains(key), name)));
                assertNull(r.header("Authorization"), "no credential header goes to a webhook");
            }
        }
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffAndReportedOnce() throws Exception {
        try (WebhookReceiver flaky = new WebhookReceiver(n -> n <= 2 ? 500 : 200, null);
                WebhookReceiver dead = new WebhookReceiver(n -> 503, null)) {
            WebhookNotifier notifier = new WebhookNotifier(
                    List.of(NotifyTarget.parse(flaky.url("/f"), null), NotifyTarget.parse(dead.url("/d"), null)),
                    FAST,
                    null,
                    problems::add);
            notifier.send(BURN);
            notifier.send(BURN);
            assertTrue(notifier.drain(Duration.ofSeconds(10)));
            assertEquals(4, flaky.received.size(), "two failures, then the first notice lands, then the second");
            assertEquals(flaky.received.get(0).body(), flaky.received.get(2).body(), "a retry sends the same body");
            assertEquals(6, dead.received.size(), "three tries for each notice");
            assertEquals(1, problems.size(), "the dead one is reported once: " + problems);
            assertTrue(problems.get(0).startsWith("Notifications to http://127.0.0.1:"), problems.get(0));
            assertFalse(problems.get(0).contains("/d"), "webhook paths are secrets");
        }
    }

    @Test
    void aHangingEndpointNeverHoldsUpADestroy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookReceiver hanging = new WebhookReceiver(n -> 200, release);
                VastSimulator sim = VastSimulator.start(
                        SimulatorConfig.defaults().withInstances(2).withDestroyLinger(Duration.ofMillis(20)))) {
            WebhookNotifier notifier = new WebhookNotifier(
                    List.of(NotifyTarget.parse(hanging.url("/h"), null)),
                    new WebhookNotifier.Backoff(1, Duration.ZERO, Duration.ofSeconds(60)),
                    null,
                    problems::add);
            Destroyer destroyer = new Destroyer(
                    new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test"))),
                    new Destroyer.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(20)),
                    e -> {},
                    Clock.systemUTC());

            notifier.send(BURN);
            assertTrue(hanging.arrived.await(10, TimeUnit.SECONDS), "the receiver holds the POST open");
            notifier.send(BURN);
            DestroyReport report = destroyer.destroyEverything("guard:test", DestroyListener.NONE);

            assertTrue(report.allStopped(), "the destroy finished while the webhook hangs");
            assertEquals(2, report.stopped());
            assertEquals(1, hanging.received.size(), "the second notice still waits behind the hanging one");
            release.countDown();
            assertTrue(notifier.drain(Duration.ofSeconds(10)));
            assertEquals(2, hanging.received.size());
            notifier.close();
        }
    }

    @Test
    void theSameHysteresisAndSnoozeAsTheTray() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        SpendWatch watch = new SpendWatch(new AlertThresholds(1.00, 0, 0, 0.10), clock, ZoneOffset.UTC);
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookNotifier notifier = new WebhookNotifier(
                    List.of(NotifyTarget.parse(receiver.url("/s"), null)), FAST, null, problems::add);
            watch.addListener(a -> notifier.send(Notice.of(a)));
            for (double burn : new double[] {1.2, 1.2, 0.95, 1.1, 1.3}) { // 0.95 is inside the 10 % band: no clear
                watch.onSnapshot(fleet(clock, burn));
                clock.advance(Duration.ofMinutes(1));
            }
            watch.onSnapshot(fleet(clock, 0.5)); // cleared
            watch.snooze(Alert.Kind.HIGH_BURN, Duration.ofHours(1));
            watch.onSnapshot(fleet(clock, 1.5)); // snoozed: held back
            assertTrue(notifier.drain(Duration.ofSeconds(10)));
            List<String> titles = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.received) {
                titles.add(JSON.readTree(r.body()).get("title").asText());
            }
            assertEquals(List.of("High spend", "High spend cleared"), titles, "not one POST per poll");
        }
    }

    private static FleetSnapshot fleet(MutableClock clock, double rate) {
        Instance i = new Instance(
                100,
                null,
                "RTX 4090",
                1,
                "running",
                "running",
                "running",
                null,
                rate,
                rate,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new FleetSnapshot(List.of(i), new Account(1L, "u", "e", 500.0, 0.0, null, null), clock.instant());
    }

    @SuppressWarnings("unused")
    private static URI uri(String s) {
        return URI.create(s);
    }
}
