package io.imggenhub.vast.core.guard;

import java.time.Duration;
import java.time.Instant;

/**
 * Estimated spend over a period, for the spend caps. The store's spend history provides it from recorded polls;
 * each poll's burn counts until the next one, but never for longer than {@code maxGap}, so hours the app was
 * closed are not invented.
 */
@FunctionalInterface
public interface SpendLedger {
    SpendLedger NONE = (from, to, maxGap) -> 0.0;

    double spendBetween(Instant from, Instant to, Duration maxGap);

    /** The same spend, saying how much of it Vast has billed; an estimate-only ledger bills nothing. */
    default Spend spend(Instant from, Instant to, Duration maxGap) {
        return Spend.estimated(spendBetween(from, to, maxGap));
    }
}
