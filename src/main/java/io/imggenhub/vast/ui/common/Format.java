package io.imggenhub.vast.ui.common;

import io.imggenhub.vast.core.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The window's words for numbers: {@link Formats} (shared with the CLI) plus the few forms only the window uses. */
public final class Format {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Format() {}

    public static String money(double usd) {
        return Formats.money(usd);
    }

    /** An instance's rate: {@code $0.1100}. */
    public static String rate(double usdPerHour) {
        return Formats.rate(usdPerHour);
    }

    /** An instance's rate per hour: {@code $0.1100/hr}. */
    public static String ratePerHour(double usdPerHour) {
        return Formats.ratePerHour(usdPerHour);
    }

    /** A total per hour: {@code $155.10/hr}. */
    public static String perHour(double usdPerHour) {
        return Formats.perHour(usdPerHour);
    }

    public static String duration(Duration d) {
        return Formats.duration(d);
    }

    public static String count(long n, String singular) {
        return Formats.count(n, singular);
    }

    public static String ago(Duration d) {
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
    public static String clock(Instant at, Instant now, ZoneId zone) {
        return Formats.clock(at, now, zone);
    }

    public static String clockSeconds(Instant at, ZoneId zone) {
        return SECONDS.format(at.atZone(zone));
    }

    public static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f %%", value);
    }

    public static String gpu(String name, int count) {
        String n = name == null || name.isBlank() ? "Unknown GPU" : name;
        return count > 1 ? n + " ×" + count : n;
    }
}
