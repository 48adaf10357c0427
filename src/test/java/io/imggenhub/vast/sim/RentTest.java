package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/v0/asks/{id}/}: the rent lifecycle in simulated time and its refusals. */
class RentTest {
    private VastSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(1)
                .withTimeScale(0)
                .withBootTime(Duration.ofSeconds(20)));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void rentBootsThroughCreatedLoadingRunning() {
        SimOffer offer = sim.state().offers().get(0);
        Map<String, Object> body = rentBody("lifecycle-test", null);
        HttpResponse<String> response = http.put("/api/v0/asks/" + offer.id() + "/", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = SimHttp.json(response);
        assertTrue(answer.get("success").asBoolean());
        long id = answer.get("new_contract").asLong();
        assertTrue(answer.get("instance_api_key").asText().matches("[0-9a-f]{64}"));

        JsonNode created = show(id);
        assertEquals("created", created.get("actual_status").asText());
        assertEquals("running", created.get("intended_status").asText());
        assertTrue(created.get("ssh_host").asText().endsWith(".vast.ai"));
        assertTrue(created.get("ssh_port").asInt() > 0);
        assertTrue(created.get("ports").isNull(), "no port map before running");
        assertTrue(created.get("public_ipaddr").isNull());
        assertEquals("lifecycle-test", created.get("label").asText());
        assertEquals(
                "ghcr.io/imggenhub/sdxl-worker:1.4.2", created.get("image_uuid").asText());
        assertEquals("echo hello", created.get("onstart").asText());
        assertEquals(
                List.of(List.of("-p 8081:8081", "1"), List.of("TZ", "UTC")),
                SimHttp.JSON.convertValue(created.get("extra_env"), List.class));
        assertEquals(
                offer.dphBase() + 20 * offer.storageCost() / 720.0,
                created.get("dph_total").asDouble(),
                1e-12);
        assertEquals(offer.numGpus(), created.get("num_gpus").asInt());
        assertEquals(offer.gpuName(), created.get("gpu_name").asText());

        sim.clock().advance(Duration.ofSeconds(6));
        assertEquals("loading", show(id).get("actual_status").asText());
        sim.clock().advance(Duration.ofSeconds(13));
        assertEquals("loading", show(id).get("actual_status").asText());
        sim.clock().advance(Duration.ofSeconds(2));
        JsonNode running = show(id);
        assertEquals("running", running.get("actual_status").asText());
        assertTrue(running.get("ports").has("22/tcp"));
        assertTrue(running.get("ports").has("8081/tcp"), "the -p flag is mapped");
        assertTrue(running.get("public_ipaddr").asText().endsWith("\n"));
    }

    @Test
    void aRentedOfferLeavesTheSearchAndCannotBeRentedTwice() {
        SimOffer offer = sim.state().offers().get(3);
        assertEquals(1, search(offer.id()).size());
        assertEquals(
                200,
                http.put("/api/v0/asks/" + offer.id() + "/", rentBody(null, null))
                        .statusCode());
        assertEquals(0, search(offer.id()).size());
        assertFalse(sim.state().offers().stream().anyMatch(o -> o.id() == offer.id()));

        HttpResponse<String> again = http.put("/api/v0/asks/" + offer.id() + "/", rentBody(null, null));
        assertEquals(404, again.statusCode());
        JsonNode body = SimHttp.json(again);
        assertFalse(body.get("success").asBoolean());
        assertEquals("invalid_args", body.get("error").asText());
        assertEquals(
                "error 404/3603: no_such_ask Instance type by id " + offer.id() + " is not available.",
                body.get("msg").asText());
        assertEquals(404, http.put("/api/v0/asks/1/", rentBody(null, null)).statusCode());
    }

    @Test
    void destroyingARentalListsTheMachineAgainUnderANewAskId() {
        SimOffer offer = sim.state().offers().get(0);
        long id = SimHttp.json(http.put("/api/v0/asks/" + offer.id() + "/", rentBody(null, null)))
                .get("new_contract")
                .asLong();
        int before = sim.state().offers().size();
        assertEquals(200, http.delete("/api/v0/instances/" + id + "/").statusCode());
        assertEquals(before + 1, sim.state().offers().size());
        assertFalse(sim.state().offers().stream().anyMatch(o -> o.id() == offer.id()), "an ask id is used once");
    }

    @Test
    void insufficientCreditIs400WithVastsBodyAndCreatesNothing() {
        sim.state().setCredit(0.0);
        int instances = sim.state().instances().size();
        SimOffer offer = sim.state().offers().get(0);
        HttpResponse<String> response = http.put("/api/v0/asks/" + offer.id() + "/", rentBody("x", null));
        assertEquals(400, response.statusCode());
        assertEquals("application/json", SimHttp.contentType(response));
        assertEquals(
                Map.of(
                        "success",
                        false,
                        "error",
                        "insufficient_credit",
                        "msg",
                        "Your account lacks credit; see the billing page."),
                SimHttp.JSON.convertValue(SimHttp.json(response), Map.class));
        assertEquals(instances, sim.state().instances().size());
        assertTrue(sim.state().offers().stream().anyMatch(o -> o.id() == offer.id()), "the offer stays available");

        sim.faults().insufficientCreditStatus(403);
        assertEquals(
                403,
                http.put("/api/v0/asks/" + offer.id() + "/", rentBody("x", null))
                        .statusCode());
        sim.faults().insufficientCreditAs200(true);
        HttpResponse<String> as200 = http.put("/api/v0/asks/" + offer.id() + "/", rentBody("x", null));
        assertEquals(200, as200.statusCode());
        assertFalse(SimHttp.json(as200).get("success").asBoolean());
        assertEquals("insufficient_credit", SimHttp.json(as200).get("error").asText());

        sim.state().setCredit(-0.03);
        sim.faults().insufficientCreditAs200(false).insufficientCreditStatus(400);
        assertEquals(
                400,
                http.put("/api/v0/asks/" + offer.id() + "/", rentBody("x", null))
                        .statusCode());
        sim.state().setCredit(0.01);
        assertEquals(
                200,
                http.put("/api/v0/asks/" + offer.id() + "/", rentBody("x", null))
                        .statusCode(),
                "any positive credit rents");
    }

    @Test
    void interruptibleBidsMustReachTheMinimumBid() {
        SimOffer offer = sim.state().offers().get(0);
        HttpResponse<String> low = http.put("/api/v0/asks/" + offer.id() + "/", rentBody(null, offer.minBid() / 2));
        assertEquals(400, low.statusCode());
        assertEquals("invalid_price", SimHttp.json(low).get("error").asText());

        double bid = offer.minBid() + 0.01;
        HttpResponse<String> ok = http.put("/api/v0/asks/" + offer.id() + "/", rentBody(null, bid));
        assertEquals(200, ok.statusCode());
        JsonNode row = show(SimHttp.json(ok).get("new_contract").asLong());
        assertTrue(row.get("is_bid").asBoolean());
        assertEquals(bid, row.get("dph_base").asDouble(), 1e-12);
    }

    @Test
    void badBodiesAreRefused() {
        SimOffer offer = sim.state().offers().get(0);
        assertEquals(
                400, http.put("/api/v0/asks/" + offer.id() + "/", "{not json").statusCode());
        Map<String, Object> longLabel = rentBody("x".repeat(300), null);
        assertEquals(
                400, http.put("/api/v0/asks/" + offer.id() + "/", longLabel).statusCode());
        assertNotNull(sim.state().offers().stream()
                .filter(o -> o.id() == offer.id())
                .findFirst()
                .orElse(null));
    }

    /** vast-api.md §3.4: an environment variable is its bare name; "-e KEY" never reaches the container as KEY. */
    @Test
    void anEnvKeyWithTheDockerFlagIsRefused() {
        SimOffer offer = sim.state().offers().get(0);
        Map<String, Object> body = rentBody("env", null);
        body.put("env", Map.of("-e PROMPT", "a cat"));
        HttpResponse<String> response = http.put("/api/v0/asks/" + offer.id() + "/", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_args", SimHttp.json(response).get("error").asText());
        assertEquals(1, sim.state().instances().size(), "nothing rented");
    }

    /** vast-api.md §3.4 input limits: disk at least 8 GB, an env entry at most 256 characters. */
    @Test
    void valuesOutsideVastsLimitsAreRefused() {
        SimOffer offer = sim.state().offers().get(0);
        Map<String, Object> small = rentBody("disk", null);
        small.put("disk", 4.0);
        assertEquals(400, http.put("/api/v0/asks/" + offer.id() + "/", small).statusCode());
        Map<String, Object> longEnv = rentBody("env", null);
        longEnv.put("env", Map.of("PROMPT", "x".repeat(257)));
        assertEquals(400, http.put("/api/v0/asks/" + offer.id() + "/", longEnv).statusCode());
        assertEquals(1, sim.state().instances().size(), "nothing rented");
    }

    private Map<String, Object> rentBody(String label, Double price) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("-p 8081:8081", "1");
        env.put("TZ", "UTC");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", "me");
        body.put("image", "ghcr.io/imggenhub/sdxl-worker:1.4.2");
        body.put("env", env);
        body.put("price", price);
        body.put("disk", 20.0);
        body.put("label", label);
        body.put("extra", null);
        body.put("onstart", "echo hello");
        body.put("runtype", "ssh_direc ssh_proxy");
        body.put("force", false);
        body.put("cancel_unavail", false);
        return body;
    }

    private JsonNode show(long id) {
        JsonNode row =
                SimHttp.json(http.get("/api/v0/instances/" + id + "/?owner=me")).get("instances");
        assertTrue(row.isObject(), "instance " + id + " exists");
        return row;
    }

    private JsonNode search(long offerId) {
        return SimHttp.json(http.post("/api/v0/bundles/", Map.of("id", Map.of("eq", offerId))))
                .get("offers");
    }
}
