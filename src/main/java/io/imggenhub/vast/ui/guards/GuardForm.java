package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.IdleRule;
import io.imggenhub.vast.core.guard.InstanceGuard;
import java.time.Duration;
import java.util.Locale;

/** Turns what was typed into the guard dialogs into guards, or a message that says what to fix. */
final class GuardForm {
    private GuardForm() {}

    /**
     * @return the guard, or null when every field is empty (nothing to save)
     * @throws IllegalArgumentException with a message for the person, naming the field
     */
    static InstanceGuard instanceGuard(long id, String ttl, String idlePercent, String idleFor, String maxHourly) {
        Duration lifetime = blank(ttl) ? null : duration("Lifetime", ttl);
        IdleRule idle = null;
        if (!blank(idlePercent) || !blank(idleFor)) {
            if (blank(idlePercent) || blank(idleFor)) {
                throw new IllegalArgumentException("Idle needs both a GPU % and a time, e.g. below 5 % for 30m");
            }
            idle = new IdleRule(number("Idle GPU %", idlePercent), duration("Idle time", idleFor));
        }
        Double cap = blank(maxHourly) ? null : number("Max $/hr", maxHourly);
        if (lifetime == null && idle == null && cap == null) {
            return null;
        }
        return new InstanceGuard(id, lifetime, idle, cap);
    }

    static AccountGuard accountGuard(String daily, String monthly, String floor, boolean destroy) {
        return new AccountGuard(
                blank(daily) ? null : number("Daily cap", daily),
                blank(monthly) ? null : number("Monthly cap", monthly),
                blank(floor) ? null : number("Credit floor", floor),
                destroy);
    }

    static String text(Duration d) {
        return d == null ? "" : HumanDuration.format(d).replace(" ", "");
    }

    static String text(Double n) {
        if (n == null) {
            return "";
        }
        return n == Math.rint(n) ? String.valueOf(n.longValue()) : String.format(Locale.ROOT, "%.2f", n);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Duration duration(String field, String text) {
        try {
            return HumanDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static double number(String field, String text) {
        try {
            double v = Double.parseDouble(
                    text.strip().replace("$", "").replace("%", "").strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": \"" + text.strip() + "\" is not a number");
        }
    }
}
