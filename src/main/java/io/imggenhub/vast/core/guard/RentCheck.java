package io.imggenhub.vast.core.guard;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.Formats;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The check before {@code reserve}, {@code auto} or Deploy: how long the credit lasts at the current burn plus
 * this offer, refused below a minimum unless forced. A pure function of the offer price and the latest snapshot.
 *
 * @param credit       spendable USD, or null when the snapshot has no account (then the verdict is UNKNOWN)
 * @param reserve      USD kept aside (the credit floor): only credit above it counts
 * @param hoursCovered hours the credit above the reserve lasts at {@code currentBurn + offerPerHour}; infinite
 *                     when nothing would bill
 */
public record RentCheck(
        Verdict verdict,
        double offerPerHour,
        double currentBurn,
        Double credit,
        double reserve,
        Duration minimum,
        double hoursCovered) {

    public enum Verdict {
        OK,
        /** Fewer hours than the minimum: rent only when forced. */
        REFUSE,
        /** No credit figure to check against; renting is allowed. */
        UNKNOWN
    }

    public static final Duration DEFAULT_MINIMUM = Duration.ofHours(2);

    public static RentCheck of(double offerPerHour, FleetSnapshot current, Duration minimum) {
        return of(offerPerHour, current, minimum, 0.0);
    }

    public static RentCheck of(Offer offer, FleetSnapshot current, Duration minimum) {
        return of(offer.hourlyCost(), current, minimum, 0.0);
    }

    /** @param reserveUsd credit to keep aside, e.g. the account guard's credit floor (0 for none) */
    public static RentCheck of(double offerPerHour, FleetSnapshot current, Duration minimum, double reserveUsd) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(minimum, "minimum");
        if (!(offerPerHour >= 0) || !Double.isFinite(offerPerHour)) {
            throw new IllegalArgumentException("The offer's $/hr must be 0 or more, not " + offerPerHour);
        }
        if (minimum.isNegative()) {
            throw new IllegalArgumentException(
                    "The minimum runway must not be negative, not " + HumanDuration.format(minimum));
        }
        if (!(reserveUsd >= 0) || !Double.isFinite(reserveUsd)) {
            throw new IllegalArgumentException("The credit reserve must be $0 or more, not " + reserveUsd);
        }
        double burn = current.burnPerHour();
        if (current.account() == null) {
            return new RentCheck(Verdict.UNKNOWN, offerPerHour, burn, null, reserveUsd, minimum, Double.NaN);
        }
        double credit = current.credit();
        double spendable = Math.max(0.0, credit - reserveUsd);
        double total = burn + offerPerHour;
        double hours = total <= 0 ? Double.POSITIVE_INFINITY : spendable / total;
        double minimumHours = minimum.toMillis() / 3_600_000.0;
        Verdict verdict = hours < minimumHours ? Verdict.REFUSE : Verdict.OK;
        return new RentCheck(verdict, offerPerHour, burn, credit, reserveUsd, minimum, hours);
    }

    /** Whether to go ahead: anything but a refusal, or a refusal overridden by {@code --force}. */
    public boolean allows(boolean force) {
        return verdict != Verdict.REFUSE || force;
    }

    public double combinedBurn() {
        return currentBurn + offerPerHour;
    }

    /**
     * {@code Credit $3.20 covers 1.4 h at $2.30/hr (current $1.80/hr + this offer $0.50/hr); the minimum is 2 h.}
     * Without a hint how to override, for the window.
     */
    public String summary() {
        if (verdict == Verdict.UNKNOWN) {
            return String.format(
                    Locale.ROOT,
                    "Credit unknown; this offer adds $%.2f/hr to the current $%.2f/hr.",
                    offerPerHour,
                    currentBurn);
        }
        String money = reserve > 0
                ? String.format(
                        Locale.ROOT,
                        "Credit %s (%s above the %s floor)",
                        usd(credit),
                        usd(Math.max(0, credit - reserve)),
                        usd(reserve))
                : "Credit " + usd(credit);
        // The total is the sum of the parts as shown, so the line adds up for whoever checks it.
        double current = Math.round(currentBurn * 100) / 100.0;
        double offer = Math.round(offerPerHour * 100) / 100.0;
        String rates = Formats.perHour(current + offer) + " (current " + Formats.perHour(current) + " + this offer "
                + Formats.perHour(offer) + ")";
        // One decimal, unless rounding would show a refused runway as reaching the minimum.
        String hours = String.format(Locale.ROOT, "%.1f", hoursCovered);
        if (verdict == Verdict.REFUSE && Double.parseDouble(hours) >= minimum.toMillis() / 3_600_000.0) {
            hours = String.format(Locale.ROOT, "%.2f", Math.floor(hoursCovered * 100) / 100);
        }
        String covers = Double.isInfinite(hoursCovered)
                ? money + " is not drawn on: nothing would bill"
                : money + " covers " + hours + " h at " + rates;
        return verdict == Verdict.REFUSE
                ? covers + "; the minimum is " + HumanDuration.format(minimum) + "."
                : covers + ".";
    }

    /** {@link #summary()}, and on a refusal how to rent anyway: the CLI's text. */
    public String message() {
        return verdict == Verdict.REFUSE ? summary() + " Use --force to rent anyway." : summary();
    }

    private static String usd(double amount) {
        return Formats.money(amount);
    }
}
