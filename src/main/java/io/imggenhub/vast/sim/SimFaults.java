package io.imggenhub.vast.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live fault switches. Every setter is thread-safe and takes effect on the next request; everything starts off
 * except {@link #legacyListGone} and the documented {@link #rateLimits rate limits}, which start on because that
 * is what Vast does today.
 *
 * <p>The proxy-level faults (latency, dropped connections, 429, 5xx, malformed JSON) are applied before
 * authentication and routing, as a rate limiter or load balancer in front of Vast would. They are checked in
 * that order, and a request that triggers one does not consume the counters of the later ones. A dropped
 * connection, 429 or 5xx means the request never reached the API, so nothing changes; a malformed answer is
 * produced after the API did its work, as when a proxy cuts a response short.
 */
public final class SimFaults {
    private final Random dice;
    private final RateLimiter limiter = new RateLimiter();
    private final RateLimits defaultLimits;
    private final double defaultLimitScale;

    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private volatile double rateLimitRate;
    private final AtomicInteger serverErrorNext = new AtomicInteger();
    private volatile double serverErrorRate;
    private final AtomicInteger dropConnectionNext = new AtomicInteger();
    private volatile double dropConnectionRate;
    private final AtomicInteger malformedJsonNext = new AtomicInteger();
    private volatile double malformedJsonRate;
    private final Map<Long, Integer> failDestroy = new ConcurrentHashMap<>();
    private final Set<Long> ignoreDestroy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger loseAnswerNext = new AtomicInteger();
    private final AtomicInteger loseRentAnswerNext = new AtomicInteger();
    private volatile boolean emptyDestroyBody;
    private volatile boolean destroyAnswers204;
    private volatile boolean legacyListGone = true;
    private volatile int insufficientCreditStatus = 400;
    private volatile boolean insufficientCreditAs200;
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile boolean endlessPages;
    private volatile int rateLimitEveryNthDelete;
    private final AtomicLong deletesSeen = new AtomicLong();
    private final AtomicLong endlessTokens = new AtomicLong();
    private final AtomicInteger laterListPageFailures = new AtomicInteger();

    SimFaults(long seed, RateLimits limits, double limitScale) {
        // A different stream from the data generator, so switching a fault on does not change the catalogue.
        this.dice = new Random(seed ^ 0x5DEECE66DL);
        this.defaultLimits = limits;
        this.defaultLimitScale = limitScale;
        limiter.configure(limits, limitScale);
    }

    /** Puts every switch back to its default. Counters such as {@link #rateLimitedCount()} keep counting. */
    public SimFaults reset() {
        latency = Duration.ZERO;
        rateLimitNext.set(0);
        rateLimitRate = 0;
        limiter.configure(defaultLimits, defaultLimitScale);
        serverErrorNext.set(0);
        serverErrorRate = 0;
        dropConnectionNext.set(0);
        dropConnectionRate = 0;
        malformedJsonNext.set(0);
        malformedJsonRate = 0;
        failDestroy.clear();
        ignoreDestroy.clear();
        loseAnswerNext.set(0);
        loseRentAnswerNext.set(0);
        emptyDestroyBody = false;
        destroyAnswers204 = false;
        legacyListGone = true;
        insufficientCreditStatus = 400;
        insufficientCreditAs200 = false;
        endlessPages = false;
        rateLimitEveryNthDelete = 0;
        laterListPageFailures.set(0);
        return this;
    }

    // ---- switches ---------------------------------------------------------------------------------------------

    /** Every request waits this long in its handler thread before anything else happens. */
    public SimFaults latency(Duration perRequest) {
        Objects.requireNonNull(perRequest, "perRequest");
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = perRequest;
        return this;
    }

    /** The next n requests, whatever their path, answer 429 with Vast's plain-text body and no Retry-After. */
    public SimFaults rateLimitNext(int n) {
        rateLimitNext.set(nonNegative(n));
        return this;
    }

    /** Each request answers 429 with probability p (seeded dice). */
    public SimFaults rateLimitRate(double p) {
        this.rateLimitRate = probability(p);
        return this;
    }

    /**
     * Vast's documented per-endpoint limits ({@link RateLimits}), every interval multiplied by {@code scale}.
     * Beyond them: 429 with a plain-text body that names the threshold, and no Retry-After.
     */
    public SimFaults rateLimits(RateLimits mode, double scale) {
        limiter.configure(mode, scale);
        return this;
    }

    /** Shorthand for {@code rateLimits(mode, current scale)}. */
    public SimFaults rateLimits(RateLimits mode) {
        return rateLimits(mode, limiter.scale());
    }

    /** The next n requests answer 500. */
    public SimFaults serverErrorNext(int n) {
        serverErrorNext.set(nonNegative(n));
        return this;
    }

    /** Each request answers 500, 502 or 503 with probability p. */
    public SimFaults serverErrorRate(double p) {
        this.serverErrorRate = probability(p);
        return this;
    }

    /** Every DELETE of this instance answers {@code status} with a JSON error body; 0 clears the switch. */
    public SimFaults failDestroy(long instanceId, int status) {
        if (status == 0) {
            failDestroy.remove(instanceId);
        } else if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        } else {
            failDestroy.put(instanceId, status);
        }
        return this;
    }

    /**
     * DELETEs of this instance answer {@code {"success": true}} but nothing happens: the destroy that "silently
     * failed" (an expired session, a backend hiccup) and keeps billing. {@code false} clears the switch.
     */
    public SimFaults ignoreDestroy(long instanceId, boolean on) {
        if (on) {
            ignoreDestroy.add(instanceId);
        } else {
            ignoreDestroy.remove(instanceId);
        }
        return this;
    }

    /** Shorthand for {@code ignoreDestroy(instanceId, true)}. */
    public SimFaults ignoreDestroy(long instanceId) {
        return ignoreDestroy(instanceId, true);
    }

    /**
     * The next n requests are carried out, then the connection is closed without an answer: the request happened
     * but the client never learns it (a rent whose answer is lost must not be repeated blindly).
     */
    public SimFaults loseAnswerNext(int n) {
        loseAnswerNext.set(nonNegative(n));
        return this;
    }

    /**
     * Like {@link #loseAnswerNext} but only for the next n rents ({@code PUT /api/v0/asks/{id}/}): the rental is made,
     * its answer never arrives, while the lists a client makes around it are answered.
     */
    public SimFaults loseRentAnswerNext(int n) {
        loseRentAnswerNext.set(nonNegative(n));
        return this;
    }

    /** A successful DELETE answers 200 with an empty body (the imggenhub seed's assumption, not seen from Vast). */
    public SimFaults emptyDestroyBody(boolean on) {
        this.emptyDestroyBody = on;
        return this;
    }

    /** A successful DELETE answers 204 No Content (seen in a third-party fake, not from Vast). */
    public SimFaults destroyAnswers204(boolean on) {
        this.destroyAnswers204 = on;
        return this;
    }

    /** The next n requests get no answer at all: the connection is closed. */
    public SimFaults dropConnectionNext(int n) {
        dropConnectionNext.set(nonNegative(n));
        return this;
    }

    public SimFaults dropConnectionRate(double p) {
        this.dropConnectionRate = probability(p);
        return this;
    }

    /** The next n requests answer 200 with JSON cut short. */
    public SimFaults malformedJsonNext(int n) {
        malformedJsonNext.set(nonNegative(n));
        return this;
    }

    public SimFaults malformedJsonRate(double p) {
        this.malformedJsonRate = probability(p);
        return this;
    }

    /** True (the default): {@code GET /api/v0/instances/} answers 410 deprecated_endpoint, as Vast does now. */
    public SimFaults legacyListGone(boolean gone) {
        this.legacyListGone = gone;
        return this;
    }

    /** The status of an insufficient_credit rent refusal: 400 (what users saw) or 403. */
    public SimFaults insufficientCreditStatus(int status) {
        if (status != 400 && status != 403) {
            throw new IllegalArgumentException("insufficient credit answers 400 or 403, not " + status);
        }
        this.insufficientCreditStatus = status;
        return this;
    }

    /** Answer insufficient credit as 200 {@code {"success": false, "error": "insufficient_credit", ...}}. */
    public SimFaults insufficientCreditAs200(boolean on) {
        this.insufficientCreditAs200 = on;
        return this;
    }

    /**
     * A broken cursor: the instance list never ends. Past the last row every page is empty and carries a fresh
     * {@code next_token}, so a client that follows tokens until null never stops.
     */
    public SimFaults endlessPages(boolean on) {
        this.endlessPages = on;
        return this;
    }

    /** Every n-th DELETE (single or bulk) answers 429, as a limiter that counts differently from ours; 0 = off. */
    public SimFaults rateLimitEveryNthDelete(int n) {
        this.rateLimitEveryNthDelete = nonNegative(n);
        return this;
    }

    /** The next n list requests that ask for a later page ({@code after_token}) answer 500; page 1 still works. */
    public SimFaults failLaterListPages(int n) {
        laterListPageFailures.set(nonNegative(n));
        return this;
    }

    // ---- readings ---------------------------------------------------------------------------------------------

    public Duration latency() {
        return latency;
    }

    public boolean legacyListGone() {
        return legacyListGone;
    }

    public int insufficientCreditStatus() {
        return insufficientCreditStatus;
    }

    public boolean insufficientCreditAs200() {
        return insufficientCreditAs200;
    }

    public boolean emptyDestroyBody() {
        return emptyDestroyBody;
    }

    public boolean destroyAnswers204() {
        return destroyAnswers204;
    }

    /** How many 429s the simulator has answered, whatever caused them (for "no 429 storm" checks). */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    // ---- decisions, one per request ---------------------------------------------------------------------------

    int failDestroyStatus(long instanceId) {
        return failDestroy.getOrDefault(instanceId, 0);
    }

    boolean ignoresDestroy(long instanceId) {
        return ignoreDestroy.contains(instanceId);
    }

    boolean takeLoseAnswer() {
        return take(loseAnswerNext);
    }

    boolean takeLoseRentAnswer() {
        return take(loseRentAnswerNext);
    }

    boolean takeDropConnection() {
        return take(dropConnectionNext) || roll(dropConnectionRate);
    }

    /**
     * Null when the request passes, else the plain-text body of its 429: injected ones first (they name the
     * route's documented threshold when limits are on), then the documented limits.
     */
    String takeRateLimit(
            String identity,
            String method,
            java.util.List<String> pattern,
            java.util.List<String> concrete,
            long arrivedAt) {
        int nth = rateLimitEveryNthDelete;
        boolean nthDelete = nth > 0 && "DELETE".equals(method) && deletesSeen.incrementAndGet() % nth == 0;
        if (take(rateLimitNext) || roll(rateLimitRate) || nthDelete) {
            RateLimiter.Limit limit = pattern == null ? null : RateLimiter.documented(method, pattern);
            return limit == null || limiter.mode() == RateLimits.OFF
                    ? "API requests too frequent"
                    : "API requests too frequent endpoint threshold="
                            + RateLimiter.threshold(limit.seconds() * limiter.scale() / limit.calls());
        }
        return limiter.refusal(identity, method, pattern, concrete, arrivedAt);
    }

    public RateLimits rateLimitMode() {
        return limiter.mode();
    }

    public double rateLimitScale() {
        return limiter.scale();
    }

    boolean endlessPages() {
        return endlessPages;
    }

    long nextEndlessToken() {
        return endlessTokens.incrementAndGet();
    }

    boolean takeLaterListPageFailure() {
        return take(laterListPageFailures);
    }

    /** Called for every 429 answered, whatever produced it. */
    void countRateLimited() {
        rateLimited.incrementAndGet();
    }

    /** 0 for no server error, else the status to answer. */
    int takeServerError() {
        if (take(serverErrorNext)) {
            return 500;
        }
        if (roll(serverErrorRate)) {
            int pick;
            synchronized (dice) {
                pick = dice.nextInt(4);
            }
            // Mostly 500 from the API itself, sometimes the gateway's 502/503.
            return pick == 0 ? 502 : pick == 1 ? 503 : 500;
        }
        return 0;
    }

    boolean takeMalformedJson() {
        return take(malformedJsonNext) || roll(malformedJsonRate);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private boolean roll(double p) {
        if (p <= 0) {
            return false;
        }
        synchronized (dice) {
            return dice.nextDouble() < p;
        }
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + n);
        }
        return n;
    }

    private static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + p);
        }
        return p;
    }
}
