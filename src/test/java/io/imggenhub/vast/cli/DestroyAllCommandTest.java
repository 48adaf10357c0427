package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DestroyAllCommandTest extends SimTest {

    @Test
    void destroysEverythingWithTheDocumentedLines() {
        start();
        List<Instance> before = listed();

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit(), r.err());
        List<String> expected = new ArrayList<>();
        expected.add("Found 3 active instance(s). Destroying all...");
        before.forEach(i -> expected.add("✓ Destroyed instance " + i.id() + " (" + i.gpuDisplayName() + ")"));
        expected.add("");
        expected.add("Destroyed 3/3 instance(s)");
        assertEquals(expected, r.outLines());
        assertEquals("", r.err());
        assertTrue(alive().isEmpty());
    }

    @Test
    void emptyAccountHasNothingToDestroy() {
        start(SimulatorConfig.defaults().withInstances(0));
        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit());
        assertEquals("No active instances to destroy.\n", r.out());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesBeforeAnyRequest() {
        start();
        CliHarness.Result r = cli().run("destroy-all");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: confirmation_required: "), r.err());
        assertEquals(0, sim.requests().size());
        assertEquals(3, alive().size());
    }

    @Test
    void onATerminalItStatesCountAndTotalRate() {
        start();
        double rate = listed().stream().mapToDouble(Instance::billedRate).sum();

        CliHarness.Result no = cli().atTerminal("\n").run("destroy-all");

        assertEquals(2, no.exit());
        assertTrue(
                no.err().contains("Destroy all 3 instances, billing " + String.format(Locale.ROOT, "$%.4f/hr", rate)),
                no.err());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));

        CliHarness.Result yes = cli().atTerminal("yes\n").run("destroy-all");

        assertEquals(0, yes.exit(), yes.err());
        assertTrue(alive().isEmpty());
    }

    @Test
    void oneRefusedDestroyDoesNotStopTheOthers() {
        start();
        List<Instance> before = listed();
        long refused = before.get(1).id();
        sim.faults().failDestroy(refused, 400);

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(1, r.exit());
        List<String> lines = r.outLines();
        assertEquals(
                "✓ Destroyed instance " + before.get(0).id() + " ("
                        + before.get(0).gpuDisplayName() + ")",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("✗ Failed to destroy instance " + refused + ": "), lines.get(2));
        assertEquals(
                "✓ Destroyed instance " + before.get(2).id() + " ("
                        + before.get(2).gpuDisplayName() + ")",
                lines.get(3));
        assertEquals("Destroyed 2/3 instance(s)", lines.get(lines.size() - 1));
        assertTrue(r.err().contains("STILL BILLING: instance " + refused), r.err());
        assertEquals(List.of(refused), alive().stream().map(i -> i.id()).toList());
    }

    @Test
    void theDocumentedLimitsAreKeptWithoutA429() {
        // vast-api.md §5: list 1 s, bulk destroy 3 s per key (scaled for the suite); the pacer waits, not Vast.
        start(SimulatorConfig.defaults().withInstances(12));

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit(), r.all());
        assertEquals(
                "Destroyed 12/12 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertTrue(alive().isEmpty());
        assertEquals(0, sim.faults().rateLimitedCount());
        assertEquals(1, sim.count("DELETE", "/api/v0/instances/"), "one bulk request for 12 instances");
    }

    @Test
    void jsonReportParses() throws Exception {
        start();
        CliHarness.Result r = cli().run("destroy-all", "--yes", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode node = Json.mapper().readTree(r.out());
        assertEquals(3, node.get("total").asInt());
        assertEquals(3, node.get("destroyed").asInt());
        assertEquals(0, node.get("still_billing").asInt());
        for (JsonNode o : node.get("outcomes")) {
            assertEquals("destroyed", o.get("status").asText());
        }
        assertFalse(r.out().contains("Found 3"));
    }
}
