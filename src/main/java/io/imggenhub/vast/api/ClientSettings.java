package io.imggenhub.vast.api;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ServerUrl;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how {@link VastClient} talks: server, key (may be absent for offer search), timeouts, retries and the
 * pacing to Vast's documented per-endpoint limits.
 *
 * @param rentTimeout how long a rent may take to answer. Creating an instance is slow and Vast's own client allows
 *                    120 s (vast-api.md §5); a shorter wait turns a rental that happened into a "failure" that a
 *                    rerun repeats.
 */
public record ClientSettings(
        URI server,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        Pacing pacing,
        Duration rentTimeout) {

    public static final Duration DEFAULT_RENT_TIMEOUT = Duration.ofSeconds(120);

    public ClientSettings {
        server = ServerUrl.parse(server.toString());
        java.util.Objects.requireNonNull(pacing, "pacing");
        rentTimeout = rentTimeout == null ? DEFAULT_RENT_TIMEOUT : rentTimeout;
    }

    public ClientSettings(
            URI server,
            ApiKey apiKey,
            Duration connectTimeout,
            Duration requestTimeout,
            RetryPolicy retry,
            Pacing pacing) {
        this(server, apiKey, connectTimeout, requestTimeout, retry, pacing, DEFAULT_RENT_TIMEOUT);
    }

    public ClientSettings(
            URI server,
            ApiKey apiKey,
            Duration connectTimeout,
            Duration requestTimeout,
            RetryPolicy retry,
            Duration rentTimeout) {
        this(server, apiKey, connectTimeout, requestTimeout, retry, Pacing.documented(), rentTimeout);
    }

    /** With the documented pacing ({@link Pacing#documented()}). */
    public ClientSettings(
            URI server, ApiKey apiKey, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {
        this(server, apiKey, connectTimeout, requestTimeout, retry, Pacing.documented(), DEFAULT_RENT_TIMEOUT);
    }

    public static ClientSettings of(URI server, ApiKey apiKey) {
        return new ClientSettings(server, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.DEFAULT);
    }

    public ClientSettings withRetry(RetryPolicy policy) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, policy, pacing, rentTimeout);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(server, apiKey, connect, request, retry, pacing, rentTimeout);
    }

    public ClientSettings withPacing(Pacing p) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, retry, p, rentTimeout);
    }

    public ClientSettings withRentTimeout(Duration rent) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, retry, pacing, rent);
    }
}
