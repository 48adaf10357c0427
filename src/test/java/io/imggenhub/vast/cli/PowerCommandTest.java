package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code stop} and {@code start} over {@code PUT /api/v0/instances/{id}/} with
 * {@code {"state": "stopped"|"running"}} (vast-api.md §3.7), saying that a stopped instance still bills storage.
 */
class PowerCommandTest extends SimTest {

    @Test
    void stopHaltsTheGpuBillingAndSaysTheDiskStillBills() {
        start();
        long id = alive().get(0).id();

        CliHarness.Result r = cli().run("stop", "--instance-id", String.valueOf(id));

        assertEquals(0, r.exit(), r.err());
        assertEquals("stopping instance " + id + ".\n", r.out());
        assertTrue(r.err().contains("still bills storage"), r.err());
        assertEquals(1, sim.count("PUT", "/api/v0/instances/" + id + "/"));
        assertTrue(
                sim.state().instance(id).orElseThrow().actualStatus().matches("stopped|exited"),
                sim.state().instance(id).orElseThrow().actualStatus());
        assertTrue(cli().run("history", "--json").out().contains("\"stop\""), "audited");

        CliHarness.Result back = cli().run("start", "--instance-id", String.valueOf(id));
        assertEquals(0, back.exit(), back.err());
        assertEquals("starting instance " + id + ".\n", back.out());
        assertEquals(2, sim.count("PUT", "/api/v0/instances/" + id + "/"));
    }

    @Test
    void anUnknownInstanceIsAFailureAndABadIdIsUsage() {
        start();
        assertEquals(
                ExitCodes.FAILED,
                cli().run("stop", "--instance-id", "999999999").exit());
        CliHarness.Result bad = cli().run("start", "--instance-id", "abc");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertEquals(0, sim.count("PUT", "/api/v0/instances/999999999/"), "nothing sent for bad input");
    }
}
