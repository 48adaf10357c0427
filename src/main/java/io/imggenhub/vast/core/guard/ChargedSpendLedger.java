package io.imggenhub.vast.core.guard;

import io.imggenhub.vast.api.Charge;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.ChargeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Spend for the caps on real money: Vast's charges ({@code /api/v0/charges/}, vast-api.md §3.8) for the time
 * Vast has billed, and the poll estimate only for the hours after the newest charge. Charges are read at most once
 * per {@code refreshEvery} per period start (each read is a paced request); between reads the estimate covers the
 * time since. When the charges cannot be read the estimate covers the whole period, so a cap never goes blind.
 */
public final class ChargedSpendLedger implements SpendLedger {
    private static final Logger LOG = Logger.getLogger(ChargedSpendLedger.class.getName());
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

    private final ChargeSource charges;
    private final SpendLedger estimate;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Map<Instant, Billed> cache = new HashMap<>();

    private record Billed(Instant readAt, double usd, Instant until) {}

    public ChargedSpendLedger(ChargeSource charges, SpendLedger estimate, Clock clock, Duration refreshEvery) {
        this.charges = charges;
        this.estimate = estimate;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** Charges read through the services' client (paced like every other call), the estimate from {@code estimate}. */
    public static ChargedSpendLedger forServices(io.imggenhub.vast.core.VastServices services, SpendLedger estimate) {
        return new ChargedSpendLedger(services.client()::charges, estimate, services.clock(), DEFAULT_REFRESH);
    }

    @Override
    public double spendBetween(Instant from, Instant to, Duration maxGap) {
        return spend(from, to, maxGap).totalUsd();
    }

    @Override
    public synchronized Spend spend(Instant from, Instant to, Duration maxGap) {
        Billed billed = billed(from, to);
        if (billed == null || billed.until() == null) {
            return Spend.estimated(estimate.spendBetween(from, to, maxGap));
        }
        Instant until = billed.until().isAfter(to) ? to : billed.until();
        return new Spend(billed.usd(), estimate.spendBetween(until, to, maxGap), until);
    }

    private Billed billed(Instant from, Instant to) {
        Instant now = clock.instant();
        Billed cached = cache.get(from);
        if (cached != null && Duration.between(cached.readAt(), now).compareTo(refreshEvery) < 0) {
            return cached;
        }
        try {
            List<Charge> read = charges.charges(from, to);
            double usd = read.stream().mapToDouble(Charge::usd).sum();
            Instant until = read.stream()
                    .map(Charge::endInstant)
                    .filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(null);
            Billed fresh = new Billed(now, usd, until);
            cache.keySet().removeIf(k -> k.isBefore(from.minus(Duration.ofDays(62))));
            cache.put(from, fresh);
            return fresh;
        } catch (VastException e) {
            LOG.fine(() -> "charges unavailable, the caps use the estimate: " + e.getMessage());
            return cached;
        }
    }
}
