package io.imggenhub.vast.cli;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Build-time only: the workload whose loaded classes go into the image's class-data-sharing archive (see the pom).
 * It runs the usual commands, their JSON and error paths, against an in-process simulator, so the archive holds
 * what a real command loads (picocli, Jackson, the HTTP client, TLS set-up) without needing a network. The
 * window's classes cannot be trained this way (the build has no display), so they are loaded by name from the list
 * given as the first argument, recorded once from a real window start: loading is all the archive needs.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        // The launcher's entry point is not run here (it would open the window), but its class belongs in the list.
        Class.forName("io.imggenhub.vast.Main");
        if (args.length > 0) {
            loadListed(Path.of(args[0]));
        }
        Path home = Files.createTempDirectory("imggenhub-cds");
        // A class-loading run, not a measurement: the simulator's limits and the client's pacing both shrink alike.
        System.setProperty(io.imggenhub.vast.api.Pacing.SCALE_PROPERTY, "0.01");
        try (VastSimulator sim =
                VastSimulator.start(SimulatorConfig.defaults().withInstances(30).withTimeScale(600))) {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            CliContext ctx = new CliContext(
                    sink,
                    sink,
                    new BufferedReader(new StringReader("")),
                    false,
                    Map.of("VAST_URL", sim.baseUrl().toString(), "VAST_API_KEY", sim.apiKey()),
                    home,
                    Clock.systemUTC(),
                    ZoneId.systemDefault(),
                    CliContext.CLI_DESTROYER,
                    Duration.ofMillis(50));
            String first = String.valueOf(sim.state().instances().get(0).id());
            String second = String.valueOf(sim.state().instances().get(1).id());
            String offer = String.valueOf(sim.state().offers().get(0).id());
            String[][] runs = {
                {"--help"},
                {"instances", "--help"},
                {"instances"},
                {"instances", "--json"},
                {"instances", "-q"},
                {"instances", "-v"},
                {"offers", "--limit", "5"},
                {"offers", "--json", "--gpu-name", "RTX 4090"},
                {"account"},
                {"account", "--json"},
                {"destroy", "--instance-id", first, "--yes"},
                {"reserve", "--offer-id", offer, "--wait", "30", "--force"},
                {"auto", "--max-hourly-price", "1", "--wait", "0", "--json", "--force"},
                {"guard", "set", "--instance-id", second, "--ttl", "1h"},
                {"guard", "list"},
                {"watch", "--once"},
                {"history"},
                {"history", "--json"},
                {"destroy-all", "--yes"},
                {"destroy", "--instance-id", "-1"},
                {"destroy-all"},
                {"instances", "--bogus"},
            };
            for (String[] run : runs) {
                VastCli.run(ctx, run);
            }
            sim.state().setCredit(0);
            sim.state().addInstance("RTX 4090", 1, 0.5, "training");
            VastCli.run(ctx, "reserve", "--offer-id", offer, "--wait", "0", "--force");
            VastCli.run(
                    ctx.withEnv(Map.of("VAST_URL", sim.baseUrl().toString(), "VAST_API_KEY", "0".repeat(64))),
                    "instances");
        }
    }

    /** Loads (without initialising) each class named in the file; names this runtime lacks are skipped. */
    static int loadListed(Path list) throws java.io.IOException {
        ClassLoader loader = CdsTraining.class.getClassLoader();
        int loaded = 0;
        for (String line : Files.readAllLines(list)) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Class.forName(name.replace('/', '.'), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // A class from an older recording, or one that only a real display can link: not worth failing for.
            }
        }
        return loaded;
    }
}
