package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offer search: the operator language, order, limit, type, storage pricing and the three ways to call it. */
class OfferSearchTest {
    private VastSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(
                SimulatorConfig.defaults().withRateLimits(RateLimits.OFF).withTimeScale(0));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void emptyQueryReturnsEveryRentableOfferWithoutAKeyAndExactContentType() {
        HttpResponse<String> response = http.send("POST", "/api/v0/bundles/", "{}", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/json", SimHttp.contentType(response));
        JsonNode offers = SimHttp.json(response).get("offers");
        assertEquals(sim.state().offers().size(), offers.size());
        offers.forEach(o -> assertTrue(o.get("rentable").asBoolean()));
        List<Double> scores = values(offers, "score");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "default order is score descending");
        }
    }

    @Test
    void everyOperatorFilters() {
        assertAll(
                Map.of("gpu_name", Map.of("eq", "RTX 4090")),
                o -> o.get("gpu_name").asText().equals("RTX 4090"));
        assertAll(
                Map.of("gpu_name", Map.of("neq", "RTX 4090")),
                o -> !o.get("gpu_name").asText().equals("RTX 4090"));
        assertAll(Map.of("num_gpus", Map.of("gt", 1)), o -> o.get("num_gpus").asInt() > 1);
        assertAll(Map.of("num_gpus", Map.of("gte", 2)), o -> o.get("num_gpus").asInt() >= 2);
        assertAll(
                Map.of("dph_total", Map.of("lt", 0.3)), o -> o.get("dph_total").asDouble() < 0.3);
        assertAll(
                Map.of("dph_total", Map.of("lte", 1.0, "gte", 0.5)),
                o -> o.get("dph_total").asDouble() <= 1.0 && o.get("dph_total").asDouble() >= 0.5);
        assertAll(
                Map.of("gpu_name", Map.of("in", List.of("RTX 3090", "Tesla P40"))),
                o -> Set.of("RTX 3090", "Tesla P40").contains(o.get("gpu_name").asText()));
        assertAll(
                Map.of("gpu_name", Map.of("notin", List.of("RTX 3090", "Tesla P40"))),
                o -> !Set.of("RTX 3090", "Tesla P40").contains(o.get("gpu_name").asText()));
        assertAll(
                Map.of("reliability2", Map.of("gte", 0.95)),
                o -> o.get("reliability2").asDouble() >= 0.95);
        assertAll(
                Map.of("geolocation", Map.of("in", List.of("US", "CA"))),
                o -> o.get("geolocation").asText().endsWith(", US")
                        || o.get("geolocation").asText().endsWith(", CA"));
    }

    @Test
    void theCliDefaultsAndStringNumbersWork() {
        // What `vastai search offers 'dph<1'` sends: numbers as strings, booleans, virtual "verified".
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("verified", Map.of("eq", true));
        query.put("external", Map.of("eq", false));
        query.put("rentable", Map.of("eq", true));
        query.put("rented", Map.of("eq", false));
        query.put("dph_total", Map.of("lt", "1"));
        query.put("order", List.of(List.of("score", "desc")));
        query.put("type", "on-demand");
        query.put("allocated_storage", 5.0);
        JsonNode offers = offers(query);
        assertFalse(offers.isEmpty());
        offers.forEach(o -> {
            assertEquals("verified", o.get("verification").asText());
            assertFalse(o.get("external").asBoolean());
            assertTrue(o.get("dph_total").asDouble() < 1.0);
        });
    }

    @Test
    void orderAndLimit() {
        JsonNode asc = offers(Map.of("order", List.of(List.of("dph_total", "asc")), "limit", 10));
        assertEquals(10, asc.size());
        List<Double> prices = values(asc, "dph_total");
        List<Double> sorted = new ArrayList<>(prices);
        sorted.sort(Double::compare);
        assertEquals(sorted, prices);
        double cheapest = sim.state().offers().stream()
                .mapToDouble(o -> o.dphTotal(8.0))
                .min()
                .orElseThrow();
        assertEquals(cheapest, prices.get(0), 1e-12, "asc starts at the cheapest offer (8 GB default storage)");

        JsonNode desc = offers(Map.of("order", List.of(List.of("num_gpus", "desc"), List.of("dph_total", "asc"))));
        List<Double> gpus = values(desc, "num_gpus");
        for (int i = 1; i < gpus.size(); i++) {
            assertTrue(gpus.get(i - 1) >= gpus.get(i));
        }
    }

    @Test
    void allocatedStorageAndBidTypePriceTheOffer() {
        for (JsonNode o : offers(Map.of("allocated_storage", 100))) {
            double expected =
                    o.get("dph_base").asDouble() + 100 * o.get("storage_cost").asDouble() / 720.0;
            assertEquals(expected, o.get("dph_total").asDouble(), 1e-12);
            assertFalse(o.get("is_bid").asBoolean());
        }
        for (JsonNode o : offers(Map.of("type", "bid", "allocated_storage", 10))) {
            double expected =
                    o.get("min_bid").asDouble() + 10 * o.get("storage_cost").asDouble() / 720.0;
            assertEquals(expected, o.get("dph_total").asDouble(), 1e-12);
            assertTrue(o.get("is_bid").asBoolean());
            assertTrue(o.get("min_bid").asDouble() < o.get("dph_base").asDouble());
        }
        assertEquals(
                offers(Map.of("type", "ondemand")).size(),
                offers(Map.of("type", "on-demand")).size());
    }

    @Test
    void legacyGetFormsWork() {
        Map<String, Object> query =
                Map.of("gpu_name", Map.of("eq", "RTX 3090"), "order", List.of(List.of("dph_total", "asc")));
        JsonNode viaPost = offers(query);
        HttpResponse<String> viaGet = http.send("GET", "/api/v0/bundles?q=" + SimHttp.encode(query), null, null);
        assertEquals(200, viaGet.statusCode());
        assertEquals("application/json", SimHttp.contentType(viaGet));
        assertEquals(viaPost, SimHttp.json(viaGet).get("offers"));

        HttpResponse<String> seed = http.send("GET", "/api/v0/bundles?limit=10", null, sim.apiKey());
        assertEquals(200, seed.statusCode());
        JsonNode offers = SimHttp.json(seed).get("offers");
        assertEquals(10, offers.size());
        offers.forEach(o -> assertTrue(o.get("rentable").asBoolean()));

        HttpResponse<String> newSearch = http.send(
                "PUT",
                "/api/v0/search/asks/",
                SimHttp.toJson(Map.of("select_cols", List.of("*"), "q", query)),
                sim.apiKey());
        assertEquals(viaPost, SimHttp.json(newSearch).get("offers"));
    }

    @Test
    void rentableIsImpliedUnlessAsked() {
        SimOffer offer = sim.state().offers().get(0);
        assertEquals(
                200,
                http.put("/api/v0/asks/" + offer.id() + "/", Map.of("image", "x", "disk", 10))
                        .statusCode());
        Set<Long> ids = new HashSet<>();
        offers(Map.of()).forEach(o -> ids.add(o.get("id").asLong()));
        assertFalse(ids.contains(offer.id()));
        JsonNode taken = offers(Map.of("rentable", Map.of("eq", false)));
        assertEquals(1, taken.size());
        assertEquals(offer.id(), taken.get(0).get("id").asLong());
        assertTrue(taken.get(0).get("rented").asBoolean());
    }

    @Test
    void badQueriesAre400InvalidRequest() {
        for (Object bad : List.of(
                Map.of("gpu_name", Map.of("like", "RTX")),
                Map.of("no_such_field", Map.of("eq", 1)),
                Map.of("type", "spot-ish"),
                Map.of("order", List.of(List.of("nope", "asc"))),
                "{not json")) {
            HttpResponse<String> response = http.post("/api/v0/bundles/", bad);
            assertEquals(400, response.statusCode(), String.valueOf(bad));
            assertEquals("invalid_request", SimHttp.json(response).get("error").asText());
        }
    }

    private void assertAll(Map<String, Object> query, Predicate<JsonNode> holds) {
        JsonNode offers = offers(query);
        assertFalse(offers.isEmpty(), "the seeded catalogue has matches for " + query);
        int total = sim.state().offers().size();
        assertTrue(offers.size() < total, "the filter removes something: " + query);
        offers.forEach(o -> assertTrue(holds.test(o), query + " does not hold for " + o.get("id")));
    }

    private JsonNode offers(Map<String, Object> query) {
        HttpResponse<String> response = http.post("/api/v0/bundles/", query);
        assertEquals(200, response.statusCode(), response.body());
        return SimHttp.json(response).get("offers");
    }

    private static List<Double> values(JsonNode offers, String field) {
        List<Double> list = new ArrayList<>();
        offers.forEach(o -> list.add(o.get(field).asDouble()));
        return list;
    }
}
