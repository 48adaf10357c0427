package io.imggenhub.vast.bench;

import io.imggenhub.vast.cli.CliContext;
import io.imggenhub.vast.cli.VastCli;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code destroy-all --yes} of 100 instances against the simulator at 100 ms per request, in-process, with the
 * CLI's real pacing. Not a test run by default; a measurement:
 * {@code mvn -B -ntp -Dtest=DestroyAllBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false test}.
 * Results are printed and written to target/bench/destroy-all.txt.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DestroyAllBenchmark {
    private static final int INSTANCES = 100;
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path home;

    record Measured(long wallMillis, long cpuMillis, int exit, long left, long deletes, long listings,
                    long rateLimited, String lastLine) {
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private Measured destroyAll(Destroyer.Settings settings, Double rateLimitPerSecond, int burst) {
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(INSTANCES))) {
            sim.faults().latency(LATENCY);
            if (rateLimitPerSecond != null) {
                sim.faults().rateLimit(rateLimitPerSecond, burst);
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                    new BufferedReader(new StringReader("")), false,
                    Map.of("VAST_URL", sim.baseUrl().toString(), "VAST_API_KEY", sim.apiKey()), home,
                    Clock.systemUTC(), ZoneOffset.UTC, settings, Duration.ofSeconds(2));
            long cpu = cpuMillis();
            long started = System.nanoTime();
            int exit = VastCli.run(ctx, "destroy-all", "--yes");
            long wall = (System.nanoTime() - started) / 1_000_000;
            cpu = cpuMillis() - cpu;
            long left = sim.state().instances().stream().filter(i -> !sim.state().isDestroyed(i.id())).count();
            List<String> lines = out.toString().lines().toList();
            return new Measured(wall, cpu, exit, left, sim.count("DELETE", "/api/v0/instances/"),
                    sim.count("GET", "/api/v1/instances/"), sim.faults().rateLimitedCount(),
                    lines.isEmpty() ? err.toString() : lines.get(lines.size() - 1));
        }
    }

    private static void report(String what, Measured m) {
        double sequential = INSTANCES * LATENCY.toMillis();
        String line = String.format(Locale.ROOT,
                "%-46s wall %5d ms (cpu %5d ms)  speedup vs %d x %d ms = %4.1fx  exit %d  left %d  DELETEs %d"
                        + "  list GETs %d  429s %d  (%s)",
                what, m.wallMillis(), m.cpuMillis(), INSTANCES, LATENCY.toMillis(), sequential / m.wallMillis(),
                m.exit(), m.left(), m.deletes(), m.listings(), m.rateLimited(), m.lastLine());
        System.out.println(line);
        REPORT.add(line);
    }

    @Test
    void destroyAllOfOneHundredInstances() throws Exception {
        // Warm-up runs: the first ones pay for class loading and the JIT (see the README for a cold launcher run).
        for (int i = 0; i < 3; i++) {
            destroyAll(CliContext.CLI_DESTROYER, null, 0);
        }
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Measured m = destroyAll(CliContext.CLI_DESTROYER, null, 0);
            report("destroy-all, 100 ms latency, run " + i, m);
            assertEquals(0, m.left());
            assertEquals(0, m.exit());
            walls.add(m.wallMillis());
        }
        walls.sort(Long::compare);
        String summary = String.format(Locale.ROOT, "median wall %d ms = %.1fx faster than %d x %d ms; best %d ms = %.1fx",
                walls.get(2), INSTANCES * LATENCY.toMillis() / (double) walls.get(2), INSTANCES, LATENCY.toMillis(),
                walls.get(0), INSTANCES * LATENCY.toMillis() / (double) walls.get(0));
        System.out.println(summary);
        REPORT.add(summary);

        Measured limited = destroyAll(CliContext.CLI_DESTROYER, 20.0, 10);
        report("destroy-all, 100 ms + rate limit 20/s burst 10", limited);
        assertEquals(0, limited.left());

        Destroyer.Settings oneAtATime = new Destroyer.Settings(1, CliContext.CLI_DESTROYER.maxAttempts(),
                CliContext.CLI_DESTROYER.initialBackoff(), CliContext.CLI_DESTROYER.verifyTimeout(),
                CliContext.CLI_DESTROYER.verifyInterval());
        Measured sequential = destroyAll(oneAtATime, null, 0);
        report("same code, one request at a time", sequential);

        Path file = Path.of("target", "bench", "destroy-all.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, REPORT);
    }
}
