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

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()));

        assertEquals(3, r.exit(), r.all());
        List<String> expected = new ArrayList<>();
        expected.add("[ERROR] Insufficient credit error detected. Destroying all instances...");
        expected.add("[INFO] Destroying 3 instance(s)...");
        before.forEach(i -> expected.add("[INFO] ✓ Destroyed instance " + i.id() + " (" + i.gpuDisplayName() + ")"));
        expected.add("[ERROR] All instances destroyed to prevent further costs.");
        expected.add(CREDIT_ERROR);
        assertEquals(expected, r.errLines());
        assertEquals("", r.out());
        assertTrue(alive().isEmpty(), "nothing left billing in the simulator");
    }

    @Test
    void insufficientCreditWithTheCleanupSwitchedOffDestroysNothing() {
        start();
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()),
                "--no-emergency-cleanup");

        assertEquals(3, r.exit());
        assertEquals(List.of("Command failed: insufficient_credit: Your account lacks credit; see the billing page."),
                r.errLines());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
        assertEquals(3, alive().size());
    }

    @Test
    void aCleanupThatCannotDestroyEverythingSaysWhatStillBillsAndExitsOne() {
        start();
        long stubborn = alive().get(0).id();
        sim.faults().failDestroy(stubborn, 400);
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run("reserve", "--offer-id", String.valueOf(sim.state().offers().get(0).id()));

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
}
