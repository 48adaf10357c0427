package io.imggenhub.vast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Our own estimate per instance from recorded polls: each poll's $/hr held until the next, never longer than
 * {@code maxGap}. The store's spend history provides it.
 */
@FunctionalInterface
public interface EstimateBook {
    /** One instance's estimate, with the last GPU name and label seen. */
    record Estimate(long instanceId, String gpu, String label, double usd) {}

    Map<Long, Estimate> estimatesPerInstance(Instant from, Instant to, Duration maxGap);
}
