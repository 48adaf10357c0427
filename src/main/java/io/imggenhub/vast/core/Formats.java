package io.imggenhub.vast.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How money, rates, durations and times are written, by the window and the command line alike, whatever the
 * locale. One place, so a figure reads the same wherever it appears.
 */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private Formats() {}

    /**
     * {@code $3,722.38}; below zero {@code -$0.03}. Rounded to the cent before the sign is chosen, so a tenth of a
     * cent either side of zero is {@code $0.00}, never {@code -$0.00}.
     */
    public static String money(double usd) {
        long cents = Math.round(usd * 100);
        return String.format(Locale.ROOT, cents < 0 ? "-$%,.2f" : "$%,.2f", Math.abs(cents) / 100.0);
    }

    /** A difference, read with its sign: {@code +$1.20}, {@code -$0.05}, and {@code $0.00} for less than half a cent. */
    public static String signedMoney(double usd) {
        return (Math.round(usd * 100) > 0 ? "+" : "") + money(usd);
    }

    /** An instance's rate with the four decimals the original tool printed: {@code $0.1100}. */
    public static String rate(double usdPerHour) {
        double r = Math.abs(usdPerHour) < 0.00005 ? 0 : usdPerHour;
        return (r < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.4f", Math.abs(r));
    }

    /** One instance's rate per hour: {@code $0.1100/hr}. */
    public static String ratePerHour(double usdPerHour) {
        return rate(usdPerHour) + "/hr";
    }

    /** A total per hour (a burn, the sum of several rates): {@code $155.10/hr}. */
    public static String perHour(double usdPerHour) {
        return money(usdPerHour) + "/hr";
    }

    /** The coarse two-unit form people read at a glance: {@code 2 d 4 h}, {@code 3 h 12 m}, {@code 45 s}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " m";
        }
        if (minutes > 0) {
            return minutes + " m";
        }
        return s + " s";
    }

    /** A clock time, with the weekday when it is not today and the date when it is more than a week away. */
    public static String clock(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime when = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (when.toLocalDate().equals(today)) {
            return TIME.format(when);
        }
        if (Math.abs(Duration.between(now, at).toDays()) < 6) {
            return DAY_TIME.format(when);
        }
        return DATE_TIME.format(when);
    }

    /** {@code 1 instance}, {@code 2 instances}: a count with a real plural (English: add "s"). */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
