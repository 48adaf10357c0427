package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault switch, over real HTTP. */
class FaultsTest {
    private VastSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(3)
                .withTimeScale(0)
                .withDestroyLinger(Duration.ofMinutes(5)));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void latencyDelaysEachRequest() {
        sim.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(200, http.get("/api/v1/instances/").statusCode());
        assertTrue(System.nanoTime() - start >= 300_000_000L);
    }

    @Test
    void concurrentRequestsDoNotQueueBehindLatency() {
        sim.faults().latency(Duration.ofSeconds(1));
        int n = 120;
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v0/gpu_names/unique/"))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            calls.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        calls.forEach(c -> assertEquals(200, c.join().statusCode()));
        assertTrue(elapsedMs >= 1000, "latency applied");
        assertTrue(elapsedMs < 15_000, n + " requests with 1 s latency took " + elapsedMs + " ms: they queued");
    }

    @Test
    void rateLimitNextAnswersPlainText429WithoutRetryAfterBeforeAuth() {
        sim.faults().rateLimitNext(2);
        HttpResponse<String> noKey = http.send("GET", "/api/v1/instances/", null, null);
        assertEquals(429, noKey.statusCode(), "faults sit in front of auth");
        assertEquals("API requests too frequent", noKey.body());
        assertTrue(SimHttp.contentType(noKey).startsWith("text/plain"));
        assertTrue(noKey.headers().firstValue("Retry-After").isEmpty());
        assertEquals(429, http.delete("/api/v0/instances/1/").statusCode());
        assertEquals(200, http.get("/api/v1/instances/").statusCode());
        assertEquals(2, sim.faults().rateLimitedCount());
    }

    @Test
    void rateLimitRateOneLimitsEverything() {
        sim.faults().rateLimitRate(1.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(429, http.get("/api/v1/instances/").statusCode());
        }
        sim.faults().rateLimitRate(0.0);
        assertEquals(200, http.get("/api/v1/instances/").statusCode());
        assertEquals(5, sim.faults().rateLimitedCount());
        assertThrows(IllegalArgumentException.class, () -> sim.faults().rateLimitRate(1.5));
    }

    @Test
    void serverErrors() {
        sim.faults().serverErrorNext(1);
        assertEquals(500, http.send("GET", "/api/v1/instances/", null, null).statusCode(), "before auth too");
        assertEquals(200, http.get("/api/v1/instances/").statusCode());

        sim.faults().serverErrorRate(1.0);
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(http.get("/api/v1/instances/").statusCode());
        }
        assertTrue(Set.of(500, 502, 503).containsAll(statuses));
        assertTrue(statuses.size() >= 2, "a mix of 5xx: " + statuses);
        sim.faults().serverErrorRate(0);
        assertEquals(200, http.get("/api/v1/instances/").statusCode());
    }

    @Test
    void failDestroyAnswersItsStatusWithAJsonErrorUntilCleared() {
        long id = sim.state().instances().get(0).id();
        sim.faults().failDestroy(id, 503);
        HttpResponse<String> failed = http.delete("/api/v0/instances/" + id + "/");
        assertEquals(503, failed.statusCode());
        assertEquals("application/json", SimHttp.contentType(failed));
        assertFalse(SimHttp.json(failed).get("success").asBoolean());
        assertFalse(sim.state().isDestroyed(id));
        assertEquals(503, http.delete("/api/v0/instances/" + id + "/").statusCode(), "every time");

        sim.faults().failDestroy(id, 429);
        assertEquals(429, http.delete("/api/v0/instances/" + id + "/").statusCode());
        assertEquals(1, sim.faults().rateLimitedCount());

        sim.faults().failDestroy(id, 0);
        assertEquals(200, http.delete("/api/v0/instances/" + id + "/").statusCode());
        assertTrue(sim.state().isDestroyed(id));
    }

    @Test
    void destroyQuirksEmptyBodyAnd204() {
        List<SimInstance> all = sim.state().instances();
        sim.faults().emptyDestroyBody(true);
        HttpResponse<String> empty =
                http.delete("/api/v0/instances/" + all.get(0).id() + "/");
        assertEquals(200, empty.statusCode());
        assertEquals("", empty.body());
        assertTrue(sim.state().isDestroyed(all.get(0).id()));

        sim.faults().emptyDestroyBody(false).destroyAnswers204(true);
        HttpResponse<String> noContent =
                http.delete("/api/v0/instances/" + all.get(1).id() + "/");
        assertEquals(204, noContent.statusCode());
        assertTrue(sim.state().isDestroyed(all.get(1).id()));
        assertEquals(
                404, http.delete("/api/v0/instances/" + all.get(1).id() + "/").statusCode(), "errors stay JSON");
    }

    @Test
    void droppedConnectionsGetNoAnswer() throws IOException {
        sim.faults().dropConnectionNext(1);
        // POST is not retried by the JDK client, so the drop reaches the test as it would reach a caller.
        assertThrows(IOException.class, () -> http.sendOrThrow("POST", "/api/v0/bundles/", "{}", null));
        assertEquals(
                200, http.sendOrThrow("POST", "/api/v0/bundles/", "{}", null).statusCode());
        assertEquals(0, sim.requests().get(0).status());

        sim.faults().dropConnectionRate(1.0);
        assertThrows(IOException.class, () -> http.sendOrThrow("DELETE", "/api/v0/instances/1/", "{}", sim.apiKey()));
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() {
        sim.faults().malformedJsonNext(1);
        HttpResponse<String> broken = http.get("/api/v1/instances/");
        assertEquals(200, broken.statusCode());
        assertEquals("application/json", SimHttp.contentType(broken));
        assertThrows(IOException.class, () -> SimHttp.JSON.readTree(broken.body()));
        JsonNode fine = SimHttp.json(http.get("/api/v1/instances/"));
        assertEquals(3, fine.get("instances").size());

        sim.faults().malformedJsonRate(1.0);
        HttpResponse<String> destroy = http.delete(
                "/api/v0/instances/" + sim.state().instances().get(0).id() + "/");
        assertThrows(IOException.class, () -> SimHttp.JSON.readTree(destroy.body()));
    }

    @Test
    void resetSwitchesEverythingOff() {
        sim.faults()
                .rateLimitRate(1)
                .serverErrorRate(1)
                .malformedJsonRate(1)
                .legacyListGone(false)
                .latency(Duration.ofMillis(50))
                .rateLimits(RateLimits.OFF);
        sim.faults().reset();
        assertEquals(200, http.get("/api/v1/instances/").statusCode());
        assertEquals(410, http.get("/api/v0/instances/").statusCode(), "the legacy default is gone");
        assertEquals(Duration.ZERO, sim.faults().latency());
    }
}
