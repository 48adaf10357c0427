package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployerTest {
    VastSimulator sim;
    VastClient client;
    Deployer deployer;

    @BeforeEach
    void start() {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withInstances(3)
                .withDestroyLinger(Duration.ofMillis(50))
                .withBootTime(Duration.ofSeconds(20)));
        client = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(20), Duration.ofSeconds(2))));
        Destroyer destroyer = new Destroyer(
                client,
                new Destroyer.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(50)),
                AuditSink.NONE,
                Clock.systemUTC());
        deployer = new Deployer(client, destroyer, AuditSink.NONE, Clock.systemUTC(), true);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void searchHonoursEveryFilterAndSortsByPrice() {
        OfferFilter filter = new OfferFilter("RTX_3090", 20.0, 1.0, 90.0, 1, false, 50);
        List<Offer> offers = deployer.search(filter);
        assertFalse(offers.isEmpty(), "the catalogue has single RTX 3090 offers under $1/hr");
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            assertEquals("RTX 3090", o.gpuName());
            assertTrue(o.hourlyCost() <= 1.0);
            assertTrue(o.reliabilityPercent() >= 90.0);
            assertEquals(1, o.gpuCount());
            if (i > 0) {
                assertTrue(offers.get(i - 1).hourlyCost() <= o.hourlyCost(), "sorted ascending");
            }
        }
    }

    @Test
    void deployRentsTheCheapestMatchAndWaitsUntilItRuns() {
        OfferFilter filter = new OfferFilter(null, 24.0, 2.0, 95.0, null, false, 10);
        Offer cheapest = deployer.search(filter).get(0);
        Thread advancer = new Thread(() -> sim.clock().advance(Duration.ofSeconds(30)));
        Deployer.Deployment d = deployer.deployCheapest(
                filter,
                RentRequest.of("pytorch/pytorch:latest", 20, "deploy-test").withEnvVar("PROMPT", "a cat"),
                Duration.ofSeconds(10),
                () -> false,
                new Deployer.Listener() {
                    @Override
                    public void rented(long instanceId) {
                        advancer.start();
                    }
                });
        assertEquals(cheapest.id(), d.offer().id());
        assertNotNull(d.instance());
        assertEquals("running", d.instance().actualStatus());
        assertNotNull(d.instance().ssh());
        assertEquals("deploy-test", d.instance().label());
    }

    @Test
    void noMatchRentsNothing() {
        assertThrows(
                NoMatchingOfferException.class,
                () -> deployer.deployCheapest(
                        new OfferFilter("RTX 9999", null, null, null, null, false, 5),
                        RentRequest.of("img", 10, null),
                        Duration.ZERO,
                        () -> false,
                        Deployer.Listener.NONE));
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void insufficientCreditDestroysEverythingThenFails() {
        sim.state().setCredit(0);
        List<Long> before = sim.state().instances().stream().map(i -> i.id()).toList();
        EmergencyCleanupException e = assertThrows(
                EmergencyCleanupException.class,
                () -> deployer.deployCheapest(
                        OfferFilter.DEFAULT,
                        RentRequest.of("img", 10, "x"),
                        Duration.ZERO,
                        () -> false,
                        Deployer.Listener.NONE));
        assertEquals("insufficient_credit: Your account lacks credit; see the billing page.", e.getMessage());
        assertEquals(3, e.cleanup().stopped());
        before.forEach(id -> assertTrue(sim.state().isDestroyed(id), "instance " + id + " destroyed"));
    }

    @Test
    void withoutEmergencyCleanupTheErrorPassesThroughAndNothingIsDestroyed() {
        sim.state().setCredit(0);
        Deployer careful = new Deployer(client, new Destroyer(client), AuditSink.NONE, Clock.systemUTC(), false);
        assertThrows(
                InsufficientCreditException.class,
                () -> careful.rent(
                        deployer.cheapest(OfferFilter.DEFAULT).id(),
                        RentRequest.of("img", 10, "x"),
                        Deployer.Listener.NONE));
        assertEquals(3, sim.state().instances().size());
    }

    /** A deployer on the simulator's clock whose lost-answer search moves that clock instead of sleeping. */
    private Deployer onSimulatedTime(Duration window, Duration interval) {
        Clock simClock = sim.shareClockWithClients();
        return new Deployer(
                client,
                new Destroyer(client),
                AuditSink.NONE,
                simClock,
                true,
                new Deployer.LostAnswerSearch(
                        window, interval, pause -> sim.clock().advance(pause)));
    }

    @Test
    void theProductionSearchLastsTwoMinutesAndListsAtMostOnceASecond() {
        assertEquals(Duration.ofMinutes(2), Deployer.LostAnswerSearch.DEFAULT.window());
        assertTrue(
                Deployer.LostAnswerSearch.DEFAULT.interval().compareTo(Duration.ofSeconds(1)) >= 0,
                "vast-api.md §5: the list endpoint allows one call a second");
    }

    /** vast-api.md §3.4: a rent is never repeated; an answer lost while Vast is still creating it is waited for. */
    @Test
    void aRentWhoseAnswerIsLostWhileTheInstanceAppearsTwentySecondsLaterIsFoundNotRepeated() {
        Offer offer = deployer.cheapest(OfferFilter.DEFAULT);
        sim.state().hideNewRentalsFor(Duration.ofSeconds(20));
        sim.faults().loseRentAnswerNext(1);
        Deployer patient = onSimulatedTime(Duration.ofMinutes(2), Duration.ofSeconds(3));

        long id = patient.rent(offer.id(), RentRequest.of("img", 10, "lost-answer"), Deployer.Listener.NONE)
                .newContract();

        assertEquals("lost-answer", client.getInstance(id).orElseThrow().label());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"), "the rent was sent once, not retried");
        assertTrue(sim.count("GET", "/api/v1/instances/") >= 1 + 20 / 3, "looked again until it appeared");
    }

    @Test
    void anOlderInstanceWithTheSameLabelIsNeverTakenForTheLostRental() {
        long older = sim.state().addInstance("RTX 4090", 1, 0.4, "same-label");
        Offer offer = deployer.cheapest(OfferFilter.DEFAULT);
        sim.state().hideNewRentalsFor(Duration.ofMinutes(5));
        sim.faults().loseRentAnswerNext(1);
        Deployer patient = onSimulatedTime(Duration.ofMinutes(2), Duration.ofSeconds(3));

        RentMayExistException e = assertThrows(
                RentMayExistException.class,
                () -> patient.rent(offer.id(), RentRequest.of("img", 10, "same-label"), Deployer.Listener.NONE));

        assertTrue(
                e.getMessage().contains("A rental may exist and bill: check 'instances' before renting again."),
                e.getMessage());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));
        assertFalse(sim.state().isDestroyed(older));
    }

    @Test
    void labelsAreUniquePerRentEvenWithinOneSecond() {
        Clock frozen = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        Deployer d = new Deployer(client, new Destroyer(client), AuditSink.NONE, frozen, true);
        String a = d.uniqueLabel();
        String b = d.uniqueLabel();
        assertTrue(a.matches("imggenhub-1767225600-[0-9a-f]{8}"), a);
        assertFalse(a.equals(b));
    }

    @Test
    void aRentWithoutLabelGetsAUniqueOne() {
        Offer offer = deployer.cheapest(OfferFilter.DEFAULT);
        long id = deployer.rent(offer.id(), RentRequest.of("img", 10, null), Deployer.Listener.NONE)
                .newContract();
        assertTrue(client.getInstance(id).orElseThrow().label().matches("imggenhub-\\d+-[0-9a-f]{8}"));
    }

    @Test
    void anInterruptibleDeployBidsAMarginAboveTheMinimum() {
        OfferFilter spot = new OfferFilter(null, null, null, null, null, true, 5);
        Offer offer = deployer.cheapest(spot);
        long id = deployer.deployCheapest(
                        spot, RentRequest.of("img", 10, "spot"), Duration.ZERO, () -> false, Deployer.Listener.NONE)
                .instanceId();
        double expected = Deployer.bidAbove(offer.minBid(), Deployer.DEFAULT_BID_MARGIN_PERCENT);
        assertTrue(expected > offer.minBid());
        assertEquals(expected, sim.state().instance(id).orElseThrow().dphBase(), 1e-9);
    }
}
