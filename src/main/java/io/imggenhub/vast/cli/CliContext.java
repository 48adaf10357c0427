package io.imggenhub.vast.cli;

import io.imggenhub.vast.config.UserDirs;
import io.imggenhub.vast.core.Deployer;
import io.imggenhub.vast.core.Destroyer;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything a command takes from the world outside: where it writes, what it reads, the environment, whether a
 * person is at a terminal, the clock, and the pacing of destroys and waits. Commands never reach for
 * {@code System.getenv()} or {@code System.console()} themselves, so tests can drive every path in-process.
 *
 * @param interactive    a person can answer a confirmation prompt on {@code in}
 * @param home           where {@code ~/.config/vastai/vast_api_key} and {@code ~/.vast_api_key} are looked up
 * @param pollInterval   the pause between looks at a starting instance
 * @param lostAnswerSearch how long, and how often, a rent whose answer was lost is looked for
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        boolean interactive,
        Map<String, String> env,
        Path home,
        Clock clock,
        ZoneId zone,
        Destroyer.Settings destroyerSettings,
        Duration pollInterval,
        Deployer.LostAnswerSearch lostAnswerSearch) {

    /**
     * For people at a command line: up to 8 sends of a failing request, the whole run over within 3 minutes (a
     * report then says what is still billing), verification by listing for up to a minute, as often as Vast's
     * list limit allows.
     */
    public static final Destroyer.Settings CLI_DESTROYER =
            new Destroyer.Settings(8, Duration.ofMinutes(3), Duration.ofSeconds(60), Duration.ofMillis(500));

    public CliContext {
        env = Map.copyOf(env);
        lostAnswerSearch = lostAnswerSearch == null ? Deployer.LostAnswerSearch.DEFAULT : lostAnswerSearch;
    }

    public CliContext(
            PrintWriter out,
            PrintWriter err,
            BufferedReader in,
            boolean interactive,
            Map<String, String> env,
            Path home,
            Clock clock,
            ZoneId zone,
            Destroyer.Settings destroyerSettings,
            Duration pollInterval) {
        this(
                out,
                err,
                in,
                interactive,
                env,
                home,
                clock,
                zone,
                destroyerSettings,
                pollInterval,
                Deployer.LostAnswerSearch.DEFAULT);
    }

    /** The real process: UTF-8 on stdout and stderr whatever the platform default, so ✓ and ✗ survive. */
    public static CliContext system() {
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        return new CliContext(
                out,
                err,
                in,
                System.console() != null,
                System.getenv(),
                UserDirs.home(System.getenv()),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                CLI_DESTROYER,
                Duration.ofSeconds(2));
    }

    public CliContext withInteractive(boolean interactive, BufferedReader in) {
        return new CliContext(
                out, err, in, interactive, env, home, clock, zone, destroyerSettings, pollInterval, lostAnswerSearch);
    }

    public CliContext withEnv(Map<String, String> env) {
        return new CliContext(
                out, err, in, interactive, env, home, clock, zone, destroyerSettings, pollInterval, lostAnswerSearch);
    }

    public CliContext withDestroyerSettings(Destroyer.Settings settings) {
        return new CliContext(
                out, err, in, interactive, env, home, clock, zone, settings, pollInterval, lostAnswerSearch);
    }

    public CliContext withLostAnswerSearch(Deployer.LostAnswerSearch search) {
        return new CliContext(
                out, err, in, interactive, env, home, clock, zone, destroyerSettings, pollInterval, search);
    }

    public CliContext withPollInterval(Duration interval) {
        return new CliContext(
                out, err, in, interactive, env, home, clock, zone, destroyerSettings, interval, lostAnswerSearch);
    }
}
