package io.imggenhub.vast.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.RateLimits;
import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One pacer per endpoint for the whole process (vast-api.md §5): it waits out the documented interval instead of
 * collecting 429s, learns from a 429's {@code threshold=T}, and serves a destroy before a poll.
 */
class PacerTest {
    private VastSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private VastClient client(Pacing pacing) {
        return new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test"))
                .withPacing(pacing));
    }

    @Test
    void clientsOfOneAccountShareThePacerAndNeverMeetA429() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3).withRateLimitScale(0.05));
        VastClient poller = client(Pacing.documented(0.05));
        VastClient other = client(Pacing.documented(0.05));
        assertTrue(poller.pacer() == other.pacer(), "one pacer per server and key in the process");

        for (int i = 0; i < 4; i++) {
            poller.listInstances();
            other.listInstances();
        }

        assertEquals(0, sim.faults().rateLimitedCount());
        List<RecordedRequest> lists = sim.requests();
        assertEquals(8, lists.size());
        for (int i = 1; i < lists.size(); i++) {
            long gap =
                    Duration.between(lists.get(i - 1).at(), lists.get(i).at()).toMillis();
            assertTrue(gap >= 50, "list requests at least 1 s x 0.05 apart, was " + gap + " ms");
        }
    }

    @Test
    void aThresholdInA429TeachesThePacer() {
        // The server is stricter than the client believes: its first 429 says by how much.
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3).withRateLimitScale(0.1));
        VastClient client = client(Pacing.documented(0.01));
        for (int i = 0; i < 5; i++) {
            client.listInstances();
        }
        assertEquals(0.1, client.pacer().intervalSeconds(Endpoint.LIST), 1e-9);
        assertEquals(1, sim.faults().rateLimitedCount(), "one 429 to learn from, then none");
    }

    @Test
    void aRentRefusedWith429IsTriedAgainAfterThePenalty() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(0).withRateLimitScale(0.02));
        VastClient client = client(Pacing.documented(0.02));
        sim.faults().rateLimitNext(1);
        long offer = sim.state().offers().get(0).id();

        RentResult result = client.rent(offer, RentRequest.of("pytorch/pytorch:latest", 20, "paced"));

        assertTrue(result.newContract() > 0);
        List<RecordedRequest> puts =
                sim.requests().stream().filter(r -> r.method().equals("PUT")).toList();
        assertEquals(
                List.of(429, 200), puts.stream().map(RecordedRequest::status).toList());
        long gap = Duration.between(puts.get(0).at(), puts.get(1).at()).toMillis();
        assertTrue(gap >= 240, "12 s x 0.02 penalty before the second try, was " + gap + " ms");
        assertEquals(1, sim.state().instances().size(), "one rental, not two");
    }

    @Test
    void anUrgentRequestGoesAheadOfAQueuedPoll() throws Exception {
        Pacer pacer = Pacer.unshared(Pacing.documented(0.3));
        pacer.acquire(Endpoint.LIST, Pacer.Priority.NORMAL).close();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread poll = new Thread(() -> take(pacer, Pacer.Priority.NORMAL, "poll", order));
        poll.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> poll.getState() == Thread.State.TIMED_WAITING);
        Thread destroy = new Thread(() -> take(pacer, Pacer.Priority.URGENT, "destroy", order));
        destroy.start();
        poll.join(5000);
        destroy.join(5000);
        assertEquals(List.of("destroy", "poll"), order);
    }

    private static void take(Pacer pacer, Pacer.Priority priority, String name, List<String> order) {
        try {
            pacer.acquire(Endpoint.LIST, priority).close();
            order.add(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withoutLimitsNothingWaits() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3).withRateLimits(RateLimits.OFF));
        VastClient client = client(Pacing.off());
        for (int i = 0; i < 5; i++) {
            client.listInstances();
        }
        assertEquals(0.0, client.pacer().intervalSeconds(Endpoint.LIST));
    }
}
