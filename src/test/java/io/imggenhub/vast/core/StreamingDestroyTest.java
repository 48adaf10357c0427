package io.imggenhub.vast.core;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large fleet: destroying starts with the first page, and verification asks for the pending ids directly. */
class StreamingDestroyTest {
    static final Destroyer.Settings SETTINGS = new Destroyer.Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(50));

    VastSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private Destroyer destroyer(List<AuditEvent> audit) {
        VastClient client = new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")));
        return new Destroyer(client, SETTINGS, audit::add, Clock.systemUTC());
    }

    @Test
    void destroyingStartsBeforeTheListingEnds() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(60));
        sim.faults().latency(Duration.ofMillis(40));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());

        DestroyReport report = destroyer(audit).destroyEverything("manual", new DestroyListener() {
            @Override
            public void starting(List<Instance> targets) {
                events.add("starting " + targets.size());
            }

            @Override
            public void accepted(Instance instance, boolean alreadyGone) {
                events.add("accepted");
            }

            @Override
            public void finished(DestroyReport r) {
                events.add("finished " + r.stopped());
            }
        });

        assertEquals(60, report.stopped());
        assertTrue(sim.state().instances().stream().allMatch(i -> sim.state().isDestroyed(i.id())));
        List<RecordedRequest> requests = sim.requests();
        int firstDelete = indexOf(requests, "DELETE");
        List<Integer> listPages = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest r = requests.get(i);
            if (r.method().equals("GET") && r.path().startsWith("/api/v1/instances/")
                    && (r.query() == null || !r.query().contains("select_filters"))) {
                listPages.add(i);
            }
        }
        assertEquals(3, listPages.size(), "60 instances are three pages");
        assertTrue(firstDelete < listPages.get(2), "the first page is destroyed while the last one loads");
        // The listener still hears things in their documented order.
        assertEquals("starting 60", events.get(0));
        assertEquals(60, events.stream().filter("accepted"::equals).count());
        assertEquals("finished 60", events.get(events.size() - 1));
        // Each page's intent is on record before that page's requests.
        assertEquals(AuditEvent.Phase.INTENT, audit.get(0).phase());
        assertEquals(60, audit.stream().filter(e -> e.action().equals("destroy-all") && e.phase() == AuditEvent.Phase.INTENT)
                .mapToInt(e -> e.instanceIds().size()).sum());
    }

    @Test
    void verificationAsksForThePendingIdsInParallelQueries() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(60));

        DestroyReport report = destroyer(new ArrayList<>()).destroyEverything("manual", DestroyListener.NONE);

        assertEquals(60, report.stopped());
        List<RecordedRequest> filtered = sim.requests().stream()
                .filter(r -> r.method().equals("GET") && r.query() != null && r.query().contains("select_filters"))
                .toList();
        assertEquals(3, filtered.size(), "60 ids are three filtered queries of at most 25: " + filtered);
        assertTrue(filtered.stream().allMatch(r -> r.status() == 200));
    }

    private static int indexOf(List<RecordedRequest> requests, String method) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).method().equals(method)) {
                return i;
            }
        }
        return -1;
    }
}
