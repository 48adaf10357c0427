package io.imggenhub.vast.core;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestroyerTest {
    static final Destroyer.Settings FAST = new Destroyer.Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(50));

    VastSimulator sim;
    VastClient client;
    List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
    Destroyer destroyer;

    @BeforeEach
    void start() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(5).withDestroyLinger(Duration.ofMillis(100)));
        client = new VastClient(new ClientSettings(sim.baseUrl(), new ApiKey(sim.apiKey(), "test"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), new RetryPolicy(4, Duration.ofMillis(5), 2, Duration.ofMillis(40), Duration.ofSeconds(5))));
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
        assertEquals(4, report.stopped());
        assertEquals(1, report.failures().size());
        assertEquals(stubborn, report.failures().get(0).id());
        assertEquals(DestroyOutcome.Status.FAILED, report.failures().get(0).status());
        assertEquals(1, failed.size());
        assertEquals(List.of(stubborn), ids().stream().filter(id -> !sim.state().isDestroyed(id)).toList());
        assertEquals(FAST.maxAttempts(), sim.count("DELETE", "/api/v0/instances/" + stubborn));
    }

    @Test
    void rateLimitsAreRiddenOutTogether() {
        List<Long> before = ids();
        List<Instance> targets = client.listInstances();
        sim.faults().rateLimitNext(6);
        DestroyReport report = destroyer.destroy(targets, "manual", DestroyListener.NONE);
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
        assertEquals(5, audit.get(0).instanceIds().size());
        long intents = audit.stream().filter(e -> e.action().equals("destroy-request") && e.phase() == AuditEvent.Phase.INTENT).count();
        long outcomes = audit.stream().filter(e -> e.action().equals("destroy-request") && e.phase() == AuditEvent.Phase.OUTCOME).count();
        assertEquals(5, intents);
        assertEquals(5, outcomes);
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
