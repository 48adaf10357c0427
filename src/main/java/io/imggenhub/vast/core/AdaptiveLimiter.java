package io.imggenhub.vast.core;

import java.util.ArrayDeque;

/**
 * Bounds the requests in flight and backs off together when the server pushes back.
 *
 * <p>The window works the way TCP shares a link: it starts small and doubles each round trip (slow start) until
 * the first 429 or 5xx, then halves and grows by one request per round trip. A burst of 429s that all answer
 * requests sent before the cut halves it once, not once each.
 *
 * <p>A window alone cannot respect a rate limit when answers are fast (ten requests in flight at 5 ms each is
 * 2000 a second), and Vast limits each endpoint per second. So the first cut also starts pacing: request starts
 * are spaced to the rate that was actually being accepted in the last second (once that is a rate, not a
 * blip); each success then shortens the
 * gap by 2 %, and each further cut sets it just under the accepted rate again (and at least 1.5 times longer). Against a server without limits nothing is paced.
 */
final class AdaptiveLimiter {
    /** The first window: enough to fill a page of 25 in two round trips, small enough not to trip a burst limit. */
    static final int INITIAL = 8;
    private static final long SECOND = 1_000_000_000L;
    /** Fewer successes than this in the last second say nothing about the server's rate. */
    private static final int MIN_SUCCESSES_FOR_A_RATE = 4;

    private final int max;
    private int limit;
    private boolean slowStart = true;
    private int successesThisWindow;
    private int inFlight;
    private long pausedUntilNanos;
    private long nextTicket;
    /** Requests with a ticket below this were sent before the last cut; their 429s are old news. */
    private long cutAtTicket;
    /** The minimum gap between request starts; 0 until the server first pushes back. */
    private long paceNanos;
    private long nextStartNanos;
    private final ArrayDeque<Long> recentSuccesses = new ArrayDeque<>();

    AdaptiveLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = Math.min(INITIAL, max);
    }

    /** Waits for a free slot (and, when pacing, for its turn); returns the ticket to hand back on release. */
    synchronized long acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long wait = Math.max(pausedUntilNanos - now, paceNanos > 0 ? nextStartNanos - now : 0);
            if (wait > 0) {
                wait(Math.max(1, wait / 1_000_000));
            } else if (inFlight >= limit) {
                wait();
            } else {
                inFlight++;
                nextStartNanos = now + paceNanos;
                return nextTicket++;
            }
        }
    }

    synchronized void releaseOk(long ticket) {
        inFlight--;
        long now = System.nanoTime();
        recentSuccesses.addLast(now);
        while (recentSuccesses.peekFirst() < now - SECOND) {
            recentSuccesses.removeFirst();
        }
        if (slowStart) {
            limit = Math.min(max, limit + 1);
        } else if (++successesThisWindow >= limit) {
            successesThisWindow = 0;
            limit = Math.min(max, limit + 1);
        }
        if (paceNanos > 0) {
            paceNanos = paceNanos * 98 / 100;
        }
        notifyAll();
    }

    synchronized void releaseCongested(long ticket, long pauseMillis) {
        inFlight--;
        long now = System.nanoTime();
        if (ticket >= cutAtTicket) {
            slowStart = false;
            successesThisWindow = 0;
            limit = Math.max(1, limit / 2);
            cutAtTicket = nextTicket;
            while (!recentSuccesses.isEmpty() && recentSuccesses.peekFirst() < now - SECOND) {
                recentSuccesses.removeFirst();
            }
            if (recentSuccesses.size() >= MIN_SUCCESSES_FOR_A_RATE) {
                // Just under what the server accepted in the last second, and never faster than before the cut.
                long accepted = SECOND / recentSuccesses.size();
                paceNanos = Math.max(paceNanos * 3 / 2, accepted * 11 / 10);
            } else {
                // Too little got through lately to tell a rate from a blip: the pause and the window do the work.
                paceNanos = paceNanos * 3 / 2;
            }
        }
        pausedUntilNanos = Math.max(pausedUntilNanos, now + pauseMillis * 1_000_000);
        notifyAll();
    }

    synchronized void releaseFailed(long ticket) {
        inFlight--;
        notifyAll();
    }

    synchronized int currentLimit() {
        return limit;
    }

    /** Requests a second the limiter lets start now; 0 while it is not pacing. */
    synchronized double currentRate() {
        return paceNanos == 0 ? 0 : (double) SECOND / paceNanos;
    }
}
