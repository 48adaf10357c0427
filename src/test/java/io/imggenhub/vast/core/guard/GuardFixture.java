package io.imggenhub.vast.core.guard;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.VastRepository;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.AuditLog;
import io.imggenhub.vast.store.Database;
import io.imggenhub.vast.store.GuardStore;
import io.imggenhub.vast.store.SpendHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A simulator on loopback with a frozen clock, and a guard engine wired as the window and {@code watch} wire it:
 * durable audit log, spend history and guard store on an in-memory database, the shared destroyer.
 *
 * <p>Time: the engine, the destroyer's audit and the repository all read the simulator's clock
 * ({@link VastSimulator#shareClockWithClients()}), so one {@link #advance} moves billing, instance ages, idle
 * time, keeps and history timestamps together; nothing sleeps. The zone is chosen so that it is 06:00 locally
 * when a test starts, so the daily and monthly caps never see a day or month end during a test.
 */
final class GuardFixture implements AutoCloseable {
    static final Destroyer.Settings FAST =
            new Destroyer.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(20));
    static final Duration POLL = Duration.ofSeconds(30);

    final VastSimulator sim;
    final Clock clock;
    final ZoneId zone;
    final VastClient client;
    final Database db = Database.inMemory();
    final AuditLog audit = new AuditLog(db);
    final SpendHistory history = new SpendHistory(db);
    final GuardStore book;
    final Destroyer destroyer;
    final VastRepository repository;
    final GuardEngine engine;

    GuardFixture(SimulatorConfig config) {
        sim = VastSimulator.start(config.withTimeScale(0));
        clock = sim.shareClockWithClients();
        zone = morningZone(clock.instant());
        client = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(20), Duration.ofSeconds(2))));
        book = new GuardStore(db, sim.baseUrl());
        destroyer = new Destroyer(client, FAST, audit, clock);
        repository = new VastRepository(client, clock);
        engine = newEngine();
    }

    static GuardFixture withCredit(double credit) {
        return new GuardFixture(SimulatorConfig.defaults()
                .withInstances(0)
                .withCredit(credit)
                .withDestroyLinger(Duration.ofMinutes(1))
                .withBootTime(Duration.ofSeconds(20)));
    }

    /** Another engine on the same store, as a second process (the window beside {@code watch}) would have. */
    GuardEngine newEngine() {
        return new GuardEngine(book, destroyer, history, audit, clock, zone, GuardEngine.Settings.DEFAULT);
    }

    /** One poll as the window and {@code watch} do it: list, record in the history, evaluate the guards. */
    GuardReport poll() {
        FleetSnapshot snapshot = repository.refresh();
        history.record(snapshot);
        return engine.evaluate(snapshot);
    }

    void advance(Duration d) {
        sim.clock().advance(d);
    }

    Instant now() {
        return clock.instant();
    }

    String hhmm(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone).format(at);
    }

    List<AuditEvent> auditOf(long instanceId) {
        return audit.since(Instant.EPOCH, 10_000).stream()
                .filter(e -> e.instanceIds().contains(instanceId))
                .toList();
    }

    static ZoneId morningZone(Instant now) {
        long secondOfDay = Math.floorMod(now.getEpochSecond(), 86_400L);
        return ZoneOffset.ofTotalSeconds((int) (6 * 3_600 - secondOfDay));
    }

    @Override
    public void close() {
        sim.close();
        db.close();
    }
}
