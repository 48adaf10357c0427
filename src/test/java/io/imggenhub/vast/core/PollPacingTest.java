package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Polling a big fleet within Vast's list limit (vast-api.md §5: list 1 s, 25 rows a page). */
class PollPacingTest {
    @Test
    void aSmallFleetPollsAsSet() {
        assertEquals(30, PollPacing.effectiveSeconds(30, 3, 1.0));
        assertEquals("polling every 30 s", PollPacing.describe(30, 3, 1.0));
    }

    @Test
    void twoThousandInstancesAreEightyPagesSoThePollWaitsAtLeastTwiceThat() {
        assertEquals(80, PollPacing.pages(2000));
        assertEquals(160, PollPacing.effectiveSeconds(30, 2000, 1.0));
        assertEquals(
                "polling every 160 s, not 30: 2000 instances are 80 list pages at Vast's limit of one per 1 s",
                PollPacing.describe(30, 2000, 1.0));
    }

    @Test
    void withoutPacingNothingAdapts() {
        assertEquals(30, PollPacing.effectiveSeconds(30, 2000, 0.0));
    }
}
