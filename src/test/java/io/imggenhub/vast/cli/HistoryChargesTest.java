package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code history --charges}: Vast's charges (vast-api.md §3.8) beside the estimate, as text and JSON; bad input sends nothing. */
class HistoryChargesTest extends SimTest {

    private java.time.Clock clock = java.time.Clock.systemUTC();

    /** On the simulator's clock once shared, so the command's "last 24 h" is the simulated day. */
    private CliHarness data() {
        return cli().clock(clock)
                .env("IMGGENHUB_VAST_DATA", home.resolve("data").toString());
    }

    private void frozenDayWithADestroy() {
        start(SimulatorConfig.defaults().withInstances(2).withCredit(100).withTimeScale(0));
        clock = sim.shareClockWithClients();
        assertEquals(0, data().run("watch", "--once").exit());
        sim.clock().advance(Duration.ofHours(2));
        assertEquals(
                0,
                data().run(
                                "destroy",
                                "--instance-id",
                                String.valueOf(alive().get(0).id()),
                                "--yes")
                        .exit());
        sim.clock().advance(Duration.ofHours(1));
        assertEquals(0, data().run("watch", "--once").exit());
    }

    @Test
    void jsonShowsEachPeriodPerInstanceWithTheDestroyedOneLabelled() throws Exception {
        frozenDayWithADestroy();
        long destroyed = sim.state().instances().stream()
                .filter(i -> sim.state().isDestroyed(i.id()))
                .findFirst()
                .map(i -> i.id())
                .orElse(-1L);
        double creditFall = 100 - sim.state().credit();

        CliHarness.Result r = data().run("history", "--charges", "--json");

        assertEquals(0, r.exit(), r.all());
        JsonNode periods = Json.mapper().readTree(r.out()).get("periods");
        assertEquals(3, periods.size());
        assertEquals("day", periods.get(0).get("period").asText());
        assertEquals("month", periods.get(2).get("period").asText());
        JsonNode day = periods.get(0);
        assertEquals(creditFall, day.get("billed").asDouble(), 0.01, "the account total is the credit's fall");
        Map<Long, JsonNode> rows = new HashMap<>();
        day.get("instances").forEach(i -> rows.put(i.get("instance_id").asLong(), i));
        assertEquals(2, rows.size());
        assertTrue(rows.get(destroyed).get("destroyed").asBoolean(), r.out());
        JsonNode row = rows.get(destroyed);
        assertTrue(
                row.get("gpu_charges").asDouble() > 0 && row.get("disk_charges").asDouble() > 0);
        assertEquals(
                row.get("billed").asDouble() - row.get("estimated").asDouble(),
                row.get("difference").asDouble(),
                1e-9);
        assertEquals(3, sim.count("GET", "/api/v0/charges/"), "one paced query per period");
    }

    @Test
    void textHasTheTotalsAndTheTable() {
        frozenDayWithADestroy();
        CliHarness.Result r = data().run("history", "--charges", "--since", "6h");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Charges in the chosen range ("), r.out());
        assertTrue(r.out().contains("billed by Vast $"), r.out());
        assertTrue(r.out().contains("Bandwidth $") && r.out().contains("Difference"), r.out());
        assertTrue(r.out().contains("destroyed"), r.out());
        assertFalse(r.out().contains(sim.apiKey()));
    }

    @Test
    void badInputExitsTwoAndSendsNothing() {
        start(SimulatorConfig.defaults().withInstances(1).withTimeScale(0));
        for (String[] args : new String[][] {
            {"history", "--charges", "--spend"},
            {"history", "--charges", "--since", "0s"},
            {"history", "--charges", "--since", "yesterday"},
            {"history", "--charges", "--days", "3", "--since", "2h"}
        }) {
            CliHarness.Result r = data().run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.all());
            assertFalse(r.err().isBlank());
        }
        assertEquals(0, sim.requests().size(), "nothing sent");
    }
}
