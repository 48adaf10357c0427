package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import org.junit.jupiter.api.Test;

/**
 * A client of a plain-http loopback server skips the JVM's TLS set-up (a start-up cost, see bench/cli-startup.sh)
 * and still talks to it; the stand-in context can never carry TLS traffic.
 */
class NoTlsContextTest {
    @Test
    void plainHttpClientListsTheSimulatorsInstances() {
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3))) {
            assertEquals(
                    3,
                    VastClientTest.clientFor(sim, sim.apiKey()).listInstances().size());
        }
    }

    @Test
    void refusesToMakeATlsEngineOrSocket() {
        NoTlsContext context = new NoTlsContext();
        assertThrows(UnsupportedOperationException.class, context::createSSLEngine);
        assertThrows(UnsupportedOperationException.class, () -> context.createSSLEngine("console.vast.ai", 443));
        assertThrows(UnsupportedOperationException.class, context::getSocketFactory);
    }
}
