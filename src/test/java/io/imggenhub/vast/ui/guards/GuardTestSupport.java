package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.ui.settings.Connection;
import java.time.Clock;
import java.time.Duration;

/**
 * A window connection whose core (repository, destroyer, audit, guard engine) reads the simulator's clock, so a
 * test moves billing, instance ages and the guards' "now" together with {@code sim.clock().advance}; no sleeps.
 */
public final class GuardTestSupport {
    static final Destroyer.Settings FAST =
            new Destroyer.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(20));

    private GuardTestSupport() {}

    /**
     * An account with no instances and $500 of credit, whose clock moves only when a test advances it, and whose
     * rentals run at once: the guard and deploy window tests add what they need to it.
     */
    public static SimulatorConfig frozenEmptyAccount() {
        return SimulatorConfig.defaults()
                .withInstances(0)
                .withCredit(500)
                .withTimeScale(0)
                .withBootTime(Duration.ZERO);
    }

    public static Connection onSimulatedTime(VastSimulator sim) {
        Clock clock = sim.shareClockWithClients();
        ApiKey key = new ApiKey(sim.apiKey(), "test");
        LocalData data = LocalData.inMemory();
        // A lost rent answer is looked for on simulated time too: each pause moves the simulator's clock.
        VastServices services = new VastServices(
                new VastClient(ClientSettings.of(sim.baseUrl(), key)),
                FAST,
                data.audit(),
                clock,
                new io.imggenhub.vast.core.Deployer.LostAnswerSearch(
                        Duration.ofMinutes(2), Duration.ofSeconds(3), pause -> sim.clock()
                                .advance(pause)));
        return new Connection(services, key, false, null, data);
    }
}
