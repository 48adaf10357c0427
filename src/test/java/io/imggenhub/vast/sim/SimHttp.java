package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against a running simulator, the way a client would talk to Vast. */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final VastSimulator sim;
    private final HttpClient client;

    SimHttp(VastSimulator sim) {
        this.sim = sim;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpClient client() {
        return client;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, sim.apiKey());
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, "{}", sim.apiKey());
    }

    HttpResponse<String> put(String pathAndQuery, Object body) {
        return send("PUT", pathAndQuery, toJson(body), sim.apiKey());
    }

    HttpResponse<String> post(String pathAndQuery, Object body) {
        return send("POST", pathAndQuery, toJson(body), sim.apiKey());
    }

    /** {@code key == null} sends no Authorization header. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String key) {
        try {
            return sendOrThrow(method, pathAndQuery, body, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> sendOrThrow(String method, String pathAndQuery, String body, String key) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static String toJson(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(Object value) {
        return URLEncoder.encode(toJson(value), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }
}
