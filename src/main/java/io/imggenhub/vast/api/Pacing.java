package io.imggenhub.vast.api;

/**
 * Whether a client paces its requests to Vast's documented limits, and at which scale.
 *
 * @param enabled false sends as fast as it likes (for a server without limits)
 * @param scale   every documented interval is multiplied by this; 1 is Vast's numbers
 */
public record Pacing(boolean enabled, double scale) {
    /**
     * Scales the pacing of every client whose settings do not say otherwise. Unset in production; the build
     * sets it for the test suite together with the simulator's limits (same property name), so both shrink alike.
     */
    public static final String SCALE_PROPERTY = "imggenhub.vast.rateLimitScale";

    public Pacing {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("pacing scale must be a number > 0, was " + scale);
        }
    }

    /** Vast's documented intervals (scaled by {@link #SCALE_PROPERTY} when set). */
    public static Pacing documented() {
        String text = System.getProperty(SCALE_PROPERTY);
        return new Pacing(true, text == null || text.isBlank() ? 1.0 : Double.parseDouble(text.strip()));
    }

    public static Pacing documented(double scale) {
        return new Pacing(true, scale);
    }

    public static Pacing off() {
        return new Pacing(false, 1.0);
    }
}
