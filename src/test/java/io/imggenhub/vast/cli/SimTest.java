package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh simulator per test, and the helpers the CLI tests share. */
abstract class SimTest {
    @TempDir
    Path home;

    VastSimulator sim;

    VastSimulator start(SimulatorConfig config) {
        sim = VastSimulator.start(config);
        return sim;
    }

    VastSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    CliHarness cli() {
        return CliHarness.against(sim, home);
    }

    /** Instances the simulator still bills for (destroyed ones linger in its list for a moment). */
    List<SimInstance> alive() {
        return sim.state().instances().stream()
                .filter(i -> !sim.state().isDestroyed(i.id()))
                .toList();
    }

    /** The account as our own client reads it, for expectations computed the way the CLI should. */
    List<Instance> listed() {
        return new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")))
                .listInstances().stream().filter(i -> !i.isGone()).toList();
    }

    /** An offer's $/hr as the search lists it with the default 20 GB disk (what the pre-rent check uses). */
    double offerPrice(long offerId) {
        return new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")))
                        .searchOffers(io.imggenhub.vast.api.OfferQuery.rentable()
                                .eq("id", offerId)
                                .allocatedStorage(20)
                                .limit(1))
                        .stream()
                        .filter(o -> o.id() == offerId)
                        .findFirst()
                        .orElseThrow()
                        .hourlyCost();
    }
}
