package io.imggenhub.vast.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, bounded both in attempts and in total time. Vast sends no Retry-After on 429,
 * so the delay is ours to choose; the jitter keeps many concurrent callers from retrying in lock-step.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Duration maxTotal) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(250), 2.0, Duration.ofSeconds(4), Duration.ofSeconds(20));

    /** For callers that handle failures themselves. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The pause before attempt {@code attempt + 1} (attempt counts from 1): between half and all of the backoff. */
    public Duration delayAfter(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5);
        return Duration.ofMillis(Math.round(jittered));
    }
}
