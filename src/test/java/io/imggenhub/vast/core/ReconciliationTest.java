package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.Database;
import io.imggenhub.vast.store.SpendHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Charges beside the estimate on the simulator's billing clock (vast-api.md §3.8, §4.2): over a simulated day with a
 * stop and a destroy, the billed total equals the credit's fall within a cent, the stopped instance keeps paying
 * disk, the destroyed one stays in the list, labelled destroyed, and an instance polled all day is estimated right.
 */
class ReconciliationTest {
    private static final Duration POLL = Duration.ofMinutes(30);
    private VastSimulator sim;
    private Database db;

    @AfterEach
    void stop() {
        sim.close();
        db.close();
    }

    @Test
    void aSimulatedDayWithAStopAndADestroyReconcilesToTheCreditsFall() {
        sim = VastSimulator.start(
                SimulatorConfig.defaults().withInstances(3).withCredit(200).withTimeScale(0));
        Clock clock = sim.shareClockWithClients();
        VastClient client = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(20), Duration.ofSeconds(2))));
        VastRepository repository = new VastRepository(client, clock);
        db = Database.inMemory();
        SpendHistory history = new SpendHistory(db);
        List<SimInstance> seeded = sim.state().instances();
        SimInstance stopped = seeded.get(0);
        SimInstance destroyed = seeded.get(1);
        SimInstance running = seeded.get(2);
        double creditBefore = sim.state().credit();

        FleetSnapshot last = null;
        for (int half = 0; half <= 48; half++) {
            if (half == 10) {
                client.setInstanceState(stopped.id(), false);
            }
            if (half == 22) {
                client.destroyInstance(destroyed.id());
            }
            last = repository.refresh();
            history.record(last);
            if (half < 48) {
                sim.clock().advance(POLL);
            }
        }
        double creditFall = creditBefore - sim.state().credit();

        ChargeReconciler reconciler =
                new ChargeReconciler(client::charges, history, clock, ZoneOffset.UTC, Duration.ofMinutes(90));
        Set<Long> listed = last.live().stream().map(Instance::id).collect(Collectors.toSet());
        Reconciliation day = reconciler.reconcile(ChargePeriod.DAY, listed);

        assertEquals(creditFall, day.billedUsd(), 0.01, "billed total = the credit's fall, within a cent");
        Map<Long, InstanceCharges> rows =
                day.instances().stream().collect(Collectors.toMap(InstanceCharges::instanceId, Function.identity()));
        assertEquals(Set.of(stopped.id(), destroyed.id(), running.id()), rows.keySet());

        InstanceCharges gone = rows.get(destroyed.id());
        assertTrue(gone.destroyed(), "destroyed instances stay in the list, labelled destroyed");
        assertEquals(destroyed.dphTotal() * 11, gone.billedUsd(), 0.002);
        assertEquals(1, day.destroyedCount());

        InstanceCharges idle = rows.get(stopped.id());
        assertFalse(idle.destroyed());
        assertEquals(stopped.dphBase() * 5, idle.gpuUsd(), 0.001, "GPU until the stop");
        assertEquals(stopped.storageTotalCost() * 24, idle.diskUsd(), 0.001, "disk all day, stopped or not");

        InstanceCharges all = rows.get(running.id());
        assertEquals(all.billedUsd(), all.estimatedUsd(), 0.002, "polled all day: the estimate is right");
        assertEquals(all.billedUsd() - all.estimatedUsd(), all.differenceUsd(), 1e-12);
        assertEquals(
                day.instances().stream()
                        .mapToDouble(InstanceCharges::estimatedUsd)
                        .sum(),
                day.estimatedUsd(),
                1e-9);
        assertEquals(clock.instant().getEpochSecond(), day.billedUntil().getEpochSecond(), 1.0);
    }
}
