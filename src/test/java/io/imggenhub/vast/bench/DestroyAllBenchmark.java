package io.imggenhub.vast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Pacing;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.cli.CliContext;
import io.imggenhub.vast.cli.VastCli;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.AuditSink;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.sim.RateLimits;
import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time to stop billing under Vast's documented limits (vast-api.md §3.3, §5), at the real intervals (scale 1) and
 * 100 ms per request, in-process against the simulator. Not a test run by default; a measurement:
 * {@code mvn -B -ntp -o test -Dtest=DestroyAllBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results are printed and written to target/bench/destroy-all.txt (the table in docs/benchmarks.md comes from there).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES) // a measurement at Vast's real intervals
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DestroyAllBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path home;

    private String previousScale;

    /** Counts of one run, read from what the simulator received. */
    record Measured(
            String what,
            int exit,
            long left,
            long deletes,
            long lists,
            long rateLimited,
            Duration firstToLastDelete,
            Duration wall,
            long deleteRoundTrips) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "| %-52s | %6.2f s | %6.2f s | %3d | %4d | %3d | %3d | %2d | %d |",
                    what,
                    firstToLastDelete.toMillis() / 1000.0,
                    wall.toMillis() / 1000.0,
                    deletes,
                    lists,
                    rateLimited,
                    left,
                    deleteRoundTrips,
                    exit);
        }
    }

    private void useScale(double scale) {
        previousScale =
                previousScale == null ? String.valueOf(System.getProperty(Pacing.SCALE_PROPERTY)) : previousScale;
        System.setProperty(Pacing.SCALE_PROPERTY, String.valueOf(scale));
    }

    @AfterEach
    void restoreScale() {
        if (previousScale != null && !"null".equals(previousScale)) {
            System.setProperty(Pacing.SCALE_PROPERTY, previousScale);
        }
    }

    private VastSimulator simulator(int instances, RateLimits limits) {
        VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults()
                .withInstances(instances)
                .withRateLimits(limits)
                .withRateLimitScale(1.0));
        sim.faults().latency(LATENCY);
        return sim;
    }

    private int cli(VastSimulator sim, String... args) {
        CliContext ctx = new CliContext(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                new BufferedReader(new StringReader("")),
                false,
                Map.of(
                        "VAST_URL",
                        sim.baseUrl().toString(),
                        "VAST_API_KEY",
                        sim.apiKey(),
                        "IMGGENHUB_VAST_DATA",
                        home.toString()),
                home,
                Clock.systemUTC(),
                ZoneOffset.UTC,
                CliContext.CLI_DESTROYER,
                Duration.ofSeconds(2));
        return VastCli.run(ctx, args);
    }

    private static Measured measure(String what, VastSimulator sim, Instant started, Instant ended, int exit) {
        return measure(what, sim, started, ended, exit, null);
    }

    /** @param from where the clock starts (null: the first request) */
    private static Measured measure(
            String what, VastSimulator sim, Instant started, Instant ended, int exit, Instant from) {
        List<RecordedRequest> all = sim.requests();
        List<RecordedRequest> deletes =
                all.stream().filter(r -> r.method().equals("DELETE")).toList();
        Instant first = from != null
                ? from
                : all.stream()
                        .map(RecordedRequest::at)
                        .min(Comparator.naturalOrder())
                        .orElse(started);
        Instant lastDelete = deletes.stream()
                .map(RecordedRequest::answeredAt)
                .max(Comparator.naturalOrder())
                .orElse(first);
        long left = sim.state().instances().stream()
                .filter(i -> !sim.state().isDestroyed(i.id()))
                .count();
        long lists = all.stream()
                .filter(r -> r.method().equals("GET") && r.path().contains("/api/v1/instances"))
                .count();
        long limited = all.stream().filter(r -> r.status() == 429).count();
        return new Measured(
                what,
                exit,
                left,
                deletes.size(),
                lists,
                limited,
                Duration.between(first, lastDelete),
                Duration.between(started, ended),
                deletes.size());
    }

    private Measured destroyAllCli(String what, int instances, RateLimits limits) {
        try (VastSimulator sim = simulator(instances, limits)) {
            Instant started = Instant.now();
            int exit = cli(sim, "destroy-all", "--yes");
            return measure(what, sim, started, Instant.now(), exit);
        }
    }

    private Measured emergencyCleanup(int instances) {
        try (VastSimulator sim = simulator(instances, RateLimits.DOCUMENTED)) {
            sim.state().setCredit(0);
            long offer = sim.state().offers().get(0).id();
            Instant started = Instant.now();
            int exit = cli(sim, "reserve", "--offer-id", String.valueOf(offer), "--force");
            // The cleanup starts when Vast's refusal of the rent arrives.
            Instant refused = sim.requests().stream()
                    .filter(r -> r.method().equals("PUT"))
                    .map(RecordedRequest::answeredAt)
                    .findFirst()
                    .orElseThrow();
            return measure(
                    "emergency cleanup of " + instances + " (from the refused rent)",
                    sim,
                    started,
                    Instant.now(),
                    exit,
                    refused);
        }
    }

    /** The window's Destroy All: it holds the fleet, so from the confirm click it sends the bulk requests at once. */
    private Measured window(int instances) {
        try (VastSimulator sim = simulator(instances, RateLimits.DOCUMENTED)) {
            VastClient client = new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "bench"))
                    .withPacing(Pacing.documented(1.0)));
            List<Instance> table = client.listInstances();
            sim.clearRequests();
            Destroyer destroyer = new Destroyer(client, CliContext.CLI_DESTROYER, AuditSink.NONE, Clock.systemUTC());
            // The table was read a while ago; the click comes later, as a person's would.
            sleepQuietly(Duration.ofSeconds(3));
            Instant click = Instant.now();
            DestroyReport report = destroyer.destroyEverything(table, "bench", DestroyListener.NONE);
            Measured m = measure(
                    "window Destroy All, " + instances + " instances (from the click)",
                    sim,
                    click,
                    Instant.now(),
                    report.allStopped() ? 0 : 1);
            List<RecordedRequest> all = sim.requests();
            Instant lastDelete = all.stream()
                    .filter(r -> r.method().equals("DELETE"))
                    .map(RecordedRequest::answeredAt)
                    .max(Comparator.naturalOrder())
                    .orElse(click);
            long before = all.stream()
                    .filter(r -> r.method().equals("DELETE") && !r.at().isAfter(lastDelete))
                    .count();
            return new Measured(
                    m.what(),
                    m.exit(),
                    m.left(),
                    m.deletes(),
                    m.lists(),
                    m.rateLimited(),
                    Duration.between(click, lastDelete),
                    m.wall(),
                    before);
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(Measured m) {
        System.out.println(m.line());
        REPORT.add(m.line());
    }

    @Test
    void timeToStopBilling() throws Exception {
        useScale(1.0);
        // Warm-up: class loading and the JIT, not part of any number.
        destroyAllCli("warm-up", 30, RateLimits.OFF);
        REPORT.add("| run | first request → last DELETE answered | wall (incl. verify) | DELETEs | list GETs | 429s"
                + " | left | DELETE round trips | exit |");
        REPORT.add("|---|---|---|---|---|---|---|---|---|");

        Measured documented =
                destroyAllCli("destroy-all, 100 instances, documented limits (strict)", 100, RateLimits.DOCUMENTED);
        report(documented);
        assertEquals(0, documented.left());
        Measured forty =
                destroyAllCli("destroy-all, 40 instances, documented limits (strict)", 40, RateLimits.DOCUMENTED);
        report(forty);
        Measured cleanup = emergencyCleanup(40);
        report(cleanup);
        assertEquals(0, cleanup.left());
        Measured windowRun = window(100);
        report(windowRun);
        assertEquals(0, windowRun.left());

        // No limits anywhere: the server has none and the client does not pace (scale ~0).
        useScale(0.000001);
        Measured free = destroyAllCli("destroy-all, 100 instances, no limits", 100, RateLimits.OFF);
        report(free);
        double oneAtATime = (100 + 4) * LATENCY.toMillis();
        String speedup = String.format(
                Locale.ROOT,
                "No limits: %.2f s from first request to last DELETE answered = %.1fx faster than one at a time"
                        + " (100 DELETEs + 4 list pages at %d ms = %.1f s)",
                free.firstToLastDelete().toMillis() / 1000.0,
                oneAtATime / free.firstToLastDelete().toMillis(),
                LATENCY.toMillis(),
                oneAtATime / 1000.0);
        System.out.println(speedup);
        REPORT.add("");
        REPORT.add(speedup);

        Path file = Path.of("target", "bench", "destroy-all.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, REPORT);
    }
}
