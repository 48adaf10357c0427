package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DestroyerTest {
    static final Destroyer.Settings FAST =
            new Destroyer.Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(50));

    VastSimulator sim;
    VastClient client;
    List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
    Destroyer destroyer;

    @BeforeEach
    void start() {
        sim = VastSimulator.start(
                SimulatorConfig.defaults().withInstances(5).withDestroyLinger(Duration.ofMillis(100)));
        client = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new RetryPolicy(4, Duration.ofMillis(5), 2, Duration.ofMillis(40), Duration.ofSeconds(5))));
        destroyer = new Destroyer(client, FAST, audit::add, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    List<Long> ids() {
        return sim.state().instances().stream().map(i -> i.id()).toList();
    }

    @Test
    void destroysEverythingAndVerifiesItIsGone() {
        List<Long> before = ids();
        DestroyReport report = destroyer.destroyEverything("manual", DestroyListener.NONE);
        assertEquals(5, report.total());
        assertEquals(5, report.stopped());
        assertTrue(report.allStopped());
        before.forEach(id -> assertTrue(sim.state().isDestroyed(id)));
    }

    @Test
    void oneFailureNeverStopsTheRest() {
        long stubborn = sim.state().instances().get(2).id();
        sim.faults().failDestroy(stubborn, 500);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        DestroyReport report = destroyer.destroyEverything("manual", new DestroyListener() {
            @Override
            public void failed(Instance instance, String reason) {
                failed.add(instance.id() + ": " + reason);
            }
        });
        // The bulk request is accepted but leaves the stubborn one running: verified, destroyed again, then
        // reported as still billing; the other four are gone (vast-api.md §3.3).
        assertEquals(4, report.stopped());
        assertEquals(1, report.failures().size());
        assertEquals(stubborn, report.failures().get(0).id());
        assertEquals(
                DestroyOutcome.Status.STILL_BILLING, report.failures().get(0).status());
        assertEquals(
                List.of(stubborn),
                ids().stream().filter(id -> !sim.state().isDestroyed(id)).toList());
        assertEquals(2, sim.count("DELETE", "/api/v0/instances/"), "one bulk request and one more for the survivor");
    }

    @Test
    void rateLimitsAreRiddenOutTogether() {
        List<Long> before = ids();
        List<Instance> targets = client.listInstances();
        sim.faults().rateLimitNext(6);
        DestroyReport report = destroyer.destroy(targets, "manual", DestroyListener.NONE);
        // A 429 is no failed try: the chunk is sent again when the pacer allows, however often it is refused.
        assertEquals(6, sim.faults().rateLimitedCount());
        assertEquals(5, report.stopped());
        before.forEach(id -> assertTrue(sim.state().isDestroyed(id)));
    }

    @Test
    void anAcceptedDestroyThatDoesNotHappenIsStillBilling() {
        long ghost = sim.state().instances().get(0).id();
        sim.faults().ignoreDestroy(ghost);
        Instance target = client.getInstance(ghost).orElseThrow();
        DestroyOutcome outcome = destroyer.destroyOne(target, "manual", DestroyListener.NONE);
        assertEquals(DestroyOutcome.Status.STILL_BILLING, outcome.status());
        assertFalse(outcome.stoppedBilling());
    }

    @Test
    void auditShowsIntentBeforeEachRequestAndTheOutcomeAfter() {
        destroyer.destroyEverything("insufficient_credit", DestroyListener.NONE);
        assertEquals(AuditEvent.Phase.INTENT, audit.get(0).phase());
        assertEquals("insufficient_credit", audit.get(0).reason());
        // One bulk request for all five: its intent before it, its outcome after, then the verified summary.
        assertEquals(5, audit.get(0).instanceIds().size());
        assertEquals("destroying 5 instances", audit.get(0).detail());
        assertEquals("destroy-request", audit.get(1).action());
        assertEquals("bulk request for 5 instances", audit.get(1).detail());
        assertEquals(AuditEvent.Phase.OUTCOME, audit.get(2).phase());
        assertEquals("accepted", audit.get(2).detail());
        assertEquals(4, audit.size());
        AuditEvent last = audit.get(audit.size() - 1);
        assertEquals(AuditEvent.Phase.OUTCOME, last.phase());
        assertTrue(last.detail().startsWith("stopped 5/5"), last.detail());
    }

    @Test
    void nothingToDestroyIsAnEmptyReport() {
        destroyer.destroyEverything("manual", DestroyListener.NONE);
        DestroyReport again = destroyer.destroyEverything("manual", DestroyListener.NONE);
        assertEquals(0, again.total());
        assertTrue(again.allStopped());
    }
}
