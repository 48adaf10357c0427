package io.imggenhub.vast.store;

import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.GuardBook;
import io.imggenhub.vast.core.guard.IdleRule;
import io.imggenhub.vast.core.guard.InstanceGuard;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Guards in the local database, so that the window, the CLI and {@code watch} on this machine share them, and a
 * "keep it" clicked in one holds back the others. Rows are scoped by server URL: a simulator's instance ids and
 * limits never mix with a real account's.
 */
public final class GuardStore implements GuardBook {
    private final Database db;
    private final String server;

    public GuardStore(Database db, URI server) {
        this.db = Objects.requireNonNull(db, "db");
        this.server = Objects.requireNonNull(server, "server").toString();
    }

    @Override
    public List<InstanceGuard> instanceGuards() {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT instance_id, max_lifetime_ms, idle_below_pct, idle_for_ms, max_hourly FROM instance_guard "
                            + "WHERE server = ? ORDER BY instance_id")) {
                s.setString(1, server);
                List<InstanceGuard> guards = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        guards.add(read(rs));
                    }
                }
                return guards;
            }
        });
    }

    @Override
    public Optional<InstanceGuard> instanceGuard(long instanceId) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT instance_id, max_lifetime_ms, idle_below_pct, idle_for_ms, max_hourly FROM instance_guard "
                            + "WHERE server = ? AND instance_id = ?")) {
                s.setString(1, server);
                s.setLong(2, instanceId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static InstanceGuard read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Long lifetime = nullableLong(rs, 2);
        Double below = nullableDouble(rs, 3);
        Long idleFor = nullableLong(rs, 4);
        Double maxHourly = nullableDouble(rs, 5);
        IdleRule idle = below == null || idleFor == null ? null : new IdleRule(below, Duration.ofMillis(idleFor));
        return new InstanceGuard(id, lifetime == null ? null : Duration.ofMillis(lifetime), idle, maxHourly);
    }

    @Override
    public void setInstanceGuard(InstanceGuard guard, Instant at) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO instance_guard(server, instance_id, max_lifetime_ms, idle_below_pct, idle_for_ms, "
                            + "max_hourly, set_at_ms) VALUES (?,?,?,?,?,?,?) ON CONFLICT(server, instance_id) DO UPDATE SET "
                            + "max_lifetime_ms = excluded.max_lifetime_ms, idle_below_pct = excluded.idle_below_pct, "
                            + "idle_for_ms = excluded.idle_for_ms, max_hourly = excluded.max_hourly, "
                            + "set_at_ms = excluded.set_at_ms")) {
                s.setString(1, server);
                s.setLong(2, guard.instanceId());
                setLong(
                        s,
                        3,
                        guard.maxLifetime() == null ? null : guard.maxLifetime().toMillis());
                setDouble(s, 4, guard.idle() == null ? null : guard.idle().belowPercent());
                setLong(
                        s,
                        5,
                        guard.idle() == null ? null : guard.idle().forDuration().toMillis());
                setDouble(s, 6, guard.maxHourly());
                s.setLong(7, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean removeInstanceGuard(long instanceId) {
        return db.with(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM instance_guard WHERE server = ? AND instance_id = ?")) {
                s.setString(1, server);
                s.setLong(2, instanceId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public AccountGuard accountGuard() {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT daily_cap, monthly_cap, credit_floor, destroy_on_breach FROM account_guard WHERE server = ?")) {
                s.setString(1, server);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return AccountGuard.NONE;
                    }
                    return new AccountGuard(
                            nullableDouble(rs, 1), nullableDouble(rs, 2), nullableDouble(rs, 3), rs.getInt(4) != 0);
                }
            }
        });
    }

    @Override
    public void setAccountGuard(AccountGuard guard) {
        AccountGuard g = guard == null ? AccountGuard.NONE : guard;
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO account_guard(server, daily_cap, monthly_cap, credit_floor, destroy_on_breach) "
                            + "VALUES (?,?,?,?,?) ON CONFLICT(server) DO UPDATE SET daily_cap = excluded.daily_cap, "
                            + "monthly_cap = excluded.monthly_cap, credit_floor = excluded.credit_floor, "
                            + "destroy_on_breach = excluded.destroy_on_breach")) {
                s.setString(1, server);
                setDouble(s, 2, g.dailyCap());
                setDouble(s, 3, g.monthlyCap());
                setDouble(s, 4, g.creditFloor());
                s.setInt(5, g.destroyOnBreach() ? 1 : 0);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean keep(long instanceId, Instant until) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE instance_guard SET kept_until_ms = ? WHERE server = ? AND instance_id = ?")) {
                s.setLong(1, until.toEpochMilli());
                s.setString(2, server);
                s.setLong(3, instanceId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Instant> keptUntil(long instanceId) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT kept_until_ms FROM instance_guard WHERE server = ? AND instance_id = ?")) {
                s.setString(1, server);
                s.setLong(2, instanceId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.ofNullable(nullableLong(rs, 1)).map(Instant::ofEpochMilli)
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void keepAccount(Instant until) {
        db.with(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO account_guard(server, kept_until_ms) VALUES (?,?) "
                            + "ON CONFLICT(server) DO UPDATE SET kept_until_ms = excluded.kept_until_ms")) {
                s.setString(1, server);
                s.setLong(2, until.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> accountKeptUntil() {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT kept_until_ms FROM account_guard WHERE server = ?")) {
                s.setString(1, server);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.ofNullable(nullableLong(rs, 1)).map(Instant::ofEpochMilli)
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public int prune(Set<Long> liveIds, Instant setBefore) {
        return db.with(c -> {
            List<Long> stale = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("SELECT instance_id FROM instance_guard WHERE server = ? AND set_at_ms < ?")) {
                s.setString(1, server);
                s.setLong(2, setBefore.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!liveIds.contains(rs.getLong(1))) {
                            stale.add(rs.getLong(1));
                        }
                    }
                }
            }
            if (stale.isEmpty()) {
                return 0;
            }
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM instance_guard WHERE server = ? AND instance_id = ?")) {
                for (Long id : stale) {
                    s.setString(1, server);
                    s.setLong(2, id);
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.REAL);
        } else {
            s.setDouble(i, v);
        }
    }
}
