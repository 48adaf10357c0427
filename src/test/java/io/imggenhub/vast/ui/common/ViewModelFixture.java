package io.imggenhub.vast.ui.common;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.ui.instances.MonitorViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A window's view-model wiring without a window: the simulator on loopback (port 0, frozen clock shared with the
 * client), the core services, and {@link TaskRunner#sameThread()}, so an action has finished, callbacks included,
 * when the call returns. No FX toolkit is started: properties and observable lists need none.
 */
public final class ViewModelFixture implements AutoCloseable {
    static final Destroyer.Settings FAST =
            new Destroyer.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(20));

    public final VastSimulator sim;
    public final Clock clock;
    public final LocalData data = LocalData.inMemory();
    public final VastServices services;
    public final TaskRunner runner = TaskRunner.sameThread();
    public final BannerBoard banners = new BannerBoard(runner::onUi);
    public final MonitorViewModel monitor = new MonitorViewModel();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final List<DestroyReport> reports = new ArrayList<>();

    ViewModelFixture(SimulatorConfig config) {
        sim = VastSimulator.start(config.withTimeScale(0));
        clock = sim.shareClockWithClients();
        VastClient client = new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")));
        services = new VastServices(client, FAST, data.audit(), clock);
    }

    public static ViewModelFixture withInstances(int n) {
        return new ViewModelFixture(SimulatorConfig.defaults()
                .withInstances(n)
                .withDestroyLinger(Duration.ZERO)
                .withBootTime(Duration.ZERO));
    }

    /** One poll into the rows, as the window's poll does it. */
    public void poll() {
        monitor.apply(services.repository().refresh());
    }

    public Runnable refreshNow() {
        return refreshes::incrementAndGet;
    }

    public List<Long> liveIds() {
        return sim.state().instances().stream()
                .filter(i -> !sim.state().isDestroyed(i.id()))
                .map(i -> i.id())
                .toList();
    }

    public Banner banner(String key) {
        return banners.find(key).orElseThrow(() -> new AssertionError("no banner " + key + " in " + banners.banners()));
    }

    @Override
    public void close() {
        sim.close();
        data.close();
    }
}
