package io.imggenhub.vast.core.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guards of one instance; each rule is optional ({@code null} = off) but at least one is set.
 *
 * @param maxLifetime destroy once the instance has existed this long (from Vast's {@code start_date})
 * @param idle        destroy once the GPU has been idle this long
 * @param maxHourly   destroy as soon as the instance bills more than this many USD per hour
 */
public record InstanceGuard(long instanceId, Duration maxLifetime, IdleRule idle, Double maxHourly) {

    public InstanceGuard {
        if (instanceId <= 0) {
            throw new IllegalArgumentException("An instance id is a positive number, not " + instanceId);
        }
        if (maxLifetime != null && (maxLifetime.isNegative() || maxLifetime.isZero())) {
            throw new IllegalArgumentException(
                    "The maximum lifetime must be positive, not " + HumanDuration.format(maxLifetime));
        }
        if (maxHourly != null && !(maxHourly > 0 && Double.isFinite(maxHourly))) {
            throw new IllegalArgumentException("The maximum $/hr must be a positive amount, not " + maxHourly);
        }
        if (maxLifetime == null && idle == null && maxHourly == null) {
            throw new IllegalArgumentException("A guard for instance " + instanceId
                    + " needs at least one rule: a maximum lifetime, an idle limit or a maximum $/hr");
        }
    }

    public static InstanceGuard ttl(long instanceId, Duration maxLifetime) {
        return new InstanceGuard(instanceId, maxLifetime, null, null);
    }

    public static InstanceGuard idle(long instanceId, double belowPercent, Duration forDuration) {
        return new InstanceGuard(instanceId, null, new IdleRule(belowPercent, forDuration), null);
    }

    public static InstanceGuard maxHourly(long instanceId, double usdPerHour) {
        return new InstanceGuard(instanceId, null, null, usdPerHour);
    }

    public InstanceGuard withMaxLifetime(Duration d) {
        return new InstanceGuard(instanceId, d, idle, maxHourly);
    }

    public InstanceGuard withIdle(IdleRule rule) {
        return new InstanceGuard(instanceId, maxLifetime, rule, maxHourly);
    }

    public InstanceGuard withMaxHourly(Double usdPerHour) {
        return new InstanceGuard(instanceId, maxLifetime, idle, usdPerHour);
    }

    /** This guard without one rule; empty when nothing would be left (then remove the guard). */
    public Optional<InstanceGuard> without(GuardRule rule) {
        Duration ttl = rule == GuardRule.TTL ? null : maxLifetime;
        IdleRule i = rule == GuardRule.IDLE ? null : idle;
        Double cap = rule == GuardRule.MAX_HOURLY ? null : maxHourly;
        return ttl == null && i == null && cap == null
                ? Optional.empty()
                : Optional.of(new InstanceGuard(instanceId, ttl, i, cap));
    }

    public List<GuardRule> rules() {
        List<GuardRule> rules = new ArrayList<>(3);
        if (maxLifetime != null) {
            rules.add(GuardRule.TTL);
        }
        if (idle != null) {
            rules.add(GuardRule.IDLE);
        }
        if (maxHourly != null) {
            rules.add(GuardRule.MAX_HOURLY);
        }
        return rules;
    }

    /** {@code lifetime 2 h, GPU below 5% for 30 min, at most $0.50/hr}. */
    public String describe() {
        List<String> parts = new ArrayList<>(3);
        if (maxLifetime != null) {
            parts.add("lifetime " + HumanDuration.format(maxLifetime));
        }
        if (idle != null) {
            parts.add(idle.describe());
        }
        if (maxHourly != null) {
            parts.add(String.format(Locale.ROOT, "at most $%.2f/hr", maxHourly));
        }
        return String.join(", ", parts);
    }
}
