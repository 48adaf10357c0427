package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The restricted per-instance key a rental answers with, the on-instance watchdog, and a clock shared with clients. */
class InstanceKeyAndWatchdogTest {
    static final Duration BOOT = Duration.ofSeconds(20);
    static final String WATCHDOG_2H = "# imggenhub-vast watchdog ttl=7200\necho the script itself is not run\n";

    private VastSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // Raw requests back to back: this class is about other answers; RateLimitsTest covers the limits.
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.OFF)
                .withInstances(2)
                .withTimeScale(0)
                .withBootTime(BOOT)
                .withDestroyLinger(Duration.ofMinutes(5)));
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Rents the first free offer and returns {id, instance key}. */
    private String[] rent(String onstart) {
        SimOffer offer = sim.state().offers().get(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", "me");
        body.put("image", "pytorch/pytorch:latest");
        body.put("disk", 10.0);
        body.put("onstart", onstart);
        HttpResponse<String> response = http.put("/api/v0/asks/" + offer.id() + "/", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = SimHttp.json(response);
        return new String[] {
            answer.get("new_contract").asText(), answer.get("instance_api_key").asText()
        };
    }

    @Test
    void theInstanceKeyReachesItsOwnInstanceAndNothingElse() {
        String[] rented = rent(null);
        long id = Long.parseLong(rented[0]);
        String key = rented[1];
        assertEquals(Optional.of(key), sim.state().instanceApiKey(id));
        long other = sim.state().instances().get(0).id();

        HttpResponse<String> own = http.send("GET", "/api/v0/instances/" + id + "/", null, key);
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(id, SimHttp.json(own).get("instances").get("id").asLong());

        HttpResponse<String> list = http.send("GET", "/api/v1/instances/", null, key);
        assertEquals(403, list.statusCode());
        assertEquals("not_authorized", SimHttp.json(list).get("error").asText());
        assertEquals(403, http.send("GET", "/api/v0/users/current/", null, key).statusCode());
        assertEquals(
                403,
                http.send("GET", "/api/v0/instances/" + other + "/", null, key).statusCode());
        assertEquals(
                403,
                http.send("DELETE", "/api/v0/instances/" + other + "/", "{}", key)
                        .statusCode());
        assertEquals(
                403,
                http.send("DELETE", "/api/v0/instances/", "{\"instance_ids\": [" + other + "]}", key)
                        .statusCode());
        assertFalse(sim.state().isDestroyed(other), "another instance survives its neighbour's key");

        HttpResponse<String> destroy = http.send("DELETE", "/api/v0/instances/" + id + "/", "{}", key);
        assertEquals(200, destroy.statusCode(), destroy.body());
        assertTrue(sim.state().isDestroyed(id));
        assertEquals(Optional.of("instance-key"), sim.state().destroyedBy(id));
    }

    @Test
    void aWrongKeyIsStillRefusedAsBefore() {
        rent(null);
        assertEquals(
                401,
                http.send("GET", "/api/v1/instances/", null, "0".repeat(64)).statusCode());
        assertEquals(403, http.send("GET", "/api/v1/instances/", null, null).statusCode());
    }

    @Test
    void destroysAreToldApartByWhoAsked() {
        long byApi = sim.state().instances().get(0).id();
        long byConsole = sim.state().instances().get(1).id();
        assertEquals(200, http.delete("/api/v0/instances/" + byApi + "/").statusCode());
        assertTrue(sim.state().destroy(byConsole));
        assertEquals(Optional.of("api"), sim.state().destroyedBy(byApi));
        assertEquals(Optional.of("console"), sim.state().destroyedBy(byConsole));
        assertEquals(Optional.empty(), sim.state().destroyedBy(12345L));
    }

    @Test
    void theWatchdogDestroysItsInstanceOnceItHasRunForItsTtl() {
        long id = Long.parseLong(rent(WATCHDOG_2H)[0]);
        assertEquals(
                Optional.of(Duration.ofHours(2)),
                sim.state().instance(id).orElseThrow().watchdogTtl());

        // Its clock starts when the container first runs (after the boot), as onstart runs then.
        sim.clock().advance(BOOT.plus(Duration.ofHours(2)).minusSeconds(1));
        assertFalse(sim.state().isDestroyed(id), "one second before its TTL the instance still runs");
        double rateOthers =
                sim.state().burnRate() - sim.state().instance(id).orElseThrow().billedRate();

        sim.clock().advance(Duration.ofSeconds(2));
        assertTrue(sim.state().isDestroyed(id));
        assertEquals(Optional.of("watchdog"), sim.state().destroyedBy(id));
        assertEquals("destroyed", sim.state().instance(id).orElseThrow().actualStatus());

        // Billing stopped at the deadline: an hour later only the other instances have cost anything.
        double creditBefore = sim.state().credit();
        sim.clock().advance(Duration.ofHours(1));
        assertEquals(rateOthers, creditBefore - sim.state().credit(), 1e-9);
    }

    @Test
    void theWatchdogBillsExactlyUpToItsDeadlineEvenWhenTimeJumpsPastIt() {
        sim.state().instances().forEach(i -> sim.state().destroy(i.id()));
        long id = Long.parseLong(rent(WATCHDOG_2H)[0]);
        SimInstance rented = sim.state().instance(id).orElseThrow();
        double start = sim.state().credit();
        sim.clock().advance(Duration.ofHours(10));
        double billed = start - sim.state().credit();
        double boot = rented.storageTotalCost() * BOOT.dividedBy(4).toSeconds() / 3600.0
                + rented.dphTotal() * (BOOT.toSeconds() - BOOT.dividedBy(4).toSeconds()) / 3600.0
                + rented.imagePullCost();
        assertEquals(
                boot + rented.dphTotal() * 2,
                billed,
                1e-9,
                "boot (with its image pull), then two hours running, then nothing");
        assertEquals(Optional.of("watchdog"), sim.state().destroyedBy(id));
    }

    @Test
    void aStoppedInstanceIsDestroyedWhenItRunsAgainAfterItsDeadline() {
        long id = Long.parseLong(rent(WATCHDOG_2H)[0]);
        sim.clock().advance(BOOT.plus(Duration.ofMinutes(10)));
        assertEquals(
                200,
                http.put("/api/v0/instances/" + id + "/", Map.of("state", "stopped"))
                        .statusCode());
        sim.clock().advance(Duration.ofHours(3));
        assertFalse(sim.state().isDestroyed(id), "no script runs while the container is stopped");
        assertEquals(
                200,
                http.put("/api/v0/instances/" + id + "/", Map.of("state", "running"))
                        .statusCode());
        sim.clock().advance(BOOT);
        assertTrue(sim.state().isDestroyed(id), "the deadline is kept in a file, so the restart destroys at once");
        assertEquals(Optional.of("watchdog"), sim.state().destroyedBy(id));
    }

    @Test
    void withoutTheMarkerNothingSelfDestructs() {
        long id = Long.parseLong(rent("sleep 7200 && echo not our watchdog")[0]);
        sim.clock().advance(Duration.ofHours(5));
        assertFalse(sim.state().isDestroyed(id));
        assertEquals(Optional.empty(), sim.state().instance(id).orElseThrow().watchdogTtl());
    }

    @Test
    void aSharedClockSeesUnshiftedDatesAndMovesWithTheSimulator() {
        Clock clock = sim.shareClockWithClients();
        long id = sim.state().instances().get(0).id();
        Instant before = clock.instant();
        double startBefore = show(id).get("start_date").asDouble();
        sim.clock().advance(Duration.ofHours(3));
        assertEquals(Duration.ofHours(3), Duration.between(before, clock.instant()));
        assertEquals(startBefore, show(id).get("start_date").asDouble(), 1e-6, "start_date no longer moves");
        double uptime =
                clock.instant().getEpochSecond() - show(id).get("start_date").asDouble();
        assertEquals(show(id).get("duration").asDouble(), uptime, 1.0);
    }

    @Test
    void gpuUtilisationCanBeSetToMakeAnInstanceIdle() {
        long id = sim.state().instances().get(0).id();
        sim.state().setGpuUtil(id, 2.5);
        assertEquals(2.5, show(id).get("gpu_util").asDouble(), 1e-9);
        assertEquals(2.5, sim.state().instance(id).orElseThrow().gpuUtil(), 1e-9);
    }

    private JsonNode show(long id) {
        HttpResponse<String> response = http.get("/api/v0/instances/" + id + "/");
        assertEquals(200, response.statusCode(), response.body());
        return SimHttp.json(response).get("instances");
    }
}
