package io.imggenhub.vast.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page-by-page listing and the listing of a few known ids. */
class InstanceListingTest {
    VastSimulator sim;
    VastClient client;

    @BeforeEach
    void start() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(60));
        client = new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void pagesArriveOneByOneAndAddUpToTheWholeList() {
        List<Integer> sizes = new ArrayList<>();
        List<Instance> all = client.listInstances(page -> sizes.add(page.size()));

        assertEquals(List.of(25, 25, 10), sizes);
        assertEquals(
                sim.state().instances().stream().map(SimInstance::id).toList(),
                all.stream().map(Instance::id).toList());
    }

    @Test
    void theNextPageIsAskedForWhileTheCallerHandlesThisOne() {
        sim.clearRequests();
        List<Integer> pages = new ArrayList<>();
        client.listInstances(page -> {
            if (pages.isEmpty()) {
                // Page 1 is in our hands; page 2 is already on its way.
                await().atMost(Duration.ofSeconds(10)).until(() -> sim.count("GET", "/api/v1/instances/") >= 2);
            }
            pages.add(page.size());
        });
        assertEquals(List.of(25, 25, 10), pages);
        assertEquals(3, sim.count("GET", "/api/v1/instances/"));
    }

    @Test
    void aFewKnownIdsAreOneFilteredRequest() {
        List<Long> ids = sim.state().instances().stream().map(SimInstance::id).toList();
        List<Long> wanted = List.of(ids.get(3), ids.get(40), ids.get(59));
        sim.state().destroy(ids.get(40));
        sim.clearRequests();

        List<Instance> found = client.listInstances(wanted);

        assertEquals(wanted, found.stream().map(Instance::id).toList(), "the destroyed one lingers, marked gone");
        assertEquals(
                List.of(false, true, false),
                found.stream().map(Instance::isGone).toList());
        assertEquals(1, sim.count("GET", "/api/v1/instances/"));
        assertEquals(List.of(), client.listInstances(List.of()));
    }
}
