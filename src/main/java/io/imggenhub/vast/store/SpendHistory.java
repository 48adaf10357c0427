package io.imggenhub.vast.store;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.EstimateBook;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.guard.SpendLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every poll's snapshot: credit, burn and each instance's rate and status. Growth is bounded by
 * {@link #downsample(Instant)}: full detail for a day, one point per hour for a month, one per day after that.
 */
public final class SpendHistory implements SpendLedger, EstimateBook {
    /** One point of the burn/credit chart. */
    public record Point(Instant at, Double credit, double burnPerHour, int instanceCount) {}

    private final Database db;

    public SpendHistory(Database db) {
        this.db = db;
    }

    public void record(FleetSnapshot snapshot) {
        db.with(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO snapshot(at_ms, credit, burn_per_hour, instance_count) VALUES (?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, snapshot.fetchedAt().toEpochMilli());
                    if (snapshot.account() == null) {
                        s.setNull(2, java.sql.Types.REAL);
                    } else {
                        s.setDouble(2, snapshot.credit());
                    }
                    s.setDouble(3, snapshot.burnPerHour());
                    s.setInt(4, snapshot.live().size());
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO snapshot_instance(snapshot_id, instance_id, gpu, label, status, rate_per_hour) "
                                + "VALUES (?,?,?,?,?,?)")) {
                    for (Instance i : snapshot.instances()) {
                        s.setLong(1, id);
                        s.setLong(2, i.id());
                        s.setString(3, i.gpuDisplayName());
                        s.setString(4, i.label());
                        s.setString(5, i.status());
                        s.setDouble(6, i.billedRate());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return id;
            } catch (java.sql.SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    public List<Point> points(Instant from, Instant to) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT at_ms, credit, burn_per_hour, instance_count FROM snapshot WHERE at_ms BETWEEN ? AND ? "
                            + "ORDER BY at_ms")) {
                s.setLong(1, from.toEpochMilli());
                s.setLong(2, to.toEpochMilli());
                List<Point> points = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double credit = rs.getDouble(2);
                        points.add(new Point(
                                Instant.ofEpochMilli(rs.getLong(1)),
                                rs.wasNull() ? null : credit,
                                rs.getDouble(3),
                                rs.getInt(4)));
                    }
                }
                return points;
            }
        });
    }

    /**
     * Estimated spend per instance between {@code from} and {@code to}: each snapshot's rate held until the next
     * snapshot (capped at {@code maxGap}, so time the app was closed is not invented). Keyed by instance id, with the
     * last known GPU and label.
     */
    public Map<Long, InstanceSpend> spendPerInstance(Instant from, Instant to, Duration maxGap) {
        return db.with(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT s.at_ms, i.instance_id, i.gpu, i.label, i.rate_per_hour FROM snapshot s "
                            + "JOIN snapshot_instance i ON i.snapshot_id = s.id WHERE s.at_ms BETWEEN ? AND ? "
                            + "ORDER BY i.instance_id, s.at_ms")) {
                s.setLong(1, from.toEpochMilli());
                s.setLong(2, to.toEpochMilli());
                Map<Long, InstanceSpend> result = new LinkedHashMap<>();
                Map<Long, long[]> lastSeen = new LinkedHashMap<>();
                Map<Long, Double> lastRate = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long at = rs.getLong(1);
                        long id = rs.getLong(2);
                        double rate = rs.getDouble(5);
                        InstanceSpend before = result.getOrDefault(id, new InstanceSpend(id, null, null, 0.0));
                        double added = 0.0;
                        if (lastSeen.containsKey(id)) {
                            long gap = Math.min(at - lastSeen.get(id)[0], maxGap.toMillis());
                            added = lastRate.get(id) * gap / 3_600_000.0;
                        }
                        result.put(id, new InstanceSpend(id, rs.getString(3), rs.getString(4), before.usd() + added));
                        lastSeen.put(id, new long[] {at});
                        lastRate.put(id, rate);
                    }
                }
                return result;
            }
        });
    }

    public record InstanceSpend(long instanceId, String gpu, String label, double usd) {}

    @Override
    public Map<Long, Estimate> estimatesPerInstance(Instant from, Instant to, Duration maxGap) {
        Map<Long, Estimate> result = new LinkedHashMap<>();
        spendPerInstance(from, to, maxGap)
                .forEach((id, s) -> result.put(id, new Estimate(id, s.gpu(), s.label(), s.usd())));
        return result;
    }

    /**
     * Estimated account spend between {@code from} and {@code to}: each snapshot's burn held until the next
     * snapshot (or {@code to}), but never for longer than {@code maxGap}, so time the app was closed is not
     * invented. A snapshot from before {@code from} counts for its part inside the period. The spend caps use it.
     */
    @Override
    public double spendBetween(Instant from, Instant to, Duration maxGap) {
        if (!to.isAfter(from)) {
            return 0.0;
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        long gapMs = maxGap.toMillis();
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT at_ms, burn_per_hour FROM snapshot WHERE at_ms >= ? AND at_ms <= ? ORDER BY at_ms, id")) {
                s.setLong(1, fromMs - gapMs);
                s.setLong(2, toMs);
                double usd = 0.0;
                long prevAt = Long.MIN_VALUE;
                double prevRate = 0.0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long at = rs.getLong(1);
                        if (prevAt != Long.MIN_VALUE) {
                            usd += prevRate * overlapHours(prevAt, Math.min(at, prevAt + gapMs), fromMs, toMs);
                        }
                        prevAt = at;
                        prevRate = rs.getDouble(2);
                    }
                }
                if (prevAt != Long.MIN_VALUE) {
                    usd += prevRate * overlapHours(prevAt, Math.min(toMs, prevAt + gapMs), fromMs, toMs);
                }
                return usd;
            }
        });
    }

    private static double overlapHours(long start, long end, long fromMs, long toMs) {
        long a = Math.max(start, fromMs);
        long b = Math.min(end, toMs);
        return b > a ? (b - a) / 3_600_000.0 : 0.0;
    }

    /** Thins old raw snapshots: one per hour after a day, one per day after thirty days. Returns rows removed. */
    public int downsample(Instant now) {
        int removed = thin(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(30)), Duration.ofHours(1));
        removed += thin(now.minus(Duration.ofDays(30)), Instant.EPOCH, Duration.ofDays(1));
        return removed;
    }

    /** Keeps the first snapshot of every {@code bucket} in [olderBound, newerBound); deletes the rest. */
    private int thin(Instant newerBound, Instant olderBound, Duration bucket) {
        return db.with(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM snapshot WHERE at_ms >= ? AND at_ms < ? AND id NOT IN ("
                            + "SELECT MIN(id) FROM snapshot WHERE at_ms >= ? AND at_ms < ? GROUP BY at_ms / ?)")) {
                s.setLong(1, olderBound.toEpochMilli());
                s.setLong(2, newerBound.toEpochMilli());
                s.setLong(3, olderBound.toEpochMilli());
                s.setLong(4, newerBound.toEpochMilli());
                s.setLong(5, bucket.toMillis());
                return s.executeUpdate();
            }
        });
    }
}
