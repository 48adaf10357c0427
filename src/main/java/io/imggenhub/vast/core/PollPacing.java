package io.imggenhub.vast.core;

import java.util.Locale;

/**
 * How often a fleet can be polled within Vast's list limit (vast-api.md §5: one page of 25 a second): 2,000
 * instances are 80 pages, so a full read takes at least 80 s. A poll may use at most half of the list endpoint,
 * so that a destroy-all's or a guard's listing always finds room, and the interval grows with the fleet.
 */
public final class PollPacing {
    private static final int PAGE_SIZE = 25;

    private PollPacing() {}

    /** Pages a full read of {@code instances} takes (at least one). */
    public static int pages(int instances) {
        return Math.max(1, (instances + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The shortest poll interval that leaves half the list endpoint free, in whole seconds. */
    public static int minimumSeconds(int instances, double listIntervalSeconds) {
        return (int) Math.ceil(2 * pages(instances) * Math.max(0, listIntervalSeconds));
    }

    /** The interval to poll at: the user's setting, or longer when the fleet needs it. */
    public static int effectiveSeconds(int settingSeconds, int instances, double listIntervalSeconds) {
        return Math.max(settingSeconds, minimumSeconds(instances, listIntervalSeconds));
    }

    /** {@code polling every 30 s}, or why it is longer than the setting. */
    public static String describe(int settingSeconds, int instances, double listIntervalSeconds) {
        int effective = effectiveSeconds(settingSeconds, instances, listIntervalSeconds);
        if (effective <= settingSeconds) {
            return "polling every " + settingSeconds + " s";
        }
        return String.format(
                Locale.ROOT,
                "polling every %d s, not %d: %d instances are %d list pages at Vast's limit" + " of one per %s s",
                effective,
                settingSeconds,
                instances,
                pages(instances),
                listIntervalSeconds == Math.rint(listIntervalSeconds)
                        ? String.valueOf((long) listIntervalSeconds)
                        : String.valueOf(listIntervalSeconds));
    }
}
