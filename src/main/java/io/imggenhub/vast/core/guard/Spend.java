package io.imggenhub.vast.core.guard;

import java.time.Instant;

/**
 * Spend in a period, told apart by where it comes from: {@code billedUsd} is what Vast's charges say up to
 * {@code billedUntil}; {@code estimatedUsd} is our estimate from polls for the time after that (all of the period
 * when Vast's charges are unknown, then {@code billedUntil} is null).
 */
public record Spend(double billedUsd, double estimatedUsd, Instant billedUntil) {

    public static Spend estimated(double usd) {
        return new Spend(0.0, usd, null);
    }

    public double totalUsd() {
        return billedUsd + estimatedUsd;
    }

    public boolean hasCharges() {
        return billedUntil != null;
    }
}
