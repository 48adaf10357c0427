package io.imggenhub.vast.api;

/**
 * Vast's endpoints as its rate limits count them: per API key, one minimum interval each, from the specs'
 * {@code x-rate-limit} (vast-api.md §3.3, §5). Offer search allows 10 calls a minute; the user endpoint has no
 * documented limit.
 */
public enum Endpoint {
    LIST(1, 1.0, 0),
    SHOW(1, 2.0, 0),
    DESTROY(1, 3.0, 0),
    DESTROY_BULK(1, 3.0, 0),
    MANAGE(1, 1.0, 0),
    RENT(1, 4.5, 12.0),
    OFFERS(10, 60.0, 0),
    /** {@code GET /api/v0/charges/}: 1.0 s (vast-api.md §3.8). */
    CHARGES(1, 1.0, 0),
    USER(0, 0, 0);

    private final int calls;
    private final double seconds;
    private final double penaltySeconds;

    Endpoint(int calls, double seconds, double penaltySeconds) {
        this.calls = calls;
        this.seconds = seconds;
        this.penaltySeconds = penaltySeconds;
    }

    /** At most this many calls in {@link #seconds()}; 0 for no documented limit. */
    public int calls() {
        return calls;
    }

    public double seconds() {
        return seconds;
    }

    /** What a refused call costs on top (rent: 12 s). */
    public double penaltySeconds() {
        return penaltySeconds;
    }
}
