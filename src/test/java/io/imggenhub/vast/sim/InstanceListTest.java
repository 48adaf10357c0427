package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/instances/}: paging, filters, ordering and the shape of the rows. */
class InstanceListTest {
    private VastSimulator sim;
    private SimHttp http;

    private void start(int instances) {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(instances)
                .withTimeScale(0)
                .withDestroyLinger(java.time.Duration.ofMinutes(5)));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void sixtyInstancesComeInThreePagesChainedByNextToken() {
        start(60);
        List<Long> ids = new ArrayList<>();
        String token = null;
        List<Integer> pageSizes = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            String query = "?limit=25" + (token == null ? "" : "&after_token=" + token);
            JsonNode body = SimHttp.json(http.get("/api/v1/instances/" + query));
            assertTrue(body.get("success").asBoolean());
            assertEquals(60, body.get("total_instances").asInt());
            assertEquals(
                    body.get("instances").size(), body.get("instances_found").asInt());
            pageSizes.add(body.get("instances").size());
            body.get("instances").forEach(row -> ids.add(row.get("id").asLong()));
            assertTrue(body.has("next_token"), "next_token is always present, null on the last page");
            if (body.get("next_token").isNull()) {
                break;
            }
            token = body.get("next_token").asText();
        }
        assertEquals(List.of(25, 25, 10), pageSizes);
        assertEquals(60, new HashSet<>(ids).size());
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(Long::compare);
        assertEquals(sorted, ids, "default order is id ascending");
        assertEquals(SimState.FIRST_INSTANCE_ID, ids.get(0));
    }

    @Test
    void pagingSurvivesAnInstanceVanishingBetweenPages() {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(30)
                .withTimeScale(0)
                .withDestroyLinger(java.time.Duration.ZERO));
        http = new SimHttp(sim);
        JsonNode first = SimHttp.json(http.get("/api/v1/instances/?limit=10"));
        long firstId = first.get("instances").get(0).get("id").asLong();
        assertTrue(sim.state().destroy(firstId));
        JsonNode second = SimHttp.json(http.get("/api/v1/instances/?limit=10&after_token="
                + first.get("next_token").asText()));
        long lastOfFirst = first.get("instances").get(9).get("id").asLong();
        long expectedNext = sim.state().instances().stream()
                .mapToLong(SimInstance::id)
                .filter(id -> id > lastOfFirst)
                .min()
                .orElseThrow();
        assertEquals(expectedNext, second.get("instances").get(0).get("id").asLong(), "a keyset cursor skips nothing");
    }

    @Test
    void limitIsCappedAt25AndNonPositiveMeansFive() {
        start(40);
        assertEquals(
                25,
                SimHttp.json(http.get("/api/v1/instances/")).get("instances").size());
        assertEquals(
                25,
                SimHttp.json(http.get("/api/v1/instances/?limit=100"))
                        .get("instances")
                        .size());
        assertEquals(
                5,
                SimHttp.json(http.get("/api/v1/instances/?limit=0"))
                        .get("instances")
                        .size());
        assertEquals(
                5,
                SimHttp.json(http.get("/api/v1/instances/?limit=-3"))
                        .get("instances")
                        .size());
        assertEquals(
                7,
                SimHttp.json(http.get("/api/v1/instances/?limit=7"))
                        .get("instances")
                        .size());
        assertEquals(400, http.get("/api/v1/instances/?limit=abc").statusCode());
    }

    @Test
    void invalidTokenIsA400InvalidToken() {
        start(3);
        for (String token : List.of("not-a-token!!", "eyJmb28iOiAxfQ", "%7B%7D")) {
            HttpResponse<String> response = http.get("/api/v1/instances/?after_token=" + token);
            assertEquals(400, response.statusCode(), token);
            assertEquals("invalid_token", SimHttp.json(response).get("error").asText());
        }
    }

    @Test
    void selectFiltersSupportEqNeqAndIn() {
        start(0);
        long a = sim.state().addInstance("RTX 4090", 1, 0.5, "sdxl-batch");
        long b = sim.state().addInstance("RTX 4090", 2, 1.0, null);
        long c = sim.state().addInstance("Tesla P40", 1, 0.11, "sdxl-batch");
        sim.state().destroy(c);

        assertEquals(Set.of(a, b), ids(Map.of("gpu_name", Map.of("eq", "RTX 4090"))));
        assertEquals(Set.of(c), ids(Map.of("gpu_name", Map.of("neq", "RTX 4090"))));
        assertEquals(Set.of(a, c), ids(Map.of("label", Map.of("eq", "sdxl-batch"))));
        assertEquals(Set.of(b), ids(Map.of("label", java.util.Collections.singletonMap("eq", null))));
        assertEquals(Set.of(a, b), ids(Map.of("actual_status", Map.of("in", List.of("running", "loading")))));
        assertEquals(Set.of(c), ids(Map.of("actual_status", Map.of("eq", "destroyed"))));
        assertEquals(Set.of(b), ids(Map.of("id", Map.of("eq", b))));
        assertEquals(Set.of(a, c), ids(Map.of("id", Map.of("in", List.of(a, c)))));
        assertEquals(Set.of(b, c), ids(Map.of("id", Map.of("gt", a))));
    }

    @Test
    void computedFieldsAndUnknownOperatorsAreRefused() {
        start(2);
        HttpResponse<String> dph =
                http.get("/api/v1/instances/?select_filters=" + SimHttp.encode(Map.of("dph_total", Map.of("lt", 1))));
        assertEquals(400, dph.statusCode());
        assertEquals("invalid_request", SimHttp.json(dph).get("error").asText());
        assertTrue(SimHttp.json(dph).get("msg").asText().contains("dph_total is not a valid search key"));
        assertEquals(
                400,
                http.get("/api/v1/instances/?select_filters=" + SimHttp.encode(Map.of("num_gpus", Map.of("eq", 1))))
                        .statusCode());
        assertEquals(
                400,
                http.get("/api/v1/instances/?select_filters=" + SimHttp.encode(Map.of("label", Map.of("like", "x"))))
                        .statusCode());
        assertEquals(
                400,
                http.get("/api/v1/instances/?order_by="
                                + SimHttp.encode(List.of(Map.of("col", "dph_total", "dir", "asc"))))
                        .statusCode());
        assertEquals(
                400, http.get("/api/v1/instances/?select_filters=%7Bnot-json").statusCode());
    }

    @Test
    void orderByDescendingWithIdTiebreakerAcrossPages() {
        start(30);
        String order = SimHttp.encode(List.of(Map.of("col", "start_date", "dir", "desc")));
        List<Double> starts = new ArrayList<>();
        String token = null;
        do {
            JsonNode body = SimHttp.json(http.get(
                    "/api/v1/instances/?limit=7&order_by=" + order + (token == null ? "" : "&after_token=" + token)));
            body.get("instances")
                    .forEach(row -> starts.add(row.get("start_date").asDouble()));
            token = body.get("next_token").isNull()
                    ? null
                    : body.get("next_token").asText();
        } while (token != null);
        assertEquals(30, starts.size());
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i - 1) >= starts.get(i), "descending start_date");
        }
    }

    @Test
    void labelCountsAndSelectColsMatchTheCliContract() {
        start(0);
        sim.state().addInstance("RTX 3090", 1, 0.25, "sdxl-batch");
        sim.state().addInstance("RTX 3090", 1, 0.25, "sdxl-batch");
        sim.state().addInstance("RTX 3090", 1, 0.25, null);
        JsonNode body = SimHttp.json(
                http.get("/api/v1/instances/?select_cols=" + SimHttp.encode(List.of("id", "label", "no_such_col"))));
        assertEquals(2, body.get("label_counts").get("sdxl-batch").asInt());
        assertEquals(1, body.get("label_counts").get("").asInt());
        JsonNode row = body.get("instances").get(0);
        assertEquals(Set.of("id", "label", "no_such_col"), fieldNames(row));
        assertTrue(row.get("no_such_col").isNull());
    }

    @Test
    void rowsCarryWhatVastsOwnCliNeeds() {
        start(5);
        HttpResponse<String> response = http.get("/api/v1/instances/");
        assertEquals("application/json", SimHttp.contentType(response));
        for (JsonNode row : SimHttp.json(response).get("instances")) {
            assertTrue(row.get("start_date").isNumber(), "start_date: the CLI computes duration from it");
            assertTrue(row.get("extra_env").isArray(), "extra_env: the CLI turns it into a dict");
            assertEquals("running", row.get("actual_status").asText());
            assertTrue(row.get("public_ipaddr").asText().endsWith("\n"), "real data carries trailing whitespace");
            assertTrue(row.get("ssh_host").asText().matches("ssh\\d+\\.vast\\.ai"));
            assertTrue(row.get("ssh_port").asInt() > 1024);
            assertTrue(row.get("ports").has("22/tcp"));
            double expectedTotal = row.get("dph_base").asDouble()
                    + row.get("disk_space").asDouble() * row.get("storage_cost").asDouble() / 720.0;
            assertEquals(expectedTotal, row.get("dph_total").asDouble(), 1e-12);
            assertEquals(
                    row.get("storage_total_cost").asDouble(),
                    row.get("disk_space").asDouble() * row.get("storage_cost").asDouble() / 720.0,
                    1e-12);
            for (String field : List.of(
                    "gpu_util",
                    "cur_state",
                    "intended_status",
                    "status_msg",
                    "image_uuid",
                    "label",
                    "num_gpus",
                    "gpu_name",
                    "machine_id",
                    "reliability2",
                    "geolocation",
                    "verification",
                    "disk_space")) {
                assertTrue(row.has(field), field);
            }
            assertNotNull(row.get("num_gpus"));
        }
    }

    @Test
    void slashesDoNotMatter() {
        start(2);
        assertEquals(200, http.get("/api/v1/instances").statusCode());
        assertEquals(200, http.get("/api/v1//instances/").statusCode());
        long id = sim.state().instances().get(0).id();
        JsonNode body = SimHttp.json(http.get("/api/v0//instances/" + id + "/?owner=me"));
        assertEquals(id, body.get("instances").get("id").asLong());
        assertEquals(200, http.get("/api/v0/instances/" + id).statusCode());
        assertEquals(200, http.delete("/api/v0//instances/" + id + "/").statusCode());
        assertTrue(sim.state().isDestroyed(id));
        assertFalse(sim.requests().isEmpty());
    }

    private Set<Long> ids(Map<String, Object> filters) {
        HttpResponse<String> response = http.get("/api/v1/instances/?select_filters=" + SimHttp.encode(filters));
        assertEquals(200, response.statusCode(), response.body());
        Set<Long> ids = new HashSet<>();
        SimHttp.json(response)
                .get("instances")
                .forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
