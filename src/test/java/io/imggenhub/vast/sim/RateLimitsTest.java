package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vast's documented limits (vast-api.md §3.3, §5): a minimum interval per key and per route template, measured
 * from the last accepted request; 429 with a plain-text body naming the threshold and no Retry-After; a refused
 * rent costs a 12 s penalty. On by default, as on Vast.
 */
class RateLimitsTest {
    private static final long S = 1_000_000_000L;
    private VastSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimHttp start(SimulatorConfig config) {
        sim = VastSimulator.start(config.withTimeScale(0));
        return new SimHttp(sim);
    }

    @Test
    void documentedLimitsAreOnByDefaultPerKeyAndRouteTemplate() {
        assertEquals(RateLimits.DOCUMENTED, SimulatorConfig.defaults().rateLimits());
        SimHttp http = start(SimulatorConfig.defaults().withRateLimitScale(1.0));
        List<SimInstance> all = sim.state().instances();

        assertEquals(200, http.get("/api/v1/instances/").statusCode());
        HttpResponse<String> refused = http.get("/api/v1/instances/?limit=25");
        assertEquals(429, refused.statusCode());
        assertEquals("API requests too frequent endpoint threshold=1.0", refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "Vast sends no Retry-After");

        // Strict reading: every instance id shares the one destroy endpoint.
        assertEquals(
                200, http.delete("/api/v0/instances/" + all.get(0).id() + "/").statusCode());
        HttpResponse<String> second =
                http.delete("/api/v0/instances/" + all.get(1).id() + "/");
        assertEquals(429, second.statusCode());
        assertEquals("API requests too frequent endpoint threshold=3.0", second.body());
        // The bulk endpoint and show are other templates with their own intervals.
        assertEquals(
                200,
                http.send(
                                "DELETE",
                                "/api/v0/instances/",
                                SimHttp.toJson(Map.of(
                                        "instance_ids", List.of(all.get(1).id()))),
                                sim.apiKey())
                        .statusCode());
        assertEquals(200, http.get("/api/v0/instances/" + all.get(2).id() + "/").statusCode());
        // Another key is another identity: refused for its key (401), not for the first key's pace.
        assertEquals(
                401, http.send("GET", "/api/v1/instances/", null, "not-the-key").statusCode());
        // The user endpoint has no documented limit.
        assertEquals(200, http.get("/api/v0/users/current/").statusCode());
        assertEquals(200, http.get("/api/v0/users/current/").statusCode());
        assertEquals(2, sim.faults().rateLimitedCount());
    }

    @Test
    void lenientGivesEachConcreteUrlItsOwnInterval() {
        SimHttp http = start(
                SimulatorConfig.defaults().withRateLimits(RateLimits.LENIENT).withRateLimitScale(1.0));
        List<SimInstance> all = sim.state().instances();
        assertEquals(
                200, http.delete("/api/v0/instances/" + all.get(0).id() + "/").statusCode());
        assertEquals(
                200, http.delete("/api/v0/instances/" + all.get(1).id() + "/").statusCode());
        assertEquals(
                429, http.delete("/api/v0/instances/" + all.get(0).id() + "/").statusCode());
    }

    @Test
    void offSendsNo429() {
        SimHttp http = start(SimulatorConfig.defaults().withRateLimits(RateLimits.OFF));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.get("/api/v1/instances/").statusCode());
        }
        assertEquals(0, sim.faults().rateLimitedCount());
    }

    @Test
    void theIntervalCountsFromTheLastAcceptedRequest() {
        RateLimiter limiter = limiter(RateLimits.DOCUMENTED, 1.0);
        List<String> list = List.of("api", "v1", "instances");
        assertNull(limiter.refusal("k", "GET", list, list, 0));
        assertEquals(
                "API requests too frequent endpoint threshold=1.0", limiter.refusal("k", "GET", list, list, S / 2));
        // The refusal at 0.5 s did not move the mark: 1.0 s after the accepted one is fine.
        assertNull(limiter.refusal("k", "GET", list, list, S));
        assertNull(limiter.refusal("other-key", "GET", list, list, S + 1));
    }

    @Test
    void aRefusedRentCostsTheTwelveSecondPenalty() {
        RateLimiter limiter = limiter(RateLimits.DOCUMENTED, 1.0);
        List<String> rent = List.of("api", "v0", "asks", "{id}");
        List<String> url = List.of("api", "v0", "asks", "7");
        assertNull(limiter.refusal("k", "PUT", rent, url, 0));
        assertEquals("API requests too frequent endpoint threshold=4.5", limiter.refusal("k", "PUT", rent, url, 4 * S));
        // 4.5 s after the accepted rent would have been fine, but the refusal at 4 s blocks until 16 s.
        assertTrue(limiter.refusal("k", "PUT", rent, url, 5 * S) != null);
        assertNull(limiter.refusal("k", "PUT", rent, url, 17 * S + 1));
    }

    @Test
    void offerSearchAllowsTenAMinuteAndTheScaleShrinksEveryInterval() {
        RateLimiter limiter = limiter(RateLimits.DOCUMENTED, 0.5);
        List<String> bundles = List.of("api", "v0", "bundles");
        for (int i = 0; i < 10; i++) {
            assertNull(limiter.refusal("k", "POST", bundles, bundles, i));
        }
        assertEquals(
                "API requests too frequent endpoint threshold=3.0", limiter.refusal("k", "POST", bundles, bundles, 10));
        assertNull(limiter.refusal("k", "POST", bundles, bundles, 30 * S), "half of a minute at scale 0.5");
    }

    private static RateLimiter limiter(RateLimits mode, double scale) {
        RateLimiter limiter = new RateLimiter();
        limiter.configure(mode, scale);
        return limiter;
    }
}
