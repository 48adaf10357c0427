package io.imggenhub.vast.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Show one instance, destroy it (single and bulk), the linger, and stop/start/label. */
class DestroyTest {
    private VastSimulator sim;
    private SimHttp http;

    private void start(Duration linger) {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(3)
                .withTimeScale(0)
                .withDestroyLinger(linger));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void showBeforeAndAfterDestroy() {
        start(Duration.ofMinutes(5));
        long id = sim.state().instances().get(1).id();
        HttpResponse<String> before = http.get("/api/v0/instances/" + id + "/?owner=me");
        assertEquals(200, before.statusCode());
        assertEquals("application/json", SimHttp.contentType(before));
        JsonNode object = SimHttp.json(before).get("instances");
        assertTrue(object.isObject(), "plural key, single object");
        assertEquals(id, object.get("id").asLong());

        HttpResponse<String> destroyed = http.delete("/api/v0/instances/" + id + "/");
        assertEquals(200, destroyed.statusCode());
        assertEquals("{\"success\":true}", destroyed.body());
        assertEquals("application/json", SimHttp.contentType(destroyed));

        HttpResponse<String> after = http.get("/api/v0/instances/" + id + "/?owner=me");
        assertEquals(200, after.statusCode());
        assertTrue(SimHttp.json(after).has("instances"));
        assertTrue(SimHttp.json(after).get("instances").isNull());
        assertTrue(
                SimHttp.json(http.get("/api/v0/instances/999/"))
                        .get("instances")
                        .isNull(),
                "unknown ids too");
    }

    @Test
    void destroyedInstanceLingersAsDestroyedThenVanishes() {
        start(Duration.ofMillis(400));
        long id = sim.state().instances().get(0).id();
        assertEquals(200, http.delete("/api/v0/instances/" + id + "/").statusCode());

        JsonNode lingering = row(id);
        assertEquals("destroyed", lingering.get("actual_status").asText());
        assertEquals("destroyed", lingering.get("intended_status").asText());
        assertEquals("unloaded", lingering.get("cur_state").asText());
        assertTrue(lingering.get("ports").isNull());
        assertEquals(0.0, sim.state().instance(id).orElseThrow().billedRate(), "billing stops at once");

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id) == null);
        assertEquals(
                2,
                SimHttp.json(http.get("/api/v1/instances/"))
                        .get("total_instances")
                        .asInt());
        assertTrue(sim.state().isDestroyed(id), "still known as destroyed after vanishing");
        assertTrue(sim.state().instance(id).isEmpty());
    }

    @Test
    void destroyingUnknownOrDestroyedIdsIs404NoSuchInstance() {
        start(Duration.ofMinutes(5));
        HttpResponse<String> unknown = http.delete("/api/v0/instances/123/");
        assertEquals(404, unknown.statusCode());
        JsonNode body = SimHttp.json(unknown);
        assertFalse(body.get("success").asBoolean());
        assertEquals("no_such_instance", body.get("error").asText());
        assertEquals("Instance 123 not found.", body.get("msg").asText());

        long id = sim.state().instances().get(0).id();
        assertEquals(200, http.delete("/api/v0/instances/" + id + "/").statusCode());
        assertEquals(404, http.delete("/api/v0/instances/" + id + "/").statusCode(), "a second destroy finds nothing");
        assertEquals(400, http.delete("/api/v0/instances/abc/").statusCode());
    }

    @Test
    void bulkDestroyAnswersAsVastDocumentsIt() {
        // vast-api.md §3.3 "Delete Instances Bulk": 200 {"success": true} after destroying those of the ids that
        // are the caller's and live; unknown ids in the list are ignored.
        start(Duration.ofMinutes(5));
        List<SimInstance> all = sim.state().instances();
        HttpResponse<String> response = http.send(
                "DELETE",
                "/api/v0/instances/",
                SimHttp.toJson(Map.of(
                        "instance_ids", List.of(all.get(0).id(), all.get(2).id(), 77L))),
                sim.apiKey());
        assertEquals(200, response.statusCode());
        assertEquals("{\"success\":true}", response.body().replace(" ", ""));
        assertTrue(sim.state().isDestroyed(all.get(0).id()));
        assertFalse(sim.state().isDestroyed(all.get(1).id()));
        assertTrue(sim.state().isDestroyed(all.get(2).id()));
    }

    @Test
    void bulkDestroyRefusesAnEmptyOrMissingListAndBadJsonWith400() {
        start(Duration.ofMinutes(5));
        for (String body : List.of(
                "{}", "{\"instance_ids\": []}", "{\"instance_ids\": 5}", "not json", "{\"instance_ids\": [\"x\"]}")) {
            HttpResponse<String> refused = http.send("DELETE", "/api/v0/instances/", body, sim.apiKey());
            assertEquals(400, refused.statusCode(), body);
            assertEquals("invalid_args", SimHttp.json(refused).get("error").asText(), body);
        }
        assertEquals(
                "instance_ids array is required",
                SimHttp.json(http.send("DELETE", "/api/v0/instances/", "{}", sim.apiKey()))
                        .get("msg")
                        .asText());
        assertEquals(
                "invalid request format",
                SimHttp.json(http.send("DELETE", "/api/v0/instances/", "not json", sim.apiKey()))
                        .get("msg")
                        .asText());
        assertTrue(sim.state().instances().stream().noneMatch(i -> sim.state().isDestroyed(i.id())));
    }

    @Test
    void bulkDestroyOfNoneOfTheCallersIdsIs404InstancesNotFound() {
        start(Duration.ofMinutes(5));
        long mine = sim.state().instances().get(0).id();
        sim.state().destroy(mine);
        HttpResponse<String> response = http.send(
                "DELETE",
                "/api/v0/instances/",
                SimHttp.toJson(Map.of("instance_ids", List.of(mine, 77L))),
                sim.apiKey());
        assertEquals(404, response.statusCode(), "already destroyed ones are no longer the caller's");
        assertEquals("instances_not_found", SimHttp.json(response).get("error").asText());
    }

    @Test
    void stopStartAndLabelThroughPut() {
        start(Duration.ofMinutes(5));
        SimInstance instance = sim.state().instances().get(0);
        long id = instance.id();
        assertEquals(
                200,
                http.put("/api/v0/instances/" + id + "/", Map.of("state", "stopped"))
                        .statusCode());
        JsonNode stopped = row(id);
        assertEquals("exited", stopped.get("actual_status").asText());
        assertEquals("stopped", stopped.get("intended_status").asText());
        assertEquals("stopped", stopped.get("cur_state").asText());
        assertEquals(
                instance.storageTotalCost(),
                sim.state().instance(id).orElseThrow().billedRate(),
                1e-12,
                "a stopped instance still pays for its disk");

        assertEquals(
                200,
                http.put("/api/v0/instances/" + id + "/", Map.of("state", "running"))
                        .statusCode());
        assertEquals("loading", row(id).get("actual_status").asText());
        sim.clock().advance(sim.config().bootTime());
        assertEquals("running", row(id).get("actual_status").asText());

        JsonNode labelled = SimHttp.json(http.put("/api/v0/instances/" + id + "/", Map.of("label", "renamed")));
        assertTrue(labelled.get("success").asBoolean());
        assertEquals("renamed", row(id).get("label").asText());
        assertEquals(
                404,
                http.put("/api/v0/instances/5/", Map.of("state", "stopped")).statusCode());
    }

    private JsonNode row(long id) {
        JsonNode body = SimHttp.json(
                http.get("/api/v1/instances/?select_filters=" + SimHttp.encode(Map.of("id", Map.of("eq", id)))));
        return body.get("instances").isEmpty() ? null : body.get("instances").get(0);
    }
}
