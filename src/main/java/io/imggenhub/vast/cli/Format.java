package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.Formats;
import java.time.Duration;
import java.util.Locale;

/** How the command line writes money and durations: {@link Formats}, shared with the window, plus Vast's age form. */
final class Format {
    private Format() {}

    /** {@code $0.1100}: the original tool's 4 decimals for hourly rates. */
    static String rate(double usdPerHour) {
        return Formats.rate(usdPerHour);
    }

    /** {@code $25.00} for balances, {@code -$0.03} below zero; a tenth of a cent below is still {@code $0.00}. */
    static String usd(double usd) {
        return Formats.money(usd);
    }

    /** {@code 2d 3h}, {@code 4h 15m}, {@code 7m}: Vast's own age format. */
    static String age(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 24 * 60) {
            return (minutes / (24 * 60)) + "d " + (minutes / 60 % 24) + "h";
        }
        if (minutes >= 60) {
            return (minutes / 60) + "h " + (minutes % 60) + "m";
        }
        return minutes + "m";
    }

    static String hours(Duration d) {
        return Formats.duration(d);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
