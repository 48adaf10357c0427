package io.imggenhub.vast.core.guard;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * "Idle" means GPU utilisation below {@code belowPercent} on every poll for {@code forDuration}. A poll without a
 * utilisation figure, or of an instance that is not running, never counts as idle.
 */
public record IdleRule(double belowPercent, Duration forDuration) {

    public IdleRule {
        Objects.requireNonNull(forDuration, "forDuration");
        if (!(belowPercent > 0 && belowPercent <= 100)) {
            throw new IllegalArgumentException(
                    "The idle threshold must be a GPU utilisation above 0% and at most 100%, not " + belowPercent
                            + "%");
        }
        if (forDuration.isNegative() || forDuration.isZero()) {
            throw new IllegalArgumentException(
                    "The idle time must be positive, not " + HumanDuration.format(forDuration));
        }
    }

    public String describe() {
        return String.format(
                Locale.ROOT, "GPU below %s%% for %s", percent(belowPercent), HumanDuration.format(forDuration));
    }

    static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
