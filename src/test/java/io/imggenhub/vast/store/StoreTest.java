package io.imggenhub.vast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    static Instance running(long id, double dph) {
        return InstanceBuilder.running(id, dph).label("job-" + id).build();
    }

    static FleetSnapshot snapshot(Instant at, double credit, Instance... instances) {
        return new FleetSnapshot(List.of(instances), new Account(1L, "u", "e", credit, 0.0, null, null), at);
    }

    @Test
    void auditRoundTripSurvivesReopening() {
        Path file = dir.resolve("h.db");
        try (Database db = Database.open(file)) {
            new AuditLog(db)
                    .record(new AuditEvent(
                            T0,
                            "destroy-all",
                            "insufficient_credit",
                            AuditEvent.Phase.INTENT,
                            List.of(1L, 2L),
                            "destroying 2 instance(s)"));
        }
        try (Database db = Database.open(file)) {
            List<AuditEvent> events = new AuditLog(db).since(Instant.EPOCH, 100);
            assertEquals(1, events.size());
            AuditEvent e = events.get(0);
            assertEquals("destroy-all", e.action());
            assertEquals("insufficient_credit", e.reason());
            assertEquals(AuditEvent.Phase.INTENT, e.phase());
            assertEquals(List.of(1L, 2L), e.instanceIds());
            assertEquals(T0, e.at());
        }
    }

    @Test
    void snapshotsGiveChartPointsAndSpendPerInstance() {
        try (Database db = Database.inMemory()) {
            SpendHistory history = new SpendHistory(db);
            history.record(snapshot(T0, 10.0, running(1, 0.5), running(2, 1.0)));
            history.record(snapshot(T0.plus(Duration.ofHours(1)), 8.5, running(1, 0.5), running(2, 1.0)));
            history.record(snapshot(T0.plus(Duration.ofHours(2)), 7.5, running(1, 0.5)));

            List<SpendHistory.Point> points = history.points(T0, T0.plus(Duration.ofDays(1)));
            assertEquals(3, points.size());
            assertEquals(1.5, points.get(0).burnPerHour(), 1e-9);
            assertEquals(7.5, points.get(2).credit(), 1e-9);

            Map<Long, SpendHistory.InstanceSpend> spend =
                    history.spendPerInstance(T0, T0.plus(Duration.ofDays(1)), Duration.ofHours(6));
            assertEquals(1.0, spend.get(1L).usd(), 1e-9); // two hours at $0.50
            assertEquals(1.0, spend.get(2L).usd(), 1e-9); // one hour at $1.00
            assertEquals("job-1", spend.get(1L).label());
        }
    }

    @Test
    void downsamplingBoundsGrowthButKeepsRecentDetail() {
        try (Database db = Database.inMemory()) {
            SpendHistory history = new SpendHistory(db);
            Instant now = T0.plus(Duration.ofDays(3));
            for (Instant t = T0; t.isBefore(now); t = t.plus(Duration.ofMinutes(10))) {
                history.record(snapshot(t, 5.0, running(1, 0.1)));
            }
            int before = history.points(T0, now).size();
            int removed = history.downsample(now);
            int after = history.points(T0, now).size();

            assertEquals(before - removed, after);
            assertEquals(6 * 24 + 48, after, "last day at full detail (144), the two days before hourly (48)");
        }
    }

    @Test
    void aDamagedFileGivesAClearErrorNotACrash() throws Exception {
        Path file = dir.resolve("broken.db");
        Files.write(
                file,
                "this is definitely not an sqlite database, just some text padding it out"
                        .repeat(50)
                        .getBytes());
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("damaged or not a database"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()));
    }

    @Test
    void defaultLocationFollowsXdgAndCanBeOverridden() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.local/share/imggenhub-vast/history.db"), Database.defaultFile(Map.of(), home));
        assertEquals(
                Path.of("/x/imggenhub-vast/history.db"), Database.defaultFile(Map.of("XDG_DATA_HOME", "/x"), home));
        assertEquals(Path.of("/y/history.db"), Database.defaultFile(Map.of("IMGGENHUB_VAST_DATA", "/y"), home));
    }

    @Test
    void aBrokenFileFallsBackToMemoryWithAWarning() throws Exception {
        Path file = dir.resolve("broken2.db");
        Files.write(
                file,
                "not a database at all, only text that goes on and on"
                        .repeat(50)
                        .getBytes());
        List<String> warnings = new java.util.ArrayList<>();
        try (LocalData data = LocalData.openOrInMemory(file, warnings::add)) {
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("damaged"), warnings.get(0));
            assertTrue(!data.durable());
            data.audit().record(new AuditEvent(T0, "destroy", "manual", AuditEvent.Phase.INTENT, List.of(7L), "x"));
            assertEquals(1, data.audit().since(Instant.EPOCH, 10).size());
        }
    }
}
