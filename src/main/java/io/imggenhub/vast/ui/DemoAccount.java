package io.imggenhub.vast.ui;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;

/**
 * The demo a first start shows: the bundled simulator in-process on a free loopback port, a few instances, a small
 * credit and fast time, so the credit visibly drains. Its key stays inside: the window shows it nowhere.
 */
final class DemoAccount {
    static final int INSTANCES = 6;
    static final double CREDIT = 40.0;
    static final double TIME_SCALE = 60.0;

    private DemoAccount() {
    }

    static Connection start() {
        return start(SimulatorConfig.defaults().withInstances(INSTANCES).withCredit(CREDIT).withTimeScale(TIME_SCALE));
    }

    static Connection start(SimulatorConfig config) {
        VastSimulator simulator = VastSimulator.start(config.withPort(0));
        try {
            VastServices services = VastServices.connect(simulator.baseUrl(), new ApiKey(simulator.apiKey(), "demo"));
            return new Connection(services, null, true, simulator);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }
}
