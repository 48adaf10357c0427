package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 12: one way to write money, rates, durations, times and counts, for the CLI and the window alike. */
class FormatsTest {

    @Test
    void moneyIsGroupedAndNeverMinusZero() {
        assertEquals("$3,722.38", Formats.money(3722.38));
        assertEquals("$0.00", Formats.money(-0.001));
        assertEquals("$0.00", Formats.money(-0.004));
        assertEquals("-$0.03", Formats.money(-0.03));
        assertEquals("-$1,200.50", Formats.money(-1200.5));
    }

    @Test
    void ratesKeepTheOriginalToolsFourDecimals() {
        assertEquals("$0.1100", Formats.rate(0.11));
        assertEquals("$0.1100/hr", Formats.ratePerHour(0.11));
        assertEquals("$0.0000", Formats.rate(-0.00001));
        assertEquals("$155.10/hr", Formats.perHour(155.1));
    }

    @Test
    void durationsAreTwoUnits() {
        assertEquals("3 h 12 m", Formats.duration(Duration.ofMinutes(192)));
        assertEquals("2 d 7 h", Formats.duration(Duration.ofHours(55)));
        assertEquals("45 s", Formats.duration(Duration.ofSeconds(45)));
    }

    @Test
    void timesCarryADayWhenNotToday() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertEquals("12:56", Formats.clock(Instant.parse("2026-11-30T12:56:00Z"), now, ZoneOffset.UTC));
        assertEquals("Tue 12:56", Formats.clock(Instant.parse("2026-12-01T12:56:00Z"), now, ZoneOffset.UTC));
        assertEquals("20 Dec 12:56", Formats.clock(Instant.parse("2026-12-20T12:56:00Z"), now, ZoneOffset.UTC));
    }

    @Test
    void pluralsAreReal() {
        assertEquals("1 instance", Formats.count(1, "instance"));
        assertEquals("2 instances", Formats.count(2, "instance"));
        assertEquals("0 instances", Formats.count(0, "instance"));
    }
}
