package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys, the legacy list, the user, unknown paths and the request record. */
class AuthAndRoutingTest {
    private VastSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(2)
                .withTimeScale(0));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void missingKeyIs403AndWrongKeyIs401() {
        for (String path : List.of("/api/v1/instances/", "/api/v0/users/current/", "/api/v0/instances/1/")) {
            HttpResponse<String> missing = http.send("GET", path, null, null);
            assertEquals(403, missing.statusCode(), path);
            assertEquals("application/json", SimHttp.contentType(missing));
            assertEquals(
                    Map.of("success", false, "error", "auth_error", "msg", "This action requires login."),
                    SimHttp.JSON.convertValue(SimHttp.json(missing), Map.class));
            HttpResponse<String> wrong = http.send("GET", path, null, "0".repeat(64));
            assertEquals(401, wrong.statusCode(), path);
            assertEquals(
                    Map.of("success", false, "error", "auth_error", "msg", "Invalid user key"),
                    SimHttp.JSON.convertValue(SimHttp.json(wrong), Map.class));
        }
        long id = sim.state().instances().get(0).id();
        assertEquals(
                403,
                http.send("DELETE", "/api/v0/instances/" + id + "/", "{}", null).statusCode());
        assertFalse(sim.state().isDestroyed(id), "a refused destroy destroys nothing");
    }

    @Test
    void apiKeyQueryParameterWorksAloneOrWithTheHeader() {
        assertEquals(
                200,
                http.send("GET", "/api/v1/instances/?api_key=" + sim.apiKey(), null, null)
                        .statusCode());
        assertEquals(
                200,
                http.send("GET", "/api/v1/instances/?api_key=" + sim.apiKey(), null, sim.apiKey())
                        .statusCode());
        assertEquals(
                401,
                http.send("GET", "/api/v1/instances/?api_key=wrong", null, null).statusCode());
        assertEquals(
                200, http.send("GET", "/api/v0/gpu_names/unique/", null, null).statusCode(), "no key needed");
    }

    @Test
    void legacyListIsGoneByDefaultAndSwitchable() {
        for (String path : List.of("/api/v0/instances/", "/api/v0/instances?owner=me")) {
            HttpResponse<String> gone = http.get(path);
            assertEquals(410, gone.statusCode());
            assertEquals(
                    Map.of(
                            "success",
                            false,
                            "error",
                            "deprecated_endpoint",
                            "msg",
                            "/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead."),
                    SimHttp.JSON.convertValue(SimHttp.json(gone), Map.class));
        }
        sim.faults().legacyListGone(false);
        JsonNode ok = SimHttp.json(http.get("/api/v0/instances?owner=me"));
        assertEquals(2, ok.get("instances_found").asInt());
        assertEquals(2, ok.get("instances").size());
    }

    @Test
    void currentUserHasCreditButNeverTheKey() {
        for (String path : List.of("/api/v0/users/current/", "/api/v0/users/current")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(200, response.statusCode());
            assertFalse(response.body().contains(sim.apiKey()));
            JsonNode user = SimHttp.json(response);
            assertEquals(25.0, user.get("credit").asDouble(), 1e-9, "frozen clock: nothing billed yet");
            for (String field : List.of(
                    "id",
                    "username",
                    "email",
                    "balance",
                    "balance_threshold",
                    "balance_threshold_enabled",
                    "billed_expected",
                    "billed_verified",
                    "can_pay",
                    "key_id")) {
                assertTrue(user.has(field), field);
            }
            assertTrue(user.get("api_key").isNull(), "present for the legacy CLI, never the value");
        }
    }

    @Test
    void unknownPathsAre404JsonAndWrongMethods405() {
        HttpResponse<String> unknown = http.get("/api/v0/nothing/here/");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/json", SimHttp.contentType(unknown));
        assertEquals("not_found", SimHttp.json(unknown).get("error").asText());
        assertEquals(
                405,
                http.send("PATCH", "/api/v1/instances/", "{}", sim.apiKey()).statusCode());
        JsonNode names = SimHttp.json(http.get("/api/v0/gpu_names/unique/")).get("gpu_names");
        assertTrue(names.toString().contains("RTX 4090"));
    }

    @Test
    void requestsAreRecordedWithoutHeadersAndCounted() {
        long id = sim.state().instances().get(0).id();
        http.send("GET", "/api/v1/instances/?limit=5&api_key=" + sim.apiKey(), null, null);
        http.delete("/api/v0//instances/" + id + "/");
        http.delete("/api/v0/instances/" + id);
        http.send("GET", "/api/v0/users/current/", null, null);

        List<RecordedRequest> requests = sim.requests();
        assertEquals(4, requests.size());
        RecordedRequest first = requests.get(0);
        assertEquals("GET", first.method());
        assertEquals("/api/v1/instances/", first.path());
        assertEquals("limit=5&api_key=" + sim.apiKey(), first.query());
        assertEquals(200, first.status());
        assertEquals("/api/v0//instances/" + id + "/", requests.get(1).path(), "the raw path is kept");
        assertEquals(200, requests.get(1).status());
        assertEquals(404, requests.get(2).status());
        assertNull(requests.get(3).query());
        assertEquals(403, requests.get(3).status());
        assertEquals(2, sim.count("DELETE", "/api/v0/instances/"));
        assertEquals(1, sim.count("GET", "/api/v1/instances"));
        assertEquals(0, sim.count("PUT", "/api/v0/"));
        assertTrue(requests.get(3).at().compareTo(first.at()) >= 0);
    }
}
