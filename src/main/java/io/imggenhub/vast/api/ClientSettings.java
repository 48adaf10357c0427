package io.imggenhub.vast.api;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ServerUrl;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how {@link VastClient} talks: server, key (may be absent for offer search), timeouts, retries and the
 * pacing to Vast's documented per-endpoint limits.
 */
public record ClientSettings(URI server, ApiKey apiKey, Duration connectTimeout, Duration requestTimeout,
                             RetryPolicy retry, Pacing pacing) {

    public ClientSettings {
        server = ServerUrl.parse(server.toString());
        java.util.Objects.requireNonNull(pacing, "pacing");
    }

    /** With the documented pacing ({@link Pacing#documented()}). */
    public ClientSettings(URI server, ApiKey apiKey, Duration connectTimeout, Duration requestTimeout,
                          RetryPolicy retry) {
        this(server, apiKey, connectTimeout, requestTimeout, retry, Pacing.documented());
    }

    public static ClientSettings of(URI server, ApiKey apiKey) {
        return new ClientSettings(server, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.DEFAULT);
    }

    public ClientSettings withRetry(RetryPolicy policy) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, policy, pacing);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(server, apiKey, connect, request, retry, pacing);
    }

    public ClientSettings withPacing(Pacing p) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, retry, p);
    }
}
