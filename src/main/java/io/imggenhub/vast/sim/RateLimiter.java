package io.imggenhub.vast.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per endpoint group. Vast limits each endpoint separately (destroy, list, rent...), so a client
 * that hammers destroy must not be able to starve its own listing, and vice versa.
 */
final class RateLimiter {
    private double ratePerSecond;
    private int burst;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;
    }

    /** {@code requestsPerSecond <= 0} switches the limiter off. */
    synchronized void configure(double requestsPerSecond, int burst) {
        if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must be >= 0, was " + requestsPerSecond);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst must be >= 0, was " + burst);
        }
        this.ratePerSecond = requestsPerSecond;
        this.burst = Math.max(1, burst);
        buckets.clear();
    }

    synchronized boolean enabled() {
        return ratePerSecond > 0;
    }

    synchronized double ratePerSecond() {
        return ratePerSecond;
    }

    /** Takes one token from the group's bucket; false means the request is over the limit. */
    synchronized boolean tryAcquire(String group) {
        if (ratePerSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(group, g -> {
            Bucket b = new Bucket();
            b.tokens = burst;
            b.refilledAt = now;
            return b;
        });
        double elapsedSeconds = (now - bucket.refilledAt) / 1e9;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * ratePerSecond);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1.0) {
            bucket.tokens -= 1.0;
            return true;
        }
        return false;
    }
}
