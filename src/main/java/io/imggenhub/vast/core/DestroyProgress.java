package io.imggenhub.vast.core;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a destroy run stands, for progress lines and bars.
 *
 * @param listed    instances read from the list so far
 * @param expected  what the first page said the account has ({@code total_instances}), null when unknown
 * @param targets   live instances to destroy found so far
 * @param accepted  of those, how many Vast accepted (or found gone)
 * @param verified  of those, how many the list no longer shows
 * @param failed    how many failed for good
 * @param listingDone whether the listing has ended
 */
public record DestroyProgress(
        int listed,
        Integer expected,
        int targets,
        int accepted,
        int verified,
        int failed,
        boolean listingDone,
        Duration elapsed) {

    /** {@code listed 50/100 · destroy accepted 25/50 · verified gone 0 · 1.2 s}. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "listed %d%s · destroy accepted %d/%d · verified gone %d%s · %.1f s",
                listed,
                expected == null ? "" : "/" + expected,
                accepted,
                targets,
                verified,
                failed == 0 ? "" : " · failed " + failed,
                elapsed.toMillis() / 1000.0);
    }
}
