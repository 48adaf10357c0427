package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher ({@code target/image/bin/imggenhub-vast}) as a user runs it: a separate process with no
 * terminal, a C locale, and a home without any key, against an in-process simulator.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // runs the built launcher as processes
class LauncherIT {
    private static Path launcher;

    @TempDir
    Path home;

    private VastSimulator sim;
    /** JDK_JAVA_OPTIONS for the next run; none by default. */
    private String javaOptions;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void findLauncher() {
        String path = System.getProperty("imggenhub.launcher");
        assertTrue(
                path != null && Files.isExecutable(Path.of(path)),
                "build the image first (mvn package); imggenhub.launcher=" + path);
        launcher = Path.of(path);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("VAST") || k.startsWith("JDK_JAVA_OPTIONS") || k.startsWith("LC_"));
        env.put("HOME", home.toString());
        // No display: a run without a command must not leave a window open.
        env.remove("DISPLAY");
        if (javaOptions != null) {
            env.put("JDK_JAVA_OPTIONS", javaOptions);
        }
        // Java takes user.home from the password database, not HOME: keep the audit log out of the real one.
        env.put("IMGGENHUB_VAST_DATA", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        // A C locale makes Java's default charset ASCII: the ✓ must still arrive as UTF-8.
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher must never hang: " + command);
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private String[] connected(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", sim.baseUrl().toString(), "--api-key", sim.apiKey()));
        return all.toArray(String[]::new);
    }

    private List<SimInstance> alive() {
        return sim.state().instances().stream()
                .filter(i -> !sim.state().isDestroyed(i.id()))
                .toList();
    }

    @Test
    void sqliteLoadsItsNativeLibraryFromTheImageInsteadOfExtractingACopy() throws Exception {
        // -Xlog:library names every native library the JVM loads; the history store opens SQLite.
        javaOptions = "-Xlog:library=info";
        Run r = run("history");

        assertEquals(0, r.exit(), r.err());
        Path inImage = launcher.toRealPath().getParent().resolveSibling("lib").resolve("libsqlitejdbc.so");
        assertTrue(r.out().contains("Loaded library " + inImage + ","), r.out());
    }

    @Test
    void theWindowStartsFromTheAotCacheAndCommandsFromTheArchive() throws Exception {
        // The cache is trained under Xvfb at build time (src/build/aot/train-window.sh); a build on a machine with
        // neither Xvfb nor a display has none and is allowed to, unless CI says the X tools are installed.
        Path cache = launcher.toRealPath().getParent().resolveSibling("lib").resolve("window.aot");
        if (System.getenv("IMGGENHUB_REQUIRE_AOT_CACHE") == null) {
            Assumptions.assumeTrue(Files.exists(cache), "image built without Xvfb or a display: no AOT cache");
        }
        // AOTMode=on: the JVM refuses to start unless it maps the cache, i.e. the launcher names it and its
        // options (module graph included) are the ones it was trained with. Without a display the window then
        // stops at once, which is all this needs.
        javaOptions = "-XX:AOTMode=on -Xlog:aot=info";
        Run window = run();
        assertTrue(
                window.out().lines().anyMatch(l -> l.contains("Opened AOT cache ") && l.contains("window.aot")),
                window.out());
        assertFalse(window.out().contains("[error]"), window.out());

        javaOptions = "-Xlog:cds=info,aot=info";
        Run command = run("--version");
        assertEquals(0, command.exit(), command.err());
        assertFalse(command.out().contains("window.aot"), command.out());
        assertTrue(command.out().contains("lib/server/classes.jsa"), command.out());
    }

    @Test
    void loadsNativeLibrariesWithoutJdkWarnings() throws Exception {
        // JDK 25 prints four WARNING lines for every module that loads a native library without leave to, and for
        // the first use of sun.misc.Unsafe's memory access (JavaFX 21's renderer; not reached by a command).
        Run r = run("history");

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("WARNING"), r.err());
    }

    @Test
    void instancesPrintsTheTable() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        Run r = run(connected("instances"));

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Instance ID"), r.out());
        for (SimInstance i : alive()) {
            assertTrue(r.out().contains(String.valueOf(i.id())), r.out());
        }
        assertTrue(r.out().contains("Total: $"), r.out());
    }

    @Test
    void destroyAllWithYesDestroysEverythingAndPrintsUtf8() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(5));
        Run r = run(connected("destroy-all", "--yes"));

        assertEquals(0, r.exit(), r.err());
        assertEquals(
                5,
                r.out()
                        .lines()
                        .filter(l -> l.startsWith("✓ Destroyed instance "))
                        .count(),
                r.out());
        assertTrue(r.out().endsWith("\nDestroyed 5/5 instance(s)\n"), r.out());
        assertTrue(alive().isEmpty());
    }

    @Test
    void destroyWithoutATerminalOrYesRefusesAtOnce() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        long id = alive().get(0).id();
        Run r = run(connected("destroy", "--instance-id", String.valueOf(id)));

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: confirmation_required: "), r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void insufficientCreditDuringReserveCleansUpAndExitsThree() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        sim.state().setCredit(0);
        Run r = run(connected(
                "reserve",
                "--offer-id",
                String.valueOf(sim.state().offers().get(0).id()),
                "--force"));

        assertEquals(3, r.exit(), r.err());
        assertTrue(
                r.err().contains("[ERROR] Insufficient credit error detected. Destroying all instances..."), r.err());
        assertTrue(r.err().contains("[ERROR] All instances destroyed to prevent further costs."), r.err());
        // Credit at zero is met before renting (issue 10 §4): no rent is sent, the cleanup runs the same way.
        assertTrue(
                r.err().contains("[ERROR] Command failed: insufficient_credit: credit is $0.00 while 3 instances"),
                r.err());
        assertEquals(0, sim.count("PUT", "/api/v0/asks/"));
        assertTrue(alive().isEmpty());
    }

    @Test
    void offersJsonParsesWithoutAKey() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        Run r = run("offers", "--json", "--limit", "5", "--url", sim.baseUrl().toString());

        assertEquals(0, r.exit(), r.err());
        JsonNode offers = Json.mapper().readTree(r.out());
        assertEquals(5, offers.size());
    }

    @Test
    void badInputExitsTwoWithoutARequest() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults());
        Run r = run(connected("destroy", "--instance-id", "-1", "--yes"));

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: usage: "), r.err());
        assertEquals(0, sim.requests().size());
    }
}
