package io.imggenhub.vast.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveLimiterTest {

    @Test
    void startsSmallAndGrowsWhileTheServerKeepsUp() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter(64);
        assertEquals(AdaptiveLimiter.INITIAL, limiter.currentLimit());
        for (int i = 0; i < 8; i++) {
            limiter.releaseOk(limiter.acquire());
        }
        assertEquals(16, limiter.currentLimit(), "slow start: one more per success");
        assertEquals(0.0, limiter.currentRate(), "nothing is paced while there is no push-back");
    }

    @Test
    void aBurstOf429sToRequestsSentBeforeTheCutHalvesTheWindowOnce() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter(64);
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tickets.add(limiter.acquire());
        }
        for (long ticket : tickets) {
            limiter.releaseCongested(ticket, 0);
        }
        assertEquals(4, limiter.currentLimit());

        long afterCut = limiter.acquire();
        limiter.releaseCongested(afterCut, 0);
        assertEquals(2, limiter.currentLimit(), "a 429 to a request sent after the cut is news");
    }

    @Test
    void pushBackAfterRealThroughputPacesStartsToTheAcceptedRate() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter(64);
        for (int i = 0; i < 10; i++) {
            limiter.releaseOk(limiter.acquire());
        }
        limiter.releaseCongested(limiter.acquire(), 0);

        double rate = limiter.currentRate();
        assertTrue(rate > 8 && rate < 10, "just under the 10 a second that got through: " + rate);
        long started = System.nanoTime();
        limiter.releaseOk(limiter.acquire());
        limiter.releaseOk(limiter.acquire());
        long gapMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(gapMillis >= 90, "two starts are spaced by the pace: " + gapMillis + " ms");
    }
}
