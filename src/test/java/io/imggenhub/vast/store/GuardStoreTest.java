package io.imggenhub.vast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.GuardBook;
import io.imggenhub.vast.core.guard.IdleRule;
import io.imggenhub.vast.core.guard.InMemoryGuardBook;
import io.imggenhub.vast.core.guard.InstanceGuard;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardStoreTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final URI VAST = URI.create("https://console.vast.ai");
    static final URI SIM = URI.create("http://127.0.0.1:8123");

    @TempDir
    Path dir;

    @Test
    void guardsKeepsAndAccountLimitsSurviveReopening() {
        Path file = dir.resolve("h.db");
        InstanceGuard full =
                new InstanceGuard(28116358L, Duration.ofMinutes(150), new IdleRule(7.5, Duration.ofMinutes(30)), 0.55);
        AccountGuard account = new AccountGuard(20.0, 300.0, 5.0, true);
        try (Database db = Database.open(file)) {
            GuardStore store = new GuardStore(db, VAST);
            store.setInstanceGuard(full, T0);
            store.setInstanceGuard(InstanceGuard.ttl(28116400L, Duration.ofHours(1)), T0);
            assertTrue(store.keep(28116358L, T0.plus(Duration.ofHours(3))));
            store.setAccountGuard(account);
            store.keepAccount(T0.plus(Duration.ofMinutes(45)));
        }
        try (Database db = Database.open(file)) {
            GuardStore store = new GuardStore(db, VAST);
            assertEquals(List.of(full, InstanceGuard.ttl(28116400L, Duration.ofHours(1))), store.instanceGuards());
            assertEquals(Optional.of(full), store.instanceGuard(28116358L));
            assertEquals(Optional.of(T0.plus(Duration.ofHours(3))), store.keptUntil(28116358L));
            assertEquals(Optional.empty(), store.keptUntil(28116400L));
            assertEquals(account, store.accountGuard());
            assertEquals(Optional.of(T0.plus(Duration.ofMinutes(45))), store.accountKeptUntil());
        }
    }

    @Test
    void behavesLikeTheInMemoryBook() {
        try (Database db = Database.inMemory()) {
            for (GuardBook book : List.of(new GuardStore(db, VAST), new InMemoryGuardBook())) {
                assertEquals(AccountGuard.NONE, book.accountGuard());
                assertEquals(Optional.empty(), book.accountKeptUntil());
                assertFalse(book.keep(1L, T0), "no guard, nothing to keep");
                book.setInstanceGuard(InstanceGuard.ttl(1L, Duration.ofHours(1)), T0);
                assertTrue(book.keep(1L, T0.plusSeconds(60)));
                book.setInstanceGuard(InstanceGuard.maxHourly(1L, 0.5), T0.plusSeconds(5));
                assertEquals(Optional.of(InstanceGuard.maxHourly(1L, 0.5)), book.instanceGuard(1L));
                assertEquals(Optional.of(T0.plusSeconds(60)), book.keptUntil(1L), "changing a guard keeps the keep");

                book.setInstanceGuard(InstanceGuard.ttl(2L, Duration.ofHours(1)), T0.plusSeconds(600));
                assertEquals(0, book.prune(Set.of(1L, 2L), T0.plusSeconds(3600)), "both listed");
                assertEquals(1, book.prune(Set.of(), T0.plusSeconds(300)), "only the old one goes");
                assertEquals(
                        List.of(2L),
                        book.instanceGuards().stream()
                                .map(InstanceGuard::instanceId)
                                .toList());
                assertTrue(book.removeInstanceGuard(2L));
                assertFalse(book.removeInstanceGuard(2L));

                book.keepAccount(T0);
                book.setAccountGuard(AccountGuard.NONE.withDailyCap(10.0));
                assertEquals(Optional.of(T0), book.accountKeptUntil(), "setting limits keeps the account keep");
                assertEquals(10.0, book.accountGuard().dailyCap());
            }
        }
    }

    @Test
    void guardsOfOneServerAreInvisibleToAnother() {
        try (Database db = Database.inMemory()) {
            GuardStore real = new GuardStore(db, VAST);
            GuardStore sim = new GuardStore(db, SIM);
            real.setInstanceGuard(InstanceGuard.ttl(5L, Duration.ofHours(1)), T0);
            real.setAccountGuard(AccountGuard.NONE.withCreditFloor(2.0));
            assertTrue(sim.instanceGuards().isEmpty());
            assertEquals(AccountGuard.NONE, sim.accountGuard());
            assertEquals(
                    0,
                    sim.prune(Set.of(), T0.plus(Duration.ofDays(1))),
                    "a simulator's poll never prunes a real guard");
            assertEquals(1, real.instanceGuards().size());
        }
    }

    @Test
    void aVersionOneDatabaseGainsTheGuardTablesAndKeepsItsData() throws Exception {
        Path file = dir.resolve("old.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE snapshot (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, credit REAL, "
                            + "burn_per_hour REAL NOT NULL, instance_count INTEGER NOT NULL, resolution TEXT NOT NULL DEFAULT 'raw')");
            s.execute(
                    "CREATE TABLE snapshot_instance (snapshot_id INTEGER NOT NULL, instance_id INTEGER NOT NULL, gpu TEXT, "
                            + "label TEXT, status TEXT, rate_per_hour REAL NOT NULL)");
            s.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, action TEXT NOT NULL, "
                    + "reason TEXT NOT NULL, phase TEXT NOT NULL, instance_ids TEXT NOT NULL, detail TEXT)");
            s.execute("INSERT INTO snapshot(at_ms, credit, burn_per_hour, instance_count) VALUES (" + T0.toEpochMilli()
                    + ", 10.0, 1.5, 1)");
            s.execute("PRAGMA user_version = 1");
        }
        try (Database db = Database.open(file)) {
            assertEquals(1, new SpendHistory(db).points(T0, T0).size());
            GuardStore store = new GuardStore(db, VAST);
            store.setInstanceGuard(InstanceGuard.ttl(1L, Duration.ofHours(1)), T0);
            assertEquals(1, store.instanceGuards().size());
            int version = db.with(c -> {
                try (Statement s = c.createStatement();
                        var rs = s.executeQuery("PRAGMA user_version")) {
                    return rs.getInt(1);
                }
            });
            assertEquals(2, version);
        }
    }
}
