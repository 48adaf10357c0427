package io.imggenhub.vast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimOffer;
import io.imggenhub.vast.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReserveCommandTest extends SimTest {
    static final String CREDIT_ERROR =
            "[ERROR] Command failed: insufficient_credit: Your account lacks credit; see the billing page.";

    /** Boot takes 20 simulated seconds; at 200x that is a tenth of a real one. */
    private void startFast() {
        start(SimulatorConfig.defaults().withTimeScale(200));
    }

    @Test
    void rentsWaitsForSshAndSaysHowToConnect() {
        startFast();
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--label", "mine",
                "--wait", "60");

        assertEquals(0, r.exit(), r.all());
        SimInstance rented = alive().stream().filter(i -> "mine".equals(i.label())).findFirst().orElseThrow();
        assertEquals("running", rented.actualStatus());
        List<String> lines = r.outLines();
        assertEquals("Rented instance " + rented.id() + ": " + gpu(rented) + " at "
                + String.format(Locale.ROOT, "$%.4f/hr", rented.dphTotal()), lines.get(0));
        Instance listedNow = listed().stream().filter(i -> i.id() == rented.id()).findFirst().orElseThrow();
        assertEquals(listedNow.ssh().command(), lines.get(1));
        assertTrue(lines.get(1).matches("ssh -p \\d+ root@\\S+"), lines.get(1));
        assertEquals(1, sim.count("PUT", "/api/v0/asks/" + offer.id() + "/"));
    }

    private static String gpu(SimInstance i) {
        return i.numGpus() > 1 ? i.numGpus() + "x " + i.gpuName() : i.gpuName();
    }

    @Test
    void waitZeroReturnsRightAfterRenting() {
        start();
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--wait", "0");

        assertEquals(0, r.exit(), r.all());
        assertEquals(1, r.outLines().size(), r.out());
        assertTrue(r.out().startsWith("Rented instance "), r.out());
        assertEquals(4, alive().size());
    }

    @Test
    void jsonDescribesTheRental() throws Exception {
        startFast();
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--json", "--wait", "60");

        assertEquals(0, r.exit(), r.all());
        JsonNode node = Json.mapper().readTree(r.out());
        long id = node.get("instance_id").asLong();
        assertTrue(alive().stream().anyMatch(i -> i.id() == id));
        assertTrue(node.get("ready").asBoolean());
        assertTrue(node.get("ssh_command").asText().startsWith("ssh -p "));
        assertEquals(offer.id(), node.get("offer_id").asLong());
    }

    @Test
    void insufficientCreditDestroysEveryInstanceAndExitsThree() {
        start();
        List<Instance> before = listed();
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()), "--force");

        assertEquals(3, r.exit(), r.all());
        List<String> expected = new ArrayList<>();
        expected.add("[ERROR] Insufficient credit error detected. Destroying all instances...");
        expected.add("[INFO] Destroying 3 instance(s)...");
        before.forEach(i -> expected.add("[INFO] ✓ Destroyed instance " + i.id() + " (" + i.gpuDisplayName() + ")"));
        expected.add("[ERROR] All instances destroyed to prevent further costs.");
        expected.add(CREDIT_ERROR);
        assertTrue(r.errLines().get(0).startsWith("[INFO] Offer ") && r.errLines().get(0).endsWith("Renting anyway (--force)."),
                r.err());
        assertEquals(expected, r.errLines().subList(1, r.errLines().size()));
        assertEquals("", r.out());
        assertTrue(alive().isEmpty(), "nothing left billing in the simulator");
    }

    @Test
    void insufficientCreditWithTheCleanupSwitchedOffDestroysNothing() {
        start();
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()), "--force",
                "--no-emergency-cleanup");

        assertEquals(3, r.exit());
        assertEquals(List.of("Command failed: insufficient_credit: Your account lacks credit; see the billing page."),
                r.errLines().subList(1, r.errLines().size()));
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
        assertEquals(3, alive().size());
    }

    @Test
    void aCleanupThatCannotDestroyEverythingSaysWhatStillBillsAndExitsOne() {
        start();
        long stubborn = alive().get(0).id();
        sim.faults().failDestroy(stubborn, 400);
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()), "--force");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("[ERROR] ✗ Failed to destroy instance " + stubborn), r.err());
        assertTrue(r.err().contains("[ERROR] STILL BILLING: instance " + stubborn), r.err());
        assertFalse(r.err().contains("All instances destroyed"), r.err());
        assertTrue(r.errLines().get(r.errLines().size() - 1).equals(CREDIT_ERROR), r.err());
        assertEquals(List.of(stubborn), alive().stream().map(SimInstance::id).toList());
    }

    @ParameterizedTest
    @CsvSource({"--offer-id,0", "--offer-id,-3", "--offer-id,x", "--disk-size,0", "--disk-size,-10", "--bid,-0.1",
            "--wait,-1", "--wait,soon"})
    void badInputExitsTwoBeforeAnyRequest(String option, String value) {
        start();
        List<String> args = new ArrayList<>(List.of("reserve"));
        if (!option.equals("--offer-id")) {
            args.addAll(List.of("--offer-id", "1"));
        }
        args.addAll(List.of(option, value));
        CliHarness.Result r = cli().run(args.toArray(String[]::new));

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("Command failed: usage: "), r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void aShortRunwayRefusesWithExitTwoAndRentsNothing() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        SimOffer offer = sim.state().offers().get(0);
        double burn = listed().stream().mapToDouble(Instance::billedRate).sum();
        // Enough for one hour at the current burn plus this offer: below the default two.
        sim.state().setCredit(burn + offerPrice(offer.id()));

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(offer.id()));

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("Command failed: insufficient_runway: Offer " + offer.id() + " costs "
                + String.format(Locale.ROOT, "$%.4f/hr.", offerPrice(offer.id()))), r.err());
        assertTrue(r.err().contains("covers 1.0 h at"), r.err());
        assertTrue(r.err().contains("the minimum is 2 h. Use --force to rent anyway. Nothing was rented."), r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void aLowerMinimumOrForceRents() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        SimOffer offer = sim.state().offers().get(0);
        double burn = listed().stream().mapToDouble(Instance::billedRate).sum();
        sim.state().setCredit(burn + offerPrice(offer.id()));

        CliHarness.Result lower = cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--wait", "0",
                "--min-runway", "30m");
        assertEquals(0, lower.exit(), lower.all());
        assertTrue(lower.errLines().get(0).matches("\\[INFO] Offer " + offer.id() + " costs \\$\\d+\\.\\d{4}/hr\\."
                + " Credit \\$\\d+\\.\\d\\d covers 1\\.0 h at .*\\."), lower.err());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));

        // The first offer is taken now; the next one would leave even less than an hour.
        CliHarness.Result forced = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()), "--wait", "0",
                "--force");
        assertEquals(0, forced.exit(), forced.all());
        assertTrue(forced.err().contains("Renting anyway (--force)."), forced.err());
        assertEquals(2, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void ttlGuardsTheNewInstanceAndWatchdogGoesIntoItsOnstart() throws Exception {
        start(SimulatorConfig.defaults().withTimeScale(0));
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--wait", "0",
                "--ttl", "2h", "--watchdog", "--json");

        assertEquals(0, r.exit(), r.all());
        long id = Json.mapper().readTree(r.out()).get("instance_id").asLong();
        assertTrue(r.err().contains("[INFO] Instance " + id + " is guarded: lifetime 2 h (watchdog on the instance too)."),
                r.err());
        CliHarness.Result list = cli().run("guard", "list", "--json");
        assertEquals(0, list.exit(), list.all());
        JsonNode guarded = null;
        for (JsonNode n : Json.mapper().readTree(list.out()).get("instances")) {
            if (n.get("instance_id").asLong() == id) {
                guarded = n;
            }
        }
        assertTrue(guarded != null, list.out());
        assertEquals("local_and_watchdog", guarded.get("protection").asText(), list.out());
        assertEquals(7200, guarded.get("watchdog_ttl_seconds").asLong(), list.out());
        assertEquals("ttl", guarded.get("rules").get(0).get("rule").asText(), list.out());
    }

    @Test
    void watchdogWithoutTtlIsBadUsage() {
        start();
        CliHarness.Result r = cli().run("reserve", "--offer-id", "1", "--watchdog");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("Command failed: invalid_watchdog: --watchdog needs --ttl"), r.err());
        assertEquals(0, sim.requests().size());
    }
}
