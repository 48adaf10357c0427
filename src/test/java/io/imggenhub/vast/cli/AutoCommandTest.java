package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimOffer;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoCommandTest extends SimTest {

    private List<JsonNode> search(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("offers", "--json", "--limit", "100000"));
        args.addAll(List.of(filters));
        CliHarness.Result r = cli().run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> list = new ArrayList<>();
        Json.mapper().readTree(r.out()).forEach(list::add);
        return list;
    }

    @Test
    void rentsTheCheapestOfferMatchingEveryFilterAndPassesThePrompt() throws Exception {
        start(SimulatorConfig.defaults().withTimeScale(200));
        List<JsonNode> all = search();
        // A GPU that is not the cheapest overall, so that honouring the name matters.
        String gpu = all.stream()
                .map(o -> o.get("gpu_name").asText())
                .filter(n -> !n.equals(all.get(0).get("gpu_name").asText()))
                .findFirst()
                .orElseThrow();
        JsonNode expected = all.stream()
                .filter(o -> o.get("gpu_name").asText().equals(gpu))
                .filter(o -> o.get("gpu_total_ram").asDouble() >= 20_000)
                .filter(o -> o.get("reliability2").asDouble() >= 0.9)
                .min(Comparator.comparingDouble(
                        (JsonNode o) -> o.get("dph_total").asDouble()))
                .orElseThrow();
        sim.clearRequests();

        CliHarness.Result r = cli().run(
                        "auto",
                        "--gpu-name",
                        gpu,
                        "--min-vram",
                        "20",
                        "--min-reliability",
                        "90",
                        "--prompt",
                        "a lighthouse at dusk",
                        "--label",
                        "auto-test",
                        "--wait",
                        "60");

        assertEquals(0, r.exit(), r.all());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));
        assertEquals(1, sim.count("PUT", "/api/v0/asks/" + expected.get("id").asLong() + "/"));
        SimInstance rented = alive().stream()
                .filter(i -> "auto-test".equals(i.label()))
                .findFirst()
                .orElseThrow();
        assertEquals(gpu, rented.gpuName());
        // vast-api.md §3.4: an environment variable is its bare name, as Vast's CLI parse_env makes it.
        assertEquals(List.of(List.of("PROMPT", "a lighthouse at dusk")), rented.extraEnv());
        Instance listedNow =
                listed().stream().filter(i -> i.id() == rented.id()).findFirst().orElseThrow();
        assertEquals(listedNow.ssh().command(), r.outLines().get(1));
        assertTrue(
                r.err().contains("Cheapest match: offer " + expected.get("id").asLong()), r.err());
    }

    @Test
    void noMatchingOfferRentsNothing() {
        start();
        CliHarness.Result r = cli().run("auto", "--gpu-name", "Voodoo 2", "--wait", "0");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("Command failed: no_matching_offer: "), r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
    }

    /** Issue 10 §4: credit below zero while instances bill is the emergency, --force or not; no rent is sent. */
    @Test
    void insufficientCreditDestroysEveryInstanceAndExitsThree() {
        start(SimulatorConfig.defaults().withInstances(5));
        List<Instance> before = listed();
        sim.state().setCredit(-0.03);

        CliHarness.Result r = cli().run("auto", "--prompt", "test", "--max-hourly-price", "5", "--force");

        assertEquals(3, r.exit(), r.all());
        assertTrue(sim.count("PUT", "/api/v0/asks/") <= 1, "at most one rent request");
        List<String> err = r.errLines();
        assertTrue(err.contains("[ERROR] Insufficient credit error detected. Destroying all instances..."), r.err());
        for (Instance i : before) {
            assertTrue(
                    err.contains("[INFO] ✓ Destroyed instance " + i.id() + " (" + i.gpuDisplayName() + ")"), r.err());
        }
        assertTrue(err.contains("[ERROR] All instances destroyed to prevent further costs."), r.err());
        assertTrue(err.get(err.size() - 1).startsWith(ReserveCommandTest.NO_CREDIT_ERROR + "-$0.03 while 5"), r.err());
        assertTrue(alive().isEmpty(), "nothing left billing in the simulator");
    }

    @Test
    void spotRentsAsABidAMarginAboveTheMinimum() throws Exception {
        start(SimulatorConfig.defaults().withTimeScale(200));
        CliHarness.Result r = cli().run("auto", "--spot", "--label", "spot-test", "--wait", "0", "--json");

        assertEquals(0, r.exit(), r.all());
        SimInstance rented = alive().stream()
                .filter(i -> "spot-test".equals(i.label()))
                .findFirst()
                .orElseThrow();
        assertTrue(rented.isBid(), "rented as interruptible");
        // Issue 10 §5: a bid of exactly min_bid is outbid at once; the default margin is 20 %.
        SimOffer offer = sim.state().allOffers().stream()
                .filter(o -> o.id() == rented.offerId().getAsLong())
                .findFirst()
                .orElseThrow();
        assertEquals(io.imggenhub.vast.core.Deployer.bidAbove(offer.minBid(), 20), rented.dphBase(), 1e-9);
        assertEquals(
                rented.id(), Json.mapper().readTree(r.out()).get("instance_id").asLong());
    }

    @Test
    void aShortRunwayRefusesBeforeRenting() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        sim.state().setCredit(0.05);

        CliHarness.Result r = cli().run("auto", "--max-hourly-price", "5", "--wait", "0");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("Command failed: insufficient_runway: Offer "), r.err());
        assertTrue(r.err().endsWith("Use --force to rent anyway. Nothing was rented.\n"), r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));
    }
}
