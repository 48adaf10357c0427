package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A large fleet: destroying starts with the first page, and verification asks for the pending ids directly. */
class StreamingDestroyTest {
    static final Destroyer.Settings SETTINGS =
            new Destroyer.Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(50));

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
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(100));
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

        assertEquals(100, report.stopped());
        assertTrue(sim.state().instances().stream().allMatch(i -> sim.state().isDestroyed(i.id())));
        List<RecordedRequest> requests = sim.requests();
        int firstDelete = indexOf(requests, "DELETE");
        List<Integer> listPages = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest r = requests.get(i);
            if (r.method().equals("GET")
                    && r.path().startsWith("/api/v1/instances/")
                    && (r.query() == null || !r.query().contains("select_filters"))) {
                listPages.add(i);
            }
        }
        assertEquals(4, listPages.size(), "100 instances are four pages");
        // 100 ids need two bulk requests (64 at most each): the first goes with pages 1-2 while 3-4 load.
        assertTrue(firstDelete < listPages.get(2), "the first pages are destroyed while the last ones load");
        assertEquals(2, sim.count("DELETE", "/api/v0/instances/"));
        assertEquals(0, sim.faults().rateLimitedCount());
        // The listener still hears things in their documented order.
        assertEquals("starting 100", events.get(0));
        assertEquals(100, events.stream().filter("accepted"::equals).count());
        assertEquals("finished 100", events.get(events.size() - 1));
        // Each page's intent is on record before that page's requests.
        assertEquals(AuditEvent.Phase.INTENT, audit.get(0).phase());
        assertEquals(
                100,
                audit.stream()
                        .filter(e -> e.action().equals("destroy-all") && e.phase() == AuditEvent.Phase.INTENT)
                        .mapToInt(e -> e.instanceIds().size())
                        .sum());
    }

    @Test
    void verificationAsksForThePendingIdsInParallelQueries() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(60));

        DestroyReport report = destroyer(new ArrayList<>()).destroyEverything("manual", DestroyListener.NONE);

        assertEquals(60, report.stopped());
        List<RecordedRequest> filtered = sim.requests().stream()
                .filter(r -> r.method().equals("GET")
                        && r.query() != null
                        && r.query().contains("select_filters"))
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
