package io.imggenhub.vast.core;

/**
 * Bounds the requests in flight and backs off together when the server pushes back. Additive increase on success,
 * halving plus a shared pause on a 429 or 5xx: many workers then slow down as one instead of each hammering a
 * rate-limited server with its own retries.
 */
final class AdaptiveLimiter {
    private final int max;
    private int limit;
    private int inFlight;
    private long pausedUntilNanos;

    AdaptiveLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = max;
    }

    synchronized void acquire() throws InterruptedException {
        while (true) {
            long pause = pausedUntilNanos - System.nanoTime();
            if (pause > 0) {
                wait(Math.max(1, pause / 1_000_000));
            } else if (inFlight >= limit) {
                wait();
            } else {
                inFlight++;
                return;
            }
        }
    }

    synchronized void releaseOk() {
        inFlight--;
        if (limit < max) {
            limit++;
        }
        notifyAll();
    }

    synchronized void releaseCongested(long pauseMillis) {
        inFlight--;
        limit = Math.max(1, limit / 2);
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pauseMillis * 1_000_000);
        notifyAll();
    }

    synchronized void releaseFailed() {
        inFlight--;
        notifyAll();
    }

    synchronized int currentLimit() {
        return limit;
    }
}
