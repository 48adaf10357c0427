package io.imggenhub.vast.sim;

import java.util.Locale;

/**
 * How strictly the simulator enforces Vast's per-endpoint limits (vast-api.md §5).
 *
 * <ul>
 *   <li>{@link #DOCUMENTED}: one minimum interval per API key and per route template, as the specs' {@code
 *       x-rate-limit} reads strictly: every instance id shares the one destroy endpoint. The default, since Vast
 *       has its limits on.</li>
 *   <li>{@link #LENIENT}: the same intervals, but each concrete URL counts on its own (destroying instance 1 does
 *       not delay destroying instance 2).</li>
 *   <li>{@link #OFF}: no limits, for measuring what the limits cost.</li>
 * </ul>
 */
public enum RateLimits {
    DOCUMENTED,
    LENIENT,
    OFF;

    /**
     * The system property that scales every interval of the simulator's limits and of the client's pacing when
     * neither is set explicitly. Unset in production (scale 1, the documented numbers); the build sets it for the
     * test suite so that hundreds of tests do not each wait out real seconds.
     */
    public static final String SCALE_PROPERTY = "imggenhub.vast.rateLimitScale";

    /** The scale from {@link #SCALE_PROPERTY}, else 1. */
    public static double defaultScale() {
        String text = System.getProperty(SCALE_PROPERTY);
        if (text == null || text.isBlank()) {
            return 1.0;
        }
        double scale = Double.parseDouble(text.strip());
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a number > 0, was " + text);
        }
        return scale;
    }

    /** documented, lenient or off (any case). */
    public static RateLimits parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rate limits must be documented, lenient or off, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
