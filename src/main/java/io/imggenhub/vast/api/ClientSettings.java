package io.imggenhub.vast.api;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ServerUrl;

import java.net.URI;
import java.time.Duration;

/** Where and how {@link VastClient} talks: server, key (may be absent for offer search), timeouts and retries. */
public record ClientSettings(URI server, ApiKey apiKey, Duration connectTimeout, Duration requestTimeout,
                             RetryPolicy retry) {

    public ClientSettings {
        server = ServerUrl.parse(server.toString());
    }

    public static ClientSettings of(URI server, ApiKey apiKey) {
        return new ClientSettings(server, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.DEFAULT);
    }

    public ClientSettings withRetry(RetryPolicy policy) {
        return new ClientSettings(server, apiKey, connectTimeout, requestTimeout, policy);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(server, apiKey, connect, request, retry);
    }
}
