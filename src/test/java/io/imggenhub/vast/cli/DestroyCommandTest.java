package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestroyCommandTest extends SimTest {

    /** Issue 11 item 1: VAST_URL answering 307 to another origin once got "Successfully destroyed" over there. */
    @Test
    void aServerThatRedirectsToAnotherOriginGetsNoDestroyCarriedOutThere() {
        start();
        long id = alive().get(0).id();
        try (io.imggenhub.vast.api.FakeServer redirecting = io.imggenhub.vast.api.FakeServer.answering(
                r -> io.imggenhub.vast.api.FakeServer.Answer.redirect(307, sim.baseUrl() + r.path()))) {
            CliHarness.Result r = cli().env("VAST_URL", redirecting.baseUrl().toString())
                    .run("destroy", "--instance-id", String.valueOf(id), "--yes");

            assertEquals(1, r.exit(), r.all());
            assertFalse(r.out().contains("Successfully destroyed"), r.out());
            assertTrue(r.err().contains("redirect_refused"), r.err());
            assertTrue(
                    r.err().contains(redirecting.baseUrl().toString())
                            && r.err().contains(sim.baseUrl().toString()),
                    r.err());
            assertEquals(0, sim.requests().size(), "the other origin never heard from us: " + sim.requests());
            assertFalse(sim.state().isDestroyed(id));
        }
    }

    @Test
    void yesDestroysAndVerifies() {
        start();
        long id = alive().get(0).id();

        CliHarness.Result r = cli().run("destroy", "--instance-id", String.valueOf(id), "--yes");

        assertEquals(0, r.exit(), r.err());
        assertEquals("Successfully destroyed instance " + id + "\n", r.out());
        assertTrue(sim.state().isDestroyed(id));
        assertEquals(2, alive().size());
        assertTrue(sim.count("GET", "/api/v1/instances/") >= 1, "verified by listing again");
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesBeforeAnyRequest() {
        start();
        long id = alive().get(0).id();

        CliHarness.Result r = cli().run("destroy", "--instance-id", String.valueOf(id));

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: confirmation_required: "), r.err());
        assertTrue(r.err().contains("--yes"), r.err());
        assertEquals(0, sim.requests().size());
        assertFalse(sim.state().isDestroyed(id));
    }

    @Test
    void onATerminalItNamesTheGpuAndRateAndDestroysOnYes() {
        start();
        SimInstance target = alive().get(0);

        CliHarness.Result r = cli().atTerminal("y\n").run("destroy", "--instance-id", String.valueOf(target.id()));

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Destroy instance " + target.id() + " (" + target.gpuName()), r.err());
        assertTrue(r.err().contains(String.format(Locale.ROOT, "$%.4f/hr", target.dphTotal())), r.err());
        assertTrue(r.err().contains("[y/N]"), r.err());
        assertTrue(sim.state().isDestroyed(target.id()));
    }

    @Test
    void onATerminalAnythingButYesAborts() {
        start();
        long id = alive().get(0).id();

        CliHarness.Result r = cli().atTerminal("n\n").run("destroy", "--instance-id", String.valueOf(id));

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Aborted"), r.err());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
        assertFalse(sim.state().isDestroyed(id));
    }

    @ParameterizedTest
    // Issue 10 §6: the full-width "２８１１６３５８" was once read as 28116358 and destroyed that instance.
    @ValueSource(strings = {"abc", "-5", "0", "1.5", "", "２８１１６３５８", "٢٨١١٦٣٥٨"})
    void badIdsExitTwoBeforeAnyRequest(String id) {
        start();
        CliHarness.Result r = cli().run("destroy", "--instance-id", id, "--yes");

        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("Command failed: usage: "), r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void missingIdIsBadUsage() {
        start();
        CliHarness.Result r = cli().run("destroy", "--yes");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--instance-id"), r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void unknownInstanceFailsWithoutDeleting() {
        start();
        CliHarness.Result r = cli().run("destroy", "--instance-id", "987654321", "--yes");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("Command failed: not_found: instance 987654321"), r.err());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
    }

    @Test
    void refusedDestroyFailsLoudlyAndTheInstanceStillBills() {
        start();
        long id = alive().get(0).id();
        sim.faults().failDestroy(id, 500);

        CliHarness.Result r = cli().run("destroy", "--instance-id", String.valueOf(id), "--yes");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("STILL BILLING: instance " + id), r.err());
        assertTrue(
                r.err().lines().anyMatch(l -> l.startsWith("Command failed: destroy_failed: instance " + id)), r.err());
        assertFalse(sim.state().isDestroyed(id));
        assertTrue(sim.count("DELETE", "/api/v0/instances/" + id) > 1, "a 500 is retried");
    }

    @Test
    void jsonReportsTheOutcome() throws Exception {
        start();
        long id = alive().get(0).id();

        CliHarness.Result r = cli().run("destroy", "--instance-id", String.valueOf(id), "--yes", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode node = Json.mapper().readTree(r.out());
        assertEquals(id, node.get("id").asLong());
        assertEquals("destroyed", node.get("status").asText());
        assertTrue(node.get("stopped_billing").asBoolean());
    }
}
