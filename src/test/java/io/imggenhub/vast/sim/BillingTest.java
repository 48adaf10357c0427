package io.imggenhub.vast.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The billing clock: credit drains by Σ billed rates × simulated time, and running out stops instances. */
class BillingTest {
    private VastSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimState frozen(int instances, double credit) {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(instances)
                .withCredit(credit)
                .withTimeScale(0));
        return sim.state();
    }

    @Test
    void creditDrainsByTheSumOfDphTotalPerSimulatedHour() {
        SimState state = frozen(3, 25.0);
        double rate =
                state.instances().stream().mapToDouble(SimInstance::dphTotal).sum();
        assertEquals(rate, state.burnRate(), 1e-12);
        assertEquals(25.0, state.credit(), 0.0, "a frozen clock bills nothing");

        sim.clock().advance(Duration.ofHours(2));
        assertEquals(25.0 - 2 * rate, state.credit(), 1e-9);
        assertEquals(2 * rate, state.totalBilled(), 1e-9);

        JsonNode user = SimHttp.json(new SimHttp(sim).get("/api/v0/users/current/"));
        assertEquals(25.0 - 2 * rate, user.get("credit").asDouble(), 1e-9, "the API reports the same credit");
    }

    @Test
    void stoppedInstancesPayStorageAndDestroyedNothing() {
        SimState state = frozen(3, 100.0);
        List<SimInstance> all = state.instances();
        SimHttp http = new SimHttp(sim);
        http.put("/api/v0/instances/" + all.get(0).id() + "/", Map.of("state", "stopped"));
        http.delete("/api/v0/instances/" + all.get(1).id() + "/");
        double expectedRate = all.get(0).storageTotalCost() + all.get(2).dphTotal();
        assertEquals(expectedRate, state.burnRate(), 1e-12);

        sim.clock().advance(Duration.ofMinutes(90));
        assertEquals(100.0 - 1.5 * expectedRate, state.credit(), 1e-9);
    }

    @Test
    void runningOutOfCreditStopsInstancesWhichKeepPayingStorage() {
        SimState state = frozen(3, 0.5);
        List<SimInstance> all = state.instances();
        double full = all.stream().mapToDouble(SimInstance::dphTotal).sum();
        double storage = all.stream().mapToDouble(SimInstance::storageTotalCost).sum();
        double hoursToZero = 0.5 / full;

        sim.clock().advance(Duration.ofHours(10));
        for (SimInstance instance : state.instances()) {
            assertEquals("exited", instance.actualStatus());
            assertEquals("stopped", instance.intendedStatus());
            assertEquals("stopped", instance.curState());
        }
        assertEquals(
                -storage * (10 - hoursToZero), state.credit(), 1e-6, "zero at the right moment, then storage only");
        assertEquals(storage, state.burnRate(), 1e-12);

        JsonNode row = SimHttp.json(new SimHttp(sim).get("/api/v1/instances/"))
                .get("instances")
                .get(0);
        assertEquals("exited", row.get("actual_status").asText());
        assertEquals("stopped", row.get("cur_state").asText());
        assertTrue(row.get("ports").isNull());
    }

    @Test
    void settingCreditToZeroStopsAtOnceAndTopUpDoesNotRestart() {
        SimState state = frozen(2, 10.0);
        state.setCredit(0.0);
        state.instances().forEach(i -> assertEquals("exited", i.actualStatus()));
        state.setCredit(50.0);
        state.instances().forEach(i -> assertEquals("exited", i.actualStatus(), "Vast does not restart by itself"));
        long added = state.addInstance("RTX 4090", 1, 0.5, "late");
        assertEquals("running", state.instance(added).orElseThrow().actualStatus());
        assertEquals(0.5, state.instance(added).orElseThrow().dphTotal(), 1e-12);
    }

    @Test
    void bootingInstancesPayStorageWhileCreatedAndFullRateFromLoading() {
        SimState state = frozen(0, 10.0);
        SimOffer offer = state.offers().get(0);
        SimHttp http = new SimHttp(sim);
        long id = SimHttp.json(http.put("/api/v0/asks/" + offer.id() + "/", Map.of("image", "x", "disk", 40)))
                .get("new_contract")
                .asLong();
        SimInstance created = state.instance(id).orElseThrow();
        assertEquals("created", created.actualStatus());
        assertEquals(created.storageTotalCost(), state.burnRate(), 1e-12);

        // 20 s boot: 5 s created (storage only), then 15 s loading at the full rate, then running; loading pulls
        // the image, which bills as bandwidth down (vast-api.md §4.2).
        sim.clock().advance(Duration.ofSeconds(20));
        double expected =
                10.0 - (5 * created.storageTotalCost() + 15 * created.dphTotal()) / 3600.0 - created.imagePullCost();
        assertEquals(expected, state.credit(), 1e-12);
        assertEquals("running", state.instance(id).orElseThrow().actualStatus());
    }

    @Test
    void wallTimeIsScaledByTheTimeScale() {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(2)
                .withTimeScale(3600));
        SimClock clock = sim.clock();
        assertEquals(3600, clock.timeScale());
        double startCredit = sim.state().credit();
        long wallStart = System.nanoTime();
        Instant simStart = clock.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - wallStart >= 100_000_000L);
        long wallBefore = System.nanoTime();
        Instant simNow = clock.now();
        long wallAfter = System.nanoTime();
        double simSeconds = Duration.between(simStart, simNow).toNanos() / 1e9;
        assertTrue(simSeconds >= (wallBefore - wallStart) / 1e9 * 3600 * 0.99, "at least the scaled wall time");
        assertTrue(simSeconds <= (wallAfter - wallStart) / 1e9 * 3600 * 1.01 + 1, "at most the scaled wall time");
        assertTrue(sim.state().credit() < startCredit, "an hour per second drains visibly");

        Instant before = clock.now();
        clock.advance(Duration.ofDays(1));
        assertTrue(Duration.between(before, clock.now()).compareTo(Duration.ofDays(1)) >= 0);
    }
}
