package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.sim.VastSimulator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in this process against a simulator: captured stdout and stderr, an environment that
 * points at the simulator, no terminal unless asked for, and short pacing so tests stay fast.
 */
final class CliHarness {
    /** Fast but real: retries and verification still happen, only with short pauses. */
    static final Destroyer.Settings FAST =
            new Destroyer.Settings(6, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(50));

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private boolean interactive;
    private Destroyer.Settings destroyerSettings = FAST;
    private String input = "";
    private Clock clock = Clock.systemUTC();
    private java.time.ZoneId zone = ZoneOffset.UTC;
    private io.imggenhub.vast.core.Deployer.LostAnswerSearch lostAnswerSearch =
            new io.imggenhub.vast.core.Deployer.LostAnswerSearch(
                    Duration.ofSeconds(2), Duration.ofMillis(50), io.imggenhub.vast.core.Deployer.Sleeper.REAL);

    private CliHarness(Path home) {
        this.home = home;
    }

    /** Connected through VAST_URL and VAST_API_KEY, as a user's shell would be. */
    static CliHarness against(VastSimulator sim, Path home) {
        CliHarness h = new CliHarness(home);
        h.env.put("VAST_URL", sim.baseUrl().toString());
        h.env.put("VAST_API_KEY", sim.apiKey());
        return h;
    }

    /** Only the server; no key anywhere (the home directory has no key file either). */
    static CliHarness withoutKey(VastSimulator sim, Path home) {
        CliHarness h = new CliHarness(home);
        h.env.put("VAST_URL", sim.baseUrl().toString());
        return h;
    }

    /** A person at a terminal who will type {@code answer}. */
    CliHarness atTerminal(String answer) {
        interactive = true;
        input = answer;
        return this;
    }

    /** The pacing of destroys, for tests about backing off (FAST backs off for only a few milliseconds). */
    CliHarness destroyerSettings(Destroyer.Settings settings) {
        destroyerSettings = settings;
        return this;
    }

    /** The clock commands read (e.g. the simulator's shared clock, so guards and billing move together). */
    CliHarness clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How long a lost rent answer is looked for (real time, short pauses). */
    CliHarness lostAnswerSearch(Duration window) {
        lostAnswerSearch = new io.imggenhub.vast.core.Deployer.LostAnswerSearch(
                window, Duration.ofMillis(50), io.imggenhub.vast.core.Deployer.Sleeper.REAL);
        return this;
    }

    /** The user's time zone (daily caps count calendar days in it). */
    CliHarness zone(java.time.ZoneId zone) {
        this.zone = zone;
        return this;
    }

    CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new BufferedReader(new StringReader(input)),
                interactive,
                env,
                home,
                clock,
                zone,
                destroyerSettings,
                Duration.ofMillis(50),
                lostAnswerSearch);
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = context(out, err);
        int exit = VastCli.run(ctx, args);
        return new Result(exit, out.toString(), err.toString());
    }
}
