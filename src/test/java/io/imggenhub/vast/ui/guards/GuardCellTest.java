package io.imggenhub.vast.ui.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.guard.GuardRule;
import io.imggenhub.vast.core.guard.Protection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 3: the Guard column claims the watchdog only once it has reported itself armed. */
class GuardCellTest {
    private static final Instant AT = Instant.parse("2026-11-30T14:05:00Z");

    private static Protection watchdogOnly(boolean armed) {
        return new Protection(1, List.of(), null, Duration.ofHours(2), AT, armed);
    }

    @Test
    void anUnconfirmedWatchdogIsShownAsSuchAndWarns() {
        GuardCell cell = GuardCell.of(watchdogOnly(false), ZoneOffset.UTC);
        assertEquals("watchdog unconfirmed ~14:05", cell.text());
        assertTrue(cell.localOnly(), "shown as a warning");
        assertTrue(cell.tooltip().contains("has not reported itself armed"), cell.tooltip());
    }

    @Test
    void anArmedWatchdogIsShownAsProtection() {
        GuardCell cell = GuardCell.of(watchdogOnly(true), ZoneOffset.UTC);
        assertEquals("watchdog ~14:05", cell.text());
        assertFalse(cell.localOnly());
    }

    @Test
    void withLocalGuardsTooTheUnconfirmedWatchdogIsNamed() {
        Protection p = new Protection(
                1,
                List.of(new Protection.Planned(GuardRule.TTL, "lifetime 2 h", AT)),
                null,
                Duration.ofHours(2),
                AT,
                false);
        GuardCell cell = GuardCell.of(p, ZoneOffset.UTC);
        assertEquals("TTL 14:05 · watchdog unconfirmed", cell.text());
        assertTrue(cell.localOnly());
    }
}
