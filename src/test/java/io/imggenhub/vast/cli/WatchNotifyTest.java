package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.testutil.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code watch --notify URL}: alerts and guard actions POSTed to a local receiver; bad URLs exit 2 with nothing sent. */
class WatchNotifyTest extends SimTest {
    private final WebhookReceiver receiver = WebhookReceiver.ok();
    private Clock clock;

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private CliHarness at() {
        return cli().clock(clock)
                .env("IMGGENHUB_VAST_DATA", home.resolve("data").toString());
    }

    private List<JsonNode> bodies() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.received) {
            list.add(Json.mapper().readTree(r.body()));
        }
        return list;
    }

    @Test
    void alertsAndGuardActionsArePosted() throws Exception {
        start(SimulatorConfig.defaults().withInstances(0).withCredit(100).withTimeScale(0));
        clock = sim.shareClockWithClients();
        long id = sim.state().addInstance("RTX 4090", 1, 2.00, "train");
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        String url = receiver.url("/hook");

        CliHarness.Result first = at().run("watch", "--once", "--notify", url);
        assertEquals(0, first.exit(), first.all());
        CliHarness.Result again = at().run("watch", "--once", "--notify", url);
        assertEquals(0, again.exit(), again.all());
        sim.clock().advance(Duration.ofHours(2));
        CliHarness.Result acted = at().run("watch", "--once", "--notify", url);
        assertEquals(0, acted.exit(), acted.all());

        List<JsonNode> bodies = bodies();
        assertTrue(
                bodies.stream()
                        .anyMatch(b -> b.get("event").asText().equals("alert")
                                && b.get("kind").asText().equals("HIGH_BURN")),
                bodies.toString());
        assertTrue(
                bodies.stream()
                        .anyMatch(b -> b.get("event").asText().equals("guard")
                                && b.get("kind").asText().equals("TTL")
                                && b.get("message").asText().contains("destroyed instance " + id)),
                bodies.toString());
        receiver.received.forEach(r -> assertFalse(r.body().contains(sim.apiKey())));
        assertTrue(sim.state().isDestroyed(id));
    }

    @Test
    void theFormatFlagChoosesTheBody() throws Exception {
        start(SimulatorConfig.defaults().withInstances(0).withCredit(100).withTimeScale(0));
        clock = sim.shareClockWithClients();
        sim.state().addInstance("RTX 4090", 1, 2.00, null);
        CliHarness.Result r = at().run("watch", "--once", "--notify", receiver.url("/s"), "--notify-format", "slack");
        assertEquals(0, r.exit(), r.all());
        assertTrue(
                bodies().get(0).get("text").asText().startsWith("*High spend*: Burning $2.00/hr"), bodies().toString());
    }

    @Test
    void badNotifyInputExitsTwoAndSendsNothing() {
        start(SimulatorConfig.defaults().withInstances(1).withTimeScale(0));
        clock = Clock.systemUTC();
        for (String[] args : new String[][] {
            {"watch", "--once", "--notify", "http://hooks.example.org/secret"},
            {"watch", "--once", "--notify", "not a url"},
            {"watch", "--once", "--notify", receiver.url("/x"), "--notify-format", "email"},
            {"watch", "--once", "--notify-format", "slack"}
        }) {
            CliHarness.Result r = at().run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.all());
            assertFalse(r.err().isBlank());
        }
        assertEquals(0, sim.requests().size(), "nothing sent to Vast");
        assertTrue(receiver.received.isEmpty(), "nothing sent to the webhook");
    }
}
