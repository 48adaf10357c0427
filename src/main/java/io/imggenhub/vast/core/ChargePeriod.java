package io.imggenhub.vast.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The ranges charges are shown for: the last 24 hours, the last 7 days, and this calendar month in the user's zone. */
public enum ChargePeriod {
    DAY("24 h"),
    WEEK("7 d"),
    MONTH("this month"),
    /** A range the user chose (e.g. {@code history --charges --since 3d}); {@link #from} does not apply. */
    CHOSEN("in the chosen range");

    /** The periods every charges view shows. */
    public static final java.util.List<ChargePeriod> STANDARD = java.util.List.of(DAY, WEEK, MONTH);

    private final String label;

    ChargePeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Instant from(Instant now, ZoneId zone) {
        return switch (this) {
            case DAY -> now.minus(Duration.ofHours(24));
            case WEEK -> now.minus(Duration.ofDays(7));
            case MONTH ->
                now.atZone(zone)
                        .toLocalDate()
                        .withDayOfMonth(1)
                        .atStartOfDay(zone)
                        .toInstant();
            case CHOSEN -> throw new IllegalStateException("a chosen range has no fixed start");
        };
    }
}
