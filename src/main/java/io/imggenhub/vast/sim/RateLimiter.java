package io.imggenhub.vast.sim;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vast's rate limits as its specs document them (vast-api.md §3.3, §5): a minimum interval between accepted
 * requests per API key and per endpoint, measured from the arrival of the last accepted request. A refused
 * request does not move that mark, except on rent, where a refusal costs a 12 s penalty. Offer search allows 10
 * requests a minute. Routes without a documented limit are not limited.
 *
 * <p>Wall time, not simulated time: a sped-up billing clock must not make the API more permissive.
 */
final class RateLimiter {
    /** At most {@code calls} accepted in any {@code seconds}; after a refusal, none for {@code penalty} seconds. */
    record Limit(int calls, double seconds, double penalty) {}

    /** Keyed by {@code METHOD template}, as the router spells its patterns. */
    private static final Map<String, Limit> DOCUMENTED = Map.of(
            "GET /api/v1/instances/", new Limit(1, 1.0, 0),
            "GET /api/v0/instances/{id}/", new Limit(1, 2.0, 0),
            "DELETE /api/v0/instances/{id}/", new Limit(1, 3.0, 0),
            "DELETE /api/v0/instances/", new Limit(1, 3.0, 0),
            "PUT /api/v0/instances/{id}/", new Limit(1, 1.0, 0),
            "PUT /api/v0/asks/{id}/", new Limit(1, 4.5, 12.0),
            "POST /api/v0/bundles/", new Limit(10, 60.0, 0),
            "GET /api/v0/bundles/", new Limit(10, 60.0, 0),
            "PUT /api/v0/search/asks/", new Limit(10, 60.0, 0),
            "GET /api/v0/charges/", new Limit(1, 1.0, 0));

    private static final class Window {
        final ArrayDeque<Long> accepted = new ArrayDeque<>();
        long blockedUntil = Long.MIN_VALUE;
    }

    private RateLimits mode = RateLimits.OFF;
    private double scale = 1.0;
    private final Map<String, Window> windows = new HashMap<>();

    synchronized void configure(RateLimits mode, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("rate limit scale must be a number > 0, was " + scale);
        }
        this.mode = mode;
        this.scale = scale;
        windows.clear();
    }

    synchronized RateLimits mode() {
        return mode;
    }

    synchronized double scale() {
        return scale;
    }

    /** The documented limit of a route, unscaled; null when Vast documents none. */
    static Limit documented(String method, List<String> pattern) {
        return DOCUMENTED.get(method + " /" + String.join("/", pattern) + "/");
    }

    /**
     * Null when the request may go ahead (and it is counted), else the 429 body to answer with.
     *
     * @param identity   who asks: the API key, or the client address for unauthenticated routes
     * @param concrete   the request's own path, for {@link RateLimits#LENIENT}
     * @param arrivedAt  {@link System#nanoTime()} when the request arrived
     */
    synchronized String refusal(
            String identity, String method, List<String> pattern, List<String> concrete, long arrivedAt) {
        if (mode == RateLimits.OFF || pattern == null) {
            return null;
        }
        Limit limit = documented(method, pattern);
        if (limit == null) {
            return null;
        }
        List<String> path = mode == RateLimits.LENIENT ? concrete : pattern;
        Window window =
                windows.computeIfAbsent(identity + " " + method + " /" + String.join("/", path), k -> new Window());
        long period = nanos(limit.seconds());
        while (!window.accepted.isEmpty() && arrivedAt - window.accepted.peekFirst() >= period) {
            window.accepted.removeFirst();
        }
        boolean penalised = window.blockedUntil != Long.MIN_VALUE && arrivedAt - window.blockedUntil < 0;
        if (!penalised && window.accepted.size() < limit.calls()) {
            window.accepted.addLast(arrivedAt);
            return null;
        }
        if (limit.penalty() > 0) {
            window.blockedUntil = arrivedAt + nanos(limit.penalty());
        }
        return "API requests too frequent endpoint threshold="
                + threshold(limit.calls() == 1 ? limit.seconds() * scale : limit.seconds() * scale / limit.calls());
    }

    private long nanos(double seconds) {
        return (long) (seconds * scale * 1e9);
    }

    /** {@code 3.0}, {@code 0.06}: as Vast prints it, without float noise such as 0.09000000000000001. */
    static String threshold(double seconds) {
        String text = BigDecimal.valueOf(Math.round(seconds * 1e6) / 1e6)
                .stripTrailingZeros()
                .toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
