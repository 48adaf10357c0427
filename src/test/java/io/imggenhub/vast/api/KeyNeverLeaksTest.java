package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.OfferFilter;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Runs every operation, failures included, with FINE logging on and checks that the key shows up nowhere. */
class KeyNeverLeaksTest {

    @Test
    void keyAppearsInNoLogLineNoExceptionAndNoUrl() {
        List<String> seen = new ArrayList<>();
        Logger root = Logger.getLogger("io.imggenhub.vast");
        Level before = root.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(30))) {
            String key = sim.apiKey();
            VastClient client = new VastClient(new ClientSettings(
                    sim.baseUrl(),
                    new ApiKey(key, "test"),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(20), Duration.ofSeconds(2))));
            client.listInstances();
            client.currentUser();
            client.getInstance(sim.state().instances().get(0).id());
            client.destroyInstance(sim.state().instances().get(0).id());
            sim.faults().rateLimitNext(1);
            client.listInstances();
            sim.faults().malformedJsonNext(1);
            seen.add(messageOf(() -> client.currentUser()));
            sim.faults().serverErrorNext(1);
            seen.add(messageOf(client::listInstances));
            sim.state().setCredit(0);
            long offer =
                    client.searchOffers(OfferFilter.DEFAULT.toQuery(5)).get(0).id();
            seen.add(messageOf(() -> client.rent(offer, RentRequest.of("img", 10, "x"))));
            seen.add(client.toString());

            assertTrue(seen.size() > 5, "FINE logging captured the requests: " + seen);
            for (String line : seen) {
                assertFalse(line != null && line.contains(key), "key leaked into: " + line);
            }
            sim.requests().forEach(r -> assertFalse(String.valueOf(r.query()).contains(key), "key in URL " + r));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
            return "no error";
        } catch (VastException e) {
            return e.getMessage() + " / " + e;
        }
    }
}
