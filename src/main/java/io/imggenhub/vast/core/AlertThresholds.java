package io.imggenhub.vast.core;

/**
 * When to warn. A threshold of 0 turns its rule off. {@code hysteresis} is the fraction a value must move back past
 * its threshold before the alert counts as cleared, so a burn hovering at the limit does not alert on every poll.
 */
public record AlertThresholds(double maxBurnPerHour, double minRunwayHours, double minCredit, double hysteresis) {

    public static final AlertThresholds DEFAULT = new AlertThresholds(1.00, 6, 0, 0.10);

    public AlertThresholds {
        if (maxBurnPerHour < 0 || minRunwayHours < 0 || minCredit < 0 || hysteresis < 0 || hysteresis >= 1) {
            throw new IllegalArgumentException("alert thresholds must not be negative (hysteresis below 1)");
        }
    }
}
