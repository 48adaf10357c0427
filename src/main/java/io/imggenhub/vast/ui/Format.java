package io.imggenhub.vast.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the window writes money, durations and times. One place, so the table, the summary and the banners agree. */
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Format() {
    }

    /** {@code $12.34}; negative credit shows as {@code -$1.20}. */
    static String money(double usd) {
        return (usd < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", Math.abs(usd));
    }

    /** An instance's rate with the four decimals the original tool printed: {@code $0.1100}. */
    static String rate(double usdPerHour) {
        return String.format(Locale.ROOT, "$%.4f", usdPerHour);
    }

    static String perHour(double usdPerHour) {
        return money(usdPerHour) + "/hr";
    }

    /** The coarse two-unit form people read at a glance: {@code 2 d 4 h}, {@code 3 h 12 m}, {@code 45 s}. */
    static String duration(Duration d) {
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

    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 2) {
            return "just now";
        }
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 7200) {
            return s / 60 + " min ago";
        }
        return duration(d) + " ago";
    }

    /** A clock time, with the weekday when it is not today and the date when it is more than a week away. */
    static String clock(Instant at, Instant now, ZoneId zone) {
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

    static String clockSeconds(Instant at, ZoneId zone) {
        return SECONDS.format(at.atZone(zone));
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f %%", value);
    }

    static String gpu(String name, int count) {
        String n = name == null || name.isBlank() ? "Unknown GPU" : name;
        return count > 1 ? n + " ×" + count : n;
    }
}
