package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v0/charges/} (vast-api.md §3.8): the required day range, paging through {@code next_token} as
 * {@code after_token}, the documented errors and limit, and charges that add up to the credit's fall: GPU while
 * running, disk for every second an instance exists (stopped too), bandwidth for each image pull (§4.2).
 */
class ChargesTest {
    private VastSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimHttp start(int instances, RateLimits limits) {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(limits)
                .withRateLimitScale(1.0)
                .withInstances(instances)
                .withCredit(500)
                .withTimeScale(0));
        // Dates in simulated time, as a client on the simulator's clock reads them.
        sim.shareClockWithClients();
        return new SimHttp(sim);
    }

    private String query(Instant from, Instant to, String extra) {
        return "/api/v0/charges/?select_filters="
                + SimHttp.encode(Map.of("day", Map.of("gte", from.getEpochSecond(), "lte", to.getEpochSecond())))
                + extra;
    }

    @Test
    void theDayRangeIsRequired() {
        SimHttp http = start(1, RateLimits.OFF);
        for (String path : List.of(
                "/api/v0/charges/",
                "/api/v0/charges/?select_filters=" + SimHttp.encode(Map.of("day", Map.of("gte", 1))),
                "/api/v0/charges/?select_filters="
                        + SimHttp.encode(Map.of("type", Map.of("in", List.of("instance")))))) {
            HttpResponse<String> r = http.get(path);
            assertEquals(400, r.statusCode(), path);
            JsonNode body = SimHttp.json(r);
            assertFalse(body.get("success").asBoolean());
            assertEquals(
                    "Must provide both 'day' gte and lte filters for instance charges",
                    body.get("msg").asText());
        }
    }

    @Test
    void noKeyIs403AndAWrongKeyIs404AsTheChargesSpecSays() {
        SimHttp http = start(1, RateLimits.OFF);
        Instant now = sim.clock().now();
        String path = query(now.minus(Duration.ofDays(1)), now, "");
        HttpResponse<String> none = http.send("GET", path, null, null);
        assertEquals(403, none.statusCode());
        assertEquals("auth_error", SimHttp.json(none).get("error").asText());
        assertEquals(
                "This action requires login.", SimHttp.json(none).get("msg").asText());
        HttpResponse<String> wrong = http.send("GET", path, null, "not-the-key");
        assertEquals(404, wrong.statusCode());
        assertEquals("auth_error", SimHttp.json(wrong).get("error").asText());
        assertEquals("Invalid user key", SimHttp.json(wrong).get("msg").asText());
    }

    @Test
    void pagesFollowNextTokenWithoutRepeatsAndABadTokenIsRefused() {
        SimHttp http = start(7, RateLimits.OFF);
        Instant from = sim.clock().now();
        sim.clock().advance(Duration.ofHours(3));
        Instant to = sim.clock().now();
        List<Long> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = SimHttp.json(http.get(
                    query(from, to, "&limit=3" + (token == null ? "" : "&after_token=" + SimHttp.encode(token)))));
            assertTrue(page.get("success").asBoolean());
            assertEquals(7, page.get("total").asInt());
            assertTrue(page.get("count").asInt() <= 3);
            page.get("results")
                    .forEach(r -> seen.add(r.get("metadata").get("instance_id").asLong()));
            token = page.get("next_token").isNull()
                    ? null
                    : page.get("next_token").asText();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(7, new HashSet<>(seen).size(), "no instance on two pages");

        HttpResponse<String> bad = http.get(query(from, to, "&after_token=garbage"));
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_token", SimHttp.json(bad).get("error").asText());
        assertEquals("Invalid pagination token", SimHttp.json(bad).get("msg").asText());

        // A real token, but for another range: not a cursor of this query.
        String other = SimHttp.json(http.get(query(from, to, "&limit=3")))
                .get("next_token")
                .asText();
        HttpResponse<String> foreign =
                http.get(query(from.plusSeconds(1), to, "&after_token=" + SimHttp.encode(other)));
        assertEquals(400, foreign.statusCode());
        assertEquals("invalid_token", SimHttp.json(foreign).get("error").asText());
    }

    @Test
    void aPageHoldsAtMost500() {
        SimHttp http = start(520, RateLimits.OFF);
        Instant from = sim.clock().now();
        sim.clock().advance(Duration.ofMinutes(10));
        JsonNode page = SimHttp.json(http.get(query(from, sim.clock().now(), "&limit=1000")));
        assertEquals(500, page.get("count").asInt());
        assertEquals(520, page.get("total").asInt());
        assertFalse(page.get("next_token").isNull());
        JsonNode defaults = SimHttp.json(http.get(query(from, sim.clock().now(), "")));
        assertEquals(100, defaults.get("count").asInt(), "100 by default");
    }

    @Test
    void chargesArePacedAtOneSecondLikeTheOtherRoutes() {
        SimHttp http = start(1, RateLimits.DOCUMENTED);
        Instant now = sim.clock().now();
        assertEquals(200, http.get(query(now.minusSeconds(60), now, "")).statusCode());
        HttpResponse<String> refused = http.get(query(now.minusSeconds(60), now, ""));
        assertEquals(429, refused.statusCode());
        assertEquals("API requests too frequent endpoint threshold=1.0", refused.body());
    }

    @Test
    void aDayWithAStopADestroyAndARentalIsBilledExactlyWhatTheCreditLost() {
        SimHttp http = start(3, RateLimits.OFF);
        List<SimInstance> seeded = sim.state().instances();
        SimInstance stopped = seeded.get(0);
        SimInstance destroyed = seeded.get(1);
        SimInstance running = seeded.get(2);
        Instant dayStart = sim.clock().now();
        double creditBefore = sim.state().credit();

        sim.clock().advance(Duration.ofHours(2));
        http.put("/api/v0/instances/" + stopped.id() + "/", Map.of("state", "stopped"));
        sim.clock().advance(Duration.ofHours(3));
        http.delete("/api/v0/instances/" + destroyed.id() + "/");
        long rented = SimHttp.json(http.put(
                        "/api/v0/asks/" + sim.state().offers().get(0).id() + "/", Map.of("image", "x", "disk", 40)))
                .get("new_contract")
                .asLong();
        sim.clock().advance(Duration.ofHours(19));
        Instant dayEnd = sim.clock().now();
        double creditFall = creditBefore - sim.state().credit();

        JsonNode page = SimHttp.json(http.get(query(dayStart, dayEnd, "&limit=500")));
        Map<Long, JsonNode> byId = new HashMap<>();
        double billed = 0;
        for (JsonNode r : page.get("results")) {
            assertEquals("instance", r.get("type").asText());
            byId.put(r.get("metadata").get("instance_id").asLong(), r);
            billed += r.get("amount").asDouble();
        }
        assertEquals(
                Set.of(stopped.id(), destroyed.id(), running.id(), rented),
                byId.keySet(),
                "the destroyed instance is still billed for the part of the day it lived");
        assertEquals(creditFall, billed, 0.01, "the charges add up to the credit's fall within a cent");
        assertEquals(sim.state().totalBilled(), sim.state().chargedTotal(), 1e-9);

        Map<String, Double> stoppedItems = items(byId.get(stopped.id()));
        assertEquals(stopped.dphBase() * 2, stoppedItems.get("gpu"), 0.001, "GPU only until the stop");
        assertEquals(stopped.storageTotalCost() * 24, stoppedItems.get("disk"), 0.001, "disk all day, stopped or not");
        Map<String, Double> destroyedItems = items(byId.get(destroyed.id()));
        assertEquals(destroyed.storageTotalCost() * 5, destroyedItems.get("disk"), 0.001, "nothing after the destroy");
        Map<String, Double> rentedItems = items(byId.get(rented));
        assertNotNull(rentedItems.get("bwd"), "the image pull is billed as bandwidth down");
        assertTrue(byId.get(running.id())
                .get("items")
                .get(0)
                .get("description")
                .asText()
                .matches("\\d+\\.\\d{3} hours at \\$\\d+\\.\\d{3}/hour"));
    }

    @Test
    void aClientOnTheWallClockSeesChargesShiftedByTheSimulatorsLead() {
        SimHttp http = start(2, RateLimits.OFF);
        sim = restartUnshared(http);
        SimHttp wall = new SimHttp(sim);
        sim.clock().advance(Duration.ofHours(5));
        double billed = 0;
        // "The last 24 h" on the wall clock: simulated time ran 5 h ahead, and those 5 h are inside it.
        Instant now = Instant.now();
        JsonNode page = SimHttp.json(wall.get(query(now.minus(Duration.ofHours(24)), now, "")));
        for (JsonNode r : page.get("results")) {
            billed += r.get("amount").asDouble();
            assertTrue(r.get("end").asLong() <= Instant.now().getEpochSecond() + 1, "dates in the client's time");
        }
        assertEquals(sim.state().totalBilled(), billed, 0.01, "the demo's fast clock still shows every charge");
    }

    private VastSimulator restartUnshared(SimHttp unused) {
        sim.close();
        return VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(2)
                .withCredit(500)
                .withTimeScale(0));
    }

    private static Map<String, Double> items(JsonNode result) {
        Map<String, Double> sums = new HashMap<>();
        result.get("items")
                .forEach(i -> sums.merge(i.get("type").asText(), i.get("amount").asDouble(), Double::sum));
        return sums;
    }
}
