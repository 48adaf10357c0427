package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimOffer;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReserveCommandTest extends SimTest {
    static final String CREDIT_ERROR =
            "[ERROR] Command failed: insufficient_credit: Your account lacks credit; see the billing page.";
    /** The last line when our own check found no credit (the rent was never sent), before the amount. */
    static final String NO_CREDIT_ERROR = "[ERROR] Command failed: insufficient_credit: credit is ";

    /** Boot takes 20 simulated seconds; at 200x that is a tenth of a real one. */
    private void startFast() {
        start(SimulatorConfig.defaults().withTimeScale(200));
    }

    @Test
    void rentsWaitsForSshAndSaysHowToConnect() {
        startFast();
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r =
                cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--label", "mine", "--wait", "60");

        assertEquals(0, r.exit(), r.all());
        SimInstance rented = alive().stream()
                .filter(i -> "mine".equals(i.label()))
                .findFirst()
                .orElseThrow();
        assertEquals("running", rented.actualStatus());
        List<String> lines = r.outLines();
        assertEquals(
                "Rented instance " + rented.id() + ": " + gpu(rented) + " at "
                        + String.format(Locale.ROOT, "$%.4f/hr", rented.dphTotal()),
                lines.get(0));
        Instance listedNow =
                listed().stream().filter(i -> i.id() == rented.id()).findFirst().orElseThrow();
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

    /**
     * Issue 10 §4: credit at zero while instances bill is the emergency, whatever meets it (here --force): every
     * instance destroyed, exit 3, no rent sent.
     */
    @Test
    void zeroCreditWithInstancesBillingDestroysThemAllAndExitsThree() {
        start();
        List<Instance> before = listed();
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--force");

        assertEquals(3, r.exit(), r.all());
        List<String> err = r.errLines();
        assertTrue(
                err.get(0)
                        .matches("\\[ERROR] No credit: credit is \\$0\\.00 while 3 instances bill \\$\\d+\\.\\d\\d/hr;"
                                + " Vast refuses to rent without credit\\. Nothing was rented\\."),
                r.err());
        List<String> expected = new ArrayList<>();
        expected.add("[ERROR] Insufficient credit error detected. Destroying all instances...");
        expected.add("[INFO] Destroying 3 instance(s)...");
        before.forEach(i -> expected.add("[INFO] ✓ Destroyed instance " + i.id() + " (" + i.gpuDisplayName() + ")"));
        expected.add("[ERROR] All instances destroyed to prevent further costs.");
        assertEquals(expected, err.subList(1, err.size() - 1));
        assertTrue(err.get(err.size() - 1).startsWith(NO_CREDIT_ERROR + "$0.00 while 3 instances bill"), r.err());
        assertEquals("", r.out());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"), "Vast would refuse: nothing is sent");
        assertTrue(alive().isEmpty(), "nothing left billing in the simulator");
    }

    /** Issue 10 §4: an overdrawn account with stopped instances (storage only) is the same emergency. */
    @Test
    void negativeCreditWithOnlyStoppedInstancesIsTheSameEmergency() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        sim.state().setCredit(-0.04);
        assertTrue(listed().stream().allMatch(i -> i.billedRate() > 0), "stopped ones still pay storage");

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()));

        assertEquals(3, r.exit(), r.all());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertTrue(alive().isEmpty(), r.err());
    }

    @Test
    void zeroCreditWithNothingBillingRefusesWithoutRenting() {
        start(SimulatorConfig.defaults().withInstances(0));
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()));

        assertEquals(3, r.exit(), r.all());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
    }

    @Test
    void insufficientCreditWithTheCleanupSwitchedOffDestroysNothing() {
        start();
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--force",
                        "--no-emergency-cleanup");

        assertEquals(3, r.exit());
        assertTrue(r.err().contains("The instances were left running (--no-emergency-cleanup)."), r.err());
        assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith(NO_CREDIT_ERROR), r.err());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertEquals(3, alive().size());
    }

    @Test
    void aCleanupThatCannotDestroyEverythingSaysWhatStillBillsAndExitsOne() {
        start();
        long stubborn = alive().get(0).id();
        sim.faults().failDestroy(stubborn, 400);
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--force");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("[ERROR] ✗ Failed to destroy instance " + stubborn), r.err());
        assertTrue(r.err().contains("[ERROR] STILL BILLING: instance " + stubborn), r.err());
        assertFalse(r.err().contains("All instances destroyed"), r.err());
        assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith(NO_CREDIT_ERROR), r.err());
        assertEquals(List.of(stubborn), alive().stream().map(SimInstance::id).toList());
    }

    /** Issue 10 §6: --bid is checked at the price it bills (the bid plus the disk's storage), not the offer's. */
    @Test
    void aBidIsCheckedAtThePriceItBills() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        sim.state().setCredit(20);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--bid",
                        "50",
                        "--wait",
                        "0");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("insufficient_runway: Offer "), r.err());
        assertTrue(r.err().matches("(?s).*bills \\$50\\.\\d{4}/hr \\(bid \\$50\\.0000/hr \\+ storage\\).*"), r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
    }

    /** Issue 10 §6: the pre-rent check fails closed: an offer whose price is unknown is not rented unless forced. */
    @Test
    void anOfferThatIsNotListedIsRefusedUnlessForced() {
        start();
        CliHarness.Result r = cli().run("reserve", "--offer-id", "999999999", "--wait", "0");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("unknown_price: Offer 999999999 is not listed as rentable"), r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));

        CliHarness.Result forced = cli().run("reserve", "--offer-id", "999999999", "--wait", "0", "--force");
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"), forced.all());
    }

    /**
     * Issue 10 §2, vast-api.md §3.4: the answer is lost and the instance appears in the list 20 (simulated) seconds
     * later: it is found and reported as usual, with exactly one rent request.
     */
    @Test
    void aLostAnswerWhoseInstanceAppearsTwentySecondsLaterIsReportedAsUsual() {
        startFast();
        SimOffer offer = sim.state().offers().get(0);
        sim.state().hideNewRentalsFor(java.time.Duration.ofSeconds(20));
        sim.faults().loseRentAnswerNext(1);

        CliHarness.Result r = cli().lostAnswerSearch(java.time.Duration.ofSeconds(20))
                .run("reserve", "--offer-id", String.valueOf(offer.id()), "--wait", "0");

        assertEquals(0, r.exit(), r.all());
        SimInstance rented = alive().stream()
                .filter(i -> i.offerId().orElse(0) == offer.id())
                .findFirst()
                .orElseThrow();
        assertTrue(r.out().startsWith("Rented instance " + rented.id() + ": "), r.out());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"), "exactly one rent request");
    }

    /** Issue 10 §2: a lost answer whose instance never shows says a rental may exist, exit 1, no second rent. */
    @Test
    void aLostAnswerThatNeverShowsSaysARentalMayExist() {
        start();
        sim.state().hideNewRentalsFor(java.time.Duration.ofDays(1));
        sim.faults().loseRentAnswerNext(1);
        CliHarness.Result r = cli().lostAnswerSearch(java.time.Duration.ofMillis(300))
                .run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--wait",
                        "0");

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("rent_unconfirmed: the answer to the rent of offer "), r.err());
        assertTrue(r.err().contains("A rental may exist and bill: check 'instances' before renting again."), r.err());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));
        CliHarness.Result history = cli().run("history");
        assertTrue(history.out().lines().anyMatch(l -> l.contains("rent") && l.contains("UNCONFIRMED")), history.out());
    }

    /** Issue 10 §6: every value is checked against Vast's documented ranges (vast-api.md §3.4) before sending. */
    @ParameterizedTest
    @CsvSource({
        "--offer-id,0",
        "--offer-id,-3",
        "--offer-id,x",
        "--offer-id,２８１１６３５８",
        "--disk-size,0",
        "--disk-size,-10",
        "--disk-size,4",
        "--disk-size,1e300",
        "--disk-size,２０",
        "--bid,-0.1",
        "--bid,0",
        "--bid,1000000",
        "--wait,-1",
        "--wait,soon",
        "--wait,10000000000",
        "--wait,86401"
    })
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
    void aTooLongLabelOrImageIsRefusedBeforeAnyRequest() {
        start();
        CliHarness.Result label = cli().run("reserve", "--offer-id", "1", "--label", "x".repeat(257));
        assertEquals(2, label.exit(), label.all());
        assertTrue(label.err().contains("the label must be at most 256 characters"), label.err());
        CliHarness.Result image = cli().run("reserve", "--offer-id", "1", "--image", "i".repeat(1025));
        assertEquals(2, image.exit(), image.all());
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
        assertTrue(
                r.err()
                        .startsWith("Command failed: insufficient_runway: Offer " + offer.id() + " bills "
                                + String.format(Locale.ROOT, "$%.4f/hr with 20 GB disk.", offerPrice(offer.id()))),
                r.err());
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

        CliHarness.Result lower =
                cli().run("reserve", "--offer-id", String.valueOf(offer.id()), "--wait", "0", "--min-runway", "30m");
        assertEquals(0, lower.exit(), lower.all());
        assertTrue(
                lower.errLines()
                        .get(0)
                        .matches("\\[INFO] Offer " + offer.id() + " bills \\$\\d+\\.\\d{4}/hr with 20 GB disk\\."
                                + " Credit \\$\\d+\\.\\d\\d covers 1\\.0 h at .*\\."),
                lower.err());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));

        // The first offer is taken now; the next one would leave even less than an hour.
        CliHarness.Result forced = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--wait",
                        "0",
                        "--force");
        assertEquals(0, forced.exit(), forced.all());
        assertTrue(forced.err().contains("Renting anyway (--force)."), forced.err());
        assertEquals(2, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void ttlGuardsTheNewInstanceAndWatchdogGoesIntoItsOnstart() throws Exception {
        start(SimulatorConfig.defaults().withTimeScale(0));
        SimOffer offer = sim.state().offers().get(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(offer.id()),
                        "--wait",
                        "0",
                        "--ttl",
                        "2h",
                        "--watchdog",
                        "--json");

        assertEquals(0, r.exit(), r.all());
        long id = Json.mapper().readTree(r.out()).get("instance_id").asLong();
        assertTrue(
                r.err().contains("[INFO] Instance " + id + " is guarded: lifetime 2 h (watchdog on the instance too)."),
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
