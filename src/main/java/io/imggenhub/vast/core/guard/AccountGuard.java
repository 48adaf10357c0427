package io.imggenhub.vast.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Guards on the whole account; each limit is optional ({@code null} = off). Crossing one alerts; with
 * {@code destroyOnBreach} it also destroys every instance (opt-in, because it stops work the user may want).
 *
 * @param dailyCap    USD of estimated spend per calendar day in the user's time zone
 * @param monthlyCap  USD of estimated spend per calendar month
 * @param creditFloor USD of credit at or below which the account is in breach
 */
public record AccountGuard(Double dailyCap, Double monthlyCap, Double creditFloor, boolean destroyOnBreach) {

    public static final AccountGuard NONE = new AccountGuard(null, null, null, false);

    public AccountGuard {
        positive(dailyCap, "daily spend cap");
        positive(monthlyCap, "monthly spend cap");
        if (creditFloor != null && !(creditFloor >= 0 && Double.isFinite(creditFloor))) {
            throw new IllegalArgumentException("The credit floor must be $0 or more, not " + creditFloor);
        }
    }

    private static void positive(Double usd, String what) {
        if (usd != null && !(usd > 0 && Double.isFinite(usd))) {
            throw new IllegalArgumentException("The " + what + " must be a positive amount, not " + usd);
        }
    }

    public boolean isEmpty() {
        return dailyCap == null && monthlyCap == null && creditFloor == null;
    }

    public AccountGuard withDailyCap(Double usd) {
        return new AccountGuard(usd, monthlyCap, creditFloor, destroyOnBreach);
    }

    public AccountGuard withMonthlyCap(Double usd) {
        return new AccountGuard(dailyCap, usd, creditFloor, destroyOnBreach);
    }

    public AccountGuard withCreditFloor(Double usd) {
        return new AccountGuard(dailyCap, monthlyCap, usd, destroyOnBreach);
    }

    public AccountGuard withDestroyOnBreach(boolean destroy) {
        return new AccountGuard(dailyCap, monthlyCap, creditFloor, destroy);
    }

    public List<GuardRule> rules() {
        List<GuardRule> rules = new ArrayList<>(3);
        if (dailyCap != null) {
            rules.add(GuardRule.DAILY_CAP);
        }
        if (monthlyCap != null) {
            rules.add(GuardRule.MONTHLY_CAP);
        }
        if (creditFloor != null) {
            rules.add(GuardRule.CREDIT_FLOOR);
        }
        return rules;
    }

    /** {@code $20.00 a day, credit floor $5.00; destroys everything on breach}. */
    public String describe() {
        if (isEmpty()) {
            return "no account guards";
        }
        List<String> parts = new ArrayList<>(3);
        if (dailyCap != null) {
            parts.add(String.format(Locale.ROOT, "$%.2f a day", dailyCap));
        }
        if (monthlyCap != null) {
            parts.add(String.format(Locale.ROOT, "$%.2f a month", monthlyCap));
        }
        if (creditFloor != null) {
            parts.add(String.format(Locale.ROOT, "credit floor $%.2f", creditFloor));
        }
        return String.join(", ", parts) + (destroyOnBreach ? "; destroys everything on breach" : "; alerts on breach");
    }
}
