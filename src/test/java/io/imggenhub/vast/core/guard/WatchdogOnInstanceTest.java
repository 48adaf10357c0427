package io.imggenhub.vast.core.guard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.OfferQuery;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.RentResult;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy path's watchdog end to end: rented through the client with the block in its onstart, the simulator
 * destroys the instance itself after its TTL with nobody polling; and the real script, run by a real shell,
 * destroys its instance over HTTP with the instance key (and only its own).
 */
class WatchdogOnInstanceTest {
    static final Duration BOOT = Duration.ofSeconds(20);

    GuardFixture f;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        f = new GuardFixture(SimulatorConfig.defaults()
                .withInstances(2)
                .withCredit(100)
                .withDestroyLinger(Duration.ofMinutes(1))
                .withBootTime(BOOT));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private RentResult rentWithWatchdog(Duration ttl, String userOnstart) {
        Offer offer = f.client.searchOffers(OfferQuery.rentable()).get(0);
        RentRequest request =
                RentRequest.of("pytorch/pytorch:latest", 10, "watched").withOnstart(userOnstart);
        return f.client.rent(offer.id(), OnstartWatchdog.apply(request, f.client.server(), ttl));
    }

    @Test
    void theSimulatedInstanceDestroysItselfAfterItsTtlWithNoAppRunning() {
        RentResult rented = rentWithWatchdog(Duration.ofHours(1), "python serve.py &");
        long id = rented.newContract();
        var listed = f.client.getInstance(id).orElseThrow();
        assertEquals(Optional.of(Duration.ofHours(1)), OnstartWatchdog.ttlOf(listed));
        assertTrue(listed.onstart().endsWith("python serve.py &"), "the user's onstart is kept");
        assertTrue(
                listed.extraEnv().contains(List.of(OnstartWatchdog.ENV_TTL, "3600")),
                listed.extraEnv().toString());

        // The app is closed: nobody polls, nobody evaluates guards.
        f.advance(BOOT.plus(Duration.ofHours(1)).minusSeconds(1));
        assertFalse(f.sim.state().isDestroyed(id));
        f.advance(Duration.ofSeconds(2));
        assertTrue(f.sim.state().isDestroyed(id));
        assertEquals(Optional.of("watchdog"), f.sim.state().destroyedBy(id), "told apart from a client destroy");
        assertFalse(f.client.getInstance(id).isPresent());
    }

    @Test
    void protectionShowsTheWatchdogAsTheBackstopOfTheLocalGuard() {
        long id = rentWithWatchdog(Duration.ofHours(2), null).newContract();
        var instance = f.client.getInstance(id).orElseThrow();
        assertEquals(
                Protection.Coverage.WATCHDOG_ONLY, f.engine.protection(instance).coverage());
        f.book.setInstanceGuard(InstanceGuard.ttl(id, Duration.ofHours(2)), f.now());
        Protection p = f.engine.protection(instance);
        assertEquals(Protection.Coverage.LOCAL_AND_WATCHDOG, p.coverage());
        assertFalse(p.localOnly());
        assertTrue(p.watchdogUnconfirmed(), "the container has not run yet, so nothing reported the watchdog armed");
        assertTrue(p.summary(f.zone).contains("watchdog unconfirmed 2 h"), p.summary(f.zone));

        // Once the container runs, the script reports itself armed through the label (vast-api.md §3.7).
        f.advance(BOOT.plusSeconds(1));
        var booted = f.client.getInstance(id).orElseThrow();
        assertEquals("watched" + OnstartWatchdog.ARMED_SUFFIX, booted.label());
        Protection armed = f.engine.protection(booted);
        assertFalse(armed.watchdogUnconfirmed());
        assertTrue(armed.summary(f.zone).contains("— watchdog 2 h"), armed.summary(f.zone));

        // With the app running, the local guard acts first (the watchdog's clock starts only when the container
        // runs, BOOT later) and leaves its reason in the audit log.
        f.poll();
        f.advance(Duration.ofHours(2).minus(BOOT.dividedBy(2)));
        // No poll saw it coming: this one warns ("Keep it"), the next one acts (issue 12).
        assertEquals(0, f.poll().actions().size());
        assertEquals(1, f.poll().actions().size());
        assertEquals(Optional.of("api"), f.sim.state().destroyedBy(id));
        assertEquals("guard:ttl", f.auditOf(id).get(0).reason());
    }

    @Test
    void theInstanceKeyCannotListTheAccountOrTouchAnotherInstance() {
        RentResult rented = rentWithWatchdog(Duration.ofHours(1), null);
        long other = f.sim.state().instances().get(0).id();
        VastClient asInstance =
                new VastClient(ClientSettings.of(f.sim.baseUrl(), new ApiKey(rented.instanceApiKey(), "instance")));
        assertEquals(
                403,
                assertThrows(VastException.class, asInstance::listInstances).status());
        assertEquals(
                403,
                assertThrows(VastException.class, () -> asInstance.destroyInstance(other))
                        .status());
        assertEquals(
                403, assertThrows(VastException.class, asInstance::currentUser).status());
        assertFalse(f.sim.state().isDestroyed(other));
        assertTrue(asInstance.getInstance(rented.newContract()).isPresent(), "it may read its own instance");
    }

    @Test
    void theRealScriptDestroysItsInstanceWithCurlAfterItsDeadline() throws Exception {
        assumeTrue(onPath("sh") && onPath("curl") && onPath("nohup"), "needs sh, curl and nohup");
        long id = rentWithWatchdog(Duration.ofHours(1), "echo user-part > \"$IMGGENHUB_VAST_WATCHDOG_DIR/user.txt\"")
                .newContract();
        // A restart after the deadline: the deadline file already says it has passed.
        Files.writeString(dir.resolve("imggenhub-vast-watchdog.deadline"), "1\n");
        runOnstart(id, System.getenv("PATH"));

        await().atMost(Duration.ofSeconds(30)).until(() -> f.sim.state().isDestroyed(id));
        assertEquals(Optional.of("instance-key"), f.sim.state().destroyedBy(id), "over HTTP with the instance key");
        assertEquals("user-part", Files.readString(dir.resolve("user.txt")).strip(), "the user's onstart ran on");
        assertFalse(Files.exists(dir.resolve("slept")));
        assertEquals(
                2,
                f.sim.state().instances().stream().filter(i -> !i.isDestroyed()).count(),
                "the other instances are untouched");
    }

    @Test
    void onFirstStartTheScriptSetsItsDeadlineSleepsTheTtlAndFallsBackToWget() throws Exception {
        assumeTrue(
                onPath("sh") && onPath("wget") && onPath("nohup") && onPath("date") && onPath("cat"),
                "needs sh, GNU wget, nohup, date and cat");
        long id = rentWithWatchdog(Duration.ofMinutes(90), null).newContract();
        // A PATH without curl, and a sleep that notes how long it was asked to sleep instead of sleeping.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("sh", "wget", "nohup", "date", "cat")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
        }
        Path sleep = bin.resolve("sleep");
        Files.writeString(sleep, "#!" + which("sh") + "\necho \"$1\" >> \"" + dir.resolve("slept") + "\"\n");
        assertTrue(sleep.toFile().setExecutable(true));
        long before = System.currentTimeMillis() / 1000;
        runOnstart(id, bin.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> f.sim.state().isDestroyed(id));
        assertEquals(Optional.of("instance-key"), f.sim.state().destroyedBy(id));
        long deadline = Long.parseLong(Files.readString(dir.resolve("imggenhub-vast-watchdog.deadline"))
                .strip());
        long after = System.currentTimeMillis() / 1000;
        assertTrue(deadline >= before + 5400 && deadline <= after + 5400, "deadline " + deadline);
        long slept =
                Long.parseLong(Files.readAllLines(dir.resolve("slept")).get(0).strip());
        assertTrue(slept > 5400 - 30 && slept <= 5400, "slept " + slept);
    }

    /**
     * Issue 11 item 3: pytorch/pytorch:latest may ship neither curl nor GNU wget. With only python3 the watchdog
     * still reports itself armed and destroys.
     */
    @Test
    void withoutCurlOrWgetPython3ReportsArmedAndDestroys() throws Exception {
        assumeTrue(onPath("python3"), "needs python3");
        assertDestroysWith("python3");
    }

    @Test
    void withoutCurlWgetOrPythonPerlReportsArmedAndDestroys() throws Exception {
        assumeTrue(onPath("perl") && perlHasHttpTiny(), "needs perl with HTTP::Tiny");
        assertDestroysWith("perl");
    }

    private void assertDestroysWith(String sender) throws Exception {
        long id = rentWithWatchdog(Duration.ofHours(1), null).newContract();
        Files.writeString(dir.resolve("imggenhub-vast-watchdog.deadline"), "1\n");
        Path bin = toolsOnly(List.of("sh", "nohup", "date", "cat", "sleep", sender));

        runOnstart(id, bin.toString());

        Path log = dir.resolve("imggenhub-vast-watchdog.log");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> f.sim.state().isDestroyed(id)
                        || Files.exists(log) && Files.readString(log).contains("destroy attempt 1"));
        assertTrue(f.sim.state().isDestroyed(id), () -> "not destroyed: " + read(log));
        assertEquals(Optional.of("instance-key"), f.sim.state().destroyedBy(id), "over HTTP with the instance key");
        assertTrue(
                Files.readString(dir.resolve("onstart.log")).contains("watchdog started with " + sender),
                Files.readString(dir.resolve("onstart.log")));
        assertTrue(read(log).contains("armed with " + sender), read(log));
        assertEquals(1L, f.sim.count("PUT", "/api/v0/instances/" + id + "/"), "the armed report");
    }

    /** With no way to send, the instance log says so loudly, nothing claims the watchdog, and nothing is sent. */
    @Test
    void withNothingToSendWithTheInstanceLogSaysNotArmedAndTheAppSaysUnconfirmed() throws Exception {
        long id = rentWithWatchdog(Duration.ofHours(1), null).newContract();
        Path bin = toolsOnly(List.of("sh", "nohup", "date", "cat", "sleep"));
        int before = f.sim.requests().size();

        runOnstart(id, bin.toString());

        String log = Files.readString(dir.resolve("onstart.log"));
        assertTrue(log.contains("imggenhub-vast watchdog NOT ARMED: no curl, GNU wget, python3 or perl"), log);
        assertEquals(before, f.sim.requests().size(), "nothing was sent");
        // The simulator models such an image: no report, no destroy, and the app keeps saying "unconfirmed".
        f.sim.state().muteWatchdog(id);
        f.advance(BOOT.plus(Duration.ofHours(2)));
        var listed = f.client.getInstance(id).orElseThrow();
        assertEquals("watched", listed.label());
        assertTrue(f.engine.protection(listed).watchdogUnconfirmed());
        assertFalse(f.sim.state().isDestroyed(id));
    }

    /** A PATH of symlinks to just these tools (a missing one is left out). */
    private Path toolsOnly(List<String> tools) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : tools) {
            if (which(tool) != null) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
            }
        }
        return bin;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean perlHasHttpTiny() throws Exception {
        Process p = new ProcessBuilder(which("perl"), "-MHTTP::Tiny", "-e", "1")
                .redirectErrorStream(true)
                .start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs the instance's onstart as Vast would, with the variables Vast injects into the container. */
    private void runOnstart(long id, String path) throws Exception {
        String onstart = f.sim.state().instance(id).orElseThrow().onstart();
        ProcessBuilder pb = new ProcessBuilder(which("sh"), "-c", onstart)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("onstart.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path);
        env.put("CONTAINER_ID", String.valueOf(id));
        env.put("CONTAINER_API_KEY", f.sim.state().instanceApiKey(id).orElseThrow());
        env.put("IMGGENHUB_VAST_WATCHDOG_DIR", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "onstart returns at once; the watchdog runs in the background");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("onstart.log")));
    }

    private static boolean onPath(String tool) {
        return which(tool) != null;
    }

    private static String which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            // A version manager's shim (pyenv) is a bash script that needs more than the tools linked here.
            if (Files.isExecutable(p) && !d.contains("/shims")) {
                return p.toString();
            }
        }
        return null;
    }
}
