package io.imggenhub.vast.core.guard;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way people write them for guards: {@code 2h}, {@code 90m}, {@code 1h30m}, {@code 1.5h},
 * {@code 45s}, {@code 2d}, or ISO-8601 ({@code PT2H}); and back again as {@code 1 h 30 min}.
 */
public final class HumanDuration {
    private static final Pattern PART =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(min|d|h|m|s)", Pattern.CASE_INSENSITIVE);

    private HumanDuration() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A duration is missing; write it like 2h, 90m or 1h30m");
        }
        String t = text.strip();
        if (t.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        String compact = t.replace(" ", "");
        Matcher m = PART.matcher(compact);
        int at = 0;
        double seconds = 0;
        while (m.find()) {
            if (m.start() != at) {
                throw invalid(text);
            }
            double n = Double.parseDouble(m.group(1));
            seconds += n
                    * switch (m.group(2).toLowerCase(Locale.ROOT)) {
                        case "d" -> 86_400;
                        case "h" -> 3_600;
                        case "m", "min" -> 60;
                        default -> 1;
                    };
            at = m.end();
        }
        if (at == 0 || at != compact.length()) {
            throw invalid(text);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * {@code 2 h}, {@code 1 h 30 min}, {@code 45 s}, {@code 3 d 4 h}: the largest unit and the one after it, whole
     * units, rounded down.
     */
    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.abs(d.getSeconds());
        long[] values = {s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60, s % 60};
        String[] units = {"d", "h", "min", "s"};
        int first = 0;
        while (first < values.length - 1 && values[first] == 0) {
            first++;
        }
        StringBuilder out = new StringBuilder(d.isNegative() ? "-" : "");
        out.append(values[first]).append(' ').append(units[first]);
        if (first + 1 < values.length && values[first + 1] > 0) {
            out.append(' ').append(values[first + 1]).append(' ').append(units[first + 1]);
        }
        return out.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Not a duration: \"" + text.strip() + "\"; write it like 2h, 90m or 1h30m");
    }
}
