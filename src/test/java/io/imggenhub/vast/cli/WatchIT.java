package io.imggenhub.vast.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} as a service runs it: a separate process that SIGTERM stops cleanly between polls. */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // runs the built launcher as processes
class WatchIT {
    @TempDir
    Path home;

    private VastSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void sigtermStopsTheWatchCleanly() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        LauncherProcess p = LauncherProcess.start(
                home,
                home.resolve("data"),
                "watch",
                "--interval",
                "1s",
                "--url",
                sim.baseUrl().toString(),
                "--api-key",
                sim.apiKey());
        await().atMost(60, TimeUnit.SECONDS).until(() -> sim.count("GET", "/api/v1/instances/") >= 2);

        p.terminateJvm();

        assertTrue(p.process.waitFor(30, TimeUnit.SECONDS), "watch must stop on SIGTERM");
        String out = p.out.get();
        assertTrue(out.lines().findFirst().orElse("").contains(" Watching " + sim.baseUrl()), out);
        assertTrue(out.endsWith(" Stopped.\n"), out + p.err.get());
        assertTrue(!out.contains(sim.apiKey()) && !p.err.get().contains(sim.apiKey()), "the key is never printed");
    }
}
