package io.imggenhub.vast.ui.settings;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.LocalData;
import java.util.List;

/**
 * The demo a first start shows: the bundled simulator in-process on a free loopback port, a few instances, a small
 * credit and billing 20 times faster than real time, so the credit visibly drains between polls (about a dollar a
 * poll) yet lasts long enough to look around. One instance is stopped, as in a real account, so that a row pays
 * storage only. Its key stays inside: the window shows it nowhere.
 */
public final class DemoAccount {
    public static final int INSTANCES = 6;
    static final double CREDIT = 40.0;
    public static final double TIME_SCALE = 20.0;

    private DemoAccount() {}

    public static Connection start() {
        return start(SimulatorConfig.defaults()
                .withInstances(INSTANCES)
                .withCredit(CREDIT)
                .withTimeScale(TIME_SCALE));
    }

    public static Connection start(SimulatorConfig config) {
        VastSimulator simulator = VastSimulator.start(config.withPort(0));
        try {
            // Demo spend is kept in memory only, so it never mixes with a real account's history.
            LocalData data = LocalData.inMemory();
            VastServices services =
                    Connection.servicesFor(simulator.baseUrl(), new ApiKey(simulator.apiKey(), "demo"), data);
            stopOne(simulator);
            return new Connection(services, null, true, simulator, data);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /**
     * Stops the last instance as its owner would have (the simulator's own PUT), so the demo shows a storage-only
     * row. Not through the API: that round trip (the HTTP client's and JSON's first use) held up the window's views,
     * which wait for the connection; the first poll now pays it, while the views are built. Not through the power
     * switch either: that would put a stop nobody asked for into the demo's audit log.
     */
    private static void stopOne(VastSimulator simulator) {
        List<SimInstance> instances = simulator.state().instances();
        if (instances.size() < 3) {
            return;
        }
        simulator.state().stop(instances.get(instances.size() - 1).id());
    }
}
