package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listener added after a poll still hears about it (the window's first poll runs while the window is being
 * built), and every listener hears about each snapshot exactly once. Against the simulator (vast-api.md §3.1, the
 * instance list; §3.6, the current user).
 */
class VastRepositoryTest {
    VastSimulator sim;
    VastRepository repository;
    final List<FleetSnapshot> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(2).withPort(0));
        repository = new VastRepository(
                new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test"))), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aListenerAddedAfterAPollHearsAboutItThroughItsReplay() {
        FleetSnapshot first = repository.refresh();
        repository.addListener(heard::add, Runnable::run);
        assertEquals(List.of(first), heard, "the poll before the listener existed is replayed");

        FleetSnapshot second = repository.refresh();
        assertEquals(2, heard.size());
        assertSame(second, heard.get(1), "later polls come from refresh, each once");
    }

    @Test
    void aListenerAddedBeforeAnyPollHasNothingReplayed() {
        List<Runnable> replays = new CopyOnWriteArrayList<>();
        repository.addListener(heard::add, replays::add);
        assertEquals(List.of(), replays, "nothing polled yet, nothing to replay");

        FleetSnapshot first = repository.refresh();
        assertEquals(List.of(first), heard);
        assertEquals(List.of(), replays, "heard once, from refresh");
    }
}
