package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.RateLimits;
import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's charges query against the simulator (vast-api.md §3.8): the day range always sent, every page read
 * through {@code next_token}, each page paced at the endpoint's 1 s so the simulator's documented limit never
 * answers 429, and a wrong key reported as an authentication failure (404 on this route).
 */
class ChargesClientTest {
    private VastSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void readsEveryPageWithTheRangeAndKeepsToTheOneSecondPacing() {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withRateLimits(RateLimits.DOCUMENTED)
                .withInstances(1100)
                .withCredit(10_000)
                .withTimeScale(0));
        sim.shareClockWithClients();
        VastClient client = VastClientTest.clientFor(sim, sim.apiKey());
        Instant from = sim.clock().now();
        sim.clock().advance(Duration.ofHours(1));

        List<Charge> charges = client.charges(from, sim.clock().now());

        assertEquals(1100, charges.size());
        assertEquals(1100, charges.stream().map(Charge::instanceId).distinct().count());
        double billed = charges.stream().mapToDouble(Charge::usd).sum();
        assertEquals(sim.state().totalBilled(), billed, 1100 * 0.0005 + 1e-9, "rounded to 3 decimals per result");
        Charge one = charges.get(0);
        assertNotNull(one.instanceId());
        assertTrue(one.usd(ChargeItem.Kind.GPU) > 0 && one.usd(ChargeItem.Kind.DISK) > 0);

        List<RecordedRequest> calls = sim.requests().stream()
                .filter(r -> r.path().startsWith("/api/v0/charges"))
                .toList();
        assertEquals(3, calls.size(), "500 + 500 + 100");
        calls.forEach(r ->
                assertTrue(r.query().contains("select_filters=") && r.query().contains("limit=500"), r.query()));
        assertTrue(calls.get(1).query().contains("after_token="));
        calls.forEach(r -> assertEquals(200, r.status(), "paced, never refused"));
        double interval = 1.0 * RateLimits.defaultScale();
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(
                    Duration.between(calls.get(i - 1).at(), calls.get(i).at()).toNanos() >= interval * 0.9e9,
                    "pages at least the documented interval apart");
        }
    }

    @Test
    void aWrongKeyIsAnAuthenticationFailure() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(1).withTimeScale(0));
        VastClient client = VastClientTest.clientFor(sim, "wrong-key-123");
        Instant now = sim.clock().now();
        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> client.charges(now.minusSeconds(3600), now));
        assertEquals(404, e.status());
        assertTrue(!e.getMessage().contains("wrong-key-123"));
    }
}
