package io.imggenhub.vast.core;

/**
 * Bounds the requests in flight and backs off together when the server pushes back, the way TCP shares a link:
 * it starts with a small window that doubles each round trip (slow start) until the first 429 or 5xx, then
 * halves it and pauses everyone, and afterwards grows by one request per round trip. A burst of 429s that all
 * answer requests sent before the cut halves the window once, not once each: many workers slow down as one
 * instead of each hammering a rate-limited server with its own retries.
 */
final class AdaptiveLimiter {
    /** The first window: enough to fill a page of 25 in two round trips, small enough not to trip a burst limit. */
    static final int INITIAL = 8;

    private final int max;
    private int limit;
    private boolean slowStart = true;
    private int successesThisWindow;
    private int inFlight;
    private long pausedUntilNanos;
    private long nextTicket;
    /** Requests with a ticket below this were sent before the last cut; their 429s are old news. */
    private long cutAtTicket;

    AdaptiveLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = Math.min(INITIAL, max);
    }

    /** Waits for a free slot; returns the ticket to hand back on release. */
    synchronized long acquire() throws InterruptedException {
        while (true) {
            long pause = pausedUntilNanos - System.nanoTime();
            if (pause > 0) {
                wait(Math.max(1, pause / 1_000_000));
            } else if (inFlight >= limit) {
                wait();
            } else {
                inFlight++;
                return nextTicket++;
            }
        }
    }

    synchronized void releaseOk(long ticket) {
        inFlight--;
        if (slowStart) {
            limit = Math.min(max, limit + 1);
        } else if (++successesThisWindow >= limit) {
            successesThisWindow = 0;
            limit = Math.min(max, limit + 1);
        }
        notifyAll();
    }

    synchronized void releaseCongested(long ticket, long pauseMillis) {
        inFlight--;
        if (ticket >= cutAtTicket) {
            slowStart = false;
            successesThisWindow = 0;
            limit = Math.max(1, limit / 2);
            cutAtTicket = nextTicket;
        }
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pauseMillis * 1_000_000);
        notifyAll();
    }

    synchronized void releaseFailed(long ticket) {
        inFlight--;
        notifyAll();
    }

    synchronized int currentLimit() {
        return limit;
    }
}
