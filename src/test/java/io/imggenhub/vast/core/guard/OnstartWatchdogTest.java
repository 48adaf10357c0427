package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The onstart block's contents and rules; {@link WatchdogOnInstanceTest} runs it. */
class OnstartWatchdogTest {
    static final URI VAST = URI.create("https://console.vast.ai");

    @TempDir
    Path dir;

    @Test
    void theBlockStartsWithItsMarkerAndCallsBackWithTheInstanceKeyOnly() {
        String s = OnstartWatchdog.script(VAST, Duration.ofHours(2));
        assertTrue(s.startsWith("# imggenhub-vast watchdog ttl=7200\n"), s);
        assertTrue(s.endsWith("# end imggenhub-vast watchdog\n"), s);
        assertTrue(s.contains("U=\"https://console.vast.ai/api/v0/instances/$CONTAINER_ID/\""), s);
        assertTrue(s.contains("h=\"Authorization: Bearer $CONTAINER_API_KEY\""), s);
        assertTrue(s.contains("curl -fsS -m 30 -X \"$1\" -H \"$h\" \"$U\""), s);
        assertTrue(s.contains("wget -q -T 30 -O /dev/null --method=\"$1\" --header=\"$h\" \"$U\""), "wget fallback");
        assertTrue(s.contains("python3) python3 -c"), "python3 fallback (pytorch/pytorch has it)");
        assertTrue(s.contains("perl) perl -MHTTP::Tiny"), "perl fallback");
        assertTrue(s.contains("send DELETE"), s);
        assertTrue(s.contains("NOT ARMED"), "says so loudly when nothing can send");
        assertTrue(s.contains("send PUT"), "reports itself armed");
        assertTrue(s.contains("nohup sh "), "runs in the background so the user's onstart goes on");
        assertTrue(s.contains("for try in 1 2 3 4 5; do"), "retries");
        assertFalse(s.contains("VAST_API_KEY"), "never the account key");
        assertTrue(s.length() < 3000, "short enough to leave room in Vast's 4096 characters: " + s.length());
    }

    @Test
    void theAccountKeyNeverReachesTheRentRequest() {
        String accountKey = "f".repeat(64);
        RentRequest r =
                OnstartWatchdog.apply(RentRequest.of("pytorch/pytorch:latest", 20, "job"), VAST, Duration.ofHours(3));
        assertFalse(r.onstart().contains(accountKey));
        assertFalse(r.env().toString().contains(accountKey));
        assertEquals("10800", r.env().get(OnstartWatchdog.ENV_TTL));
        assertEquals("job", r.label());
        assertEquals(Optional.of(Duration.ofHours(3)), OnstartWatchdog.ttlOf(r.onstart()));
    }

    @Test
    void theServerMustBeHttpsExceptOnLoopback() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OnstartWatchdog.script(URI.create("http://vast.example.com"), Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("use https"), e.getMessage());
        assertTrue(OnstartWatchdog.script(URI.create("http://127.0.0.1:8123"), Duration.ofHours(1))
                .contains("U=\"http://127.0.0.1:8123/api/v0/instances/$CONTAINER_ID/\""));
        assertTrue(
                OnstartWatchdog.script(URI.create("https://console.vast.ai/api/v0/"), Duration.ofHours(1))
                        .contains("U=\"https://console.vast.ai/api/v0/instances/"),
                "an old .../api/v0/ base is normalised");
        assertThrows(
                IllegalArgumentException.class,
                () -> OnstartWatchdog.script(URI.create("https://host/a$b"), Duration.ofHours(1)),
                "a $ would be expanded by the shell");
        assertThrows(IllegalArgumentException.class, () -> OnstartWatchdog.script(null, Duration.ofHours(1)));
    }

    @Test
    void theTtlIsAtLeastAMinuteAndRoundedUpToWholeSeconds() {
        assertEquals(
                "The watchdog lifetime must be at least 1 min, not 30 s",
                assertThrows(IllegalArgumentException.class, () -> OnstartWatchdog.script(VAST, Duration.ofSeconds(30)))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnstartWatchdog.script(VAST, null));
        assertTrue(OnstartWatchdog.script(VAST, Duration.ofMillis(90_500)).startsWith(OnstartWatchdog.MARKER + "91\n"));
    }

    @Test
    void itGoesInFrontOfTheUsersOnstartAndReplacesAnEarlierOne() {
        String user = "pip install diffusers\npython serve.py &\n";
        String once = OnstartWatchdog.compose(user, VAST, Duration.ofHours(1));
        assertTrue(once.startsWith(OnstartWatchdog.MARKER + "3600\n"));
        assertTrue(once.endsWith(OnstartWatchdog.END_MARKER + "\n" + user), once);
        String twice = OnstartWatchdog.compose(once, VAST, Duration.ofHours(2));
        assertEquals(
                1,
                Pattern.compile(Pattern.quote(OnstartWatchdog.MARKER))
                        .matcher(twice)
                        .results()
                        .count());
        assertEquals(Optional.of(Duration.ofHours(2)), OnstartWatchdog.ttlOf(twice));
        assertEquals(user, OnstartWatchdog.strip(twice));
        assertEquals("", OnstartWatchdog.strip(null));
        assertEquals(
                OnstartWatchdog.script(VAST, Duration.ofHours(1)),
                OnstartWatchdog.compose(null, VAST, Duration.ofHours(1)));
    }

    @Test
    void vastsOnstartLimitIsRespected() {
        String huge = "echo x\n".repeat(500);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> OnstartWatchdog.compose(huge, VAST, Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("Vast accepts at most 4096"), e.getMessage());
    }

    @Test
    void aListedInstanceShowsItsWatchdogFromItsOnstartOrItsEnvironment() {
        String onstart = OnstartWatchdog.compose("echo hi", VAST, Duration.ofMinutes(90));
        assertEquals(Optional.of(Duration.ofMinutes(90)), OnstartWatchdog.ttlOf(instance(onstart, List.of())));
        assertEquals(
                Optional.of(Duration.ofMinutes(90)),
                OnstartWatchdog.ttlOf(instance(null, List.of(List.of("-e " + OnstartWatchdog.ENV_TTL, "5400")))),
                "onstart left out of the row");
        assertEquals(
                Optional.empty(),
                OnstartWatchdog.ttlOf(instance("echo replaced", List.of(List.of(OnstartWatchdog.ENV_TTL, "5400")))),
                "the script was replaced");
        assertEquals(Optional.empty(), OnstartWatchdog.ttlOf(instance(null, List.of())));
        assertEquals(
                Optional.empty(),
                OnstartWatchdog.ttlOf("sleep 100 # imggenhub-vast watchdog ttl=5"),
                "only a marker on its own line counts");
    }

    @Test
    void theBlockIsValidPosixSh() throws Exception {
        String script = OnstartWatchdog.compose("echo user", VAST, Duration.ofHours(1));
        Path file = dir.resolve("onstart.sh");
        Files.writeString(file, script);
        boolean checked = false;
        for (String shell : List.of("/bin/sh", "/bin/dash", "/bin/bash")) {
            if (Files.isExecutable(Path.of(shell))) {
                Process p = new ProcessBuilder(shell, "-n", file.toString())
                        .redirectErrorStream(true)
                        .start();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                assertEquals(
                        0,
                        p.exitValue(),
                        shell + ": " + new String(p.getInputStream().readAllBytes()));
                checked = true;
            }
        }
        assumeTrue(checked, "no shell to check the syntax with");
    }

    private static Instance instance(String onstart, List<List<String>> env) {
        return InstanceBuilder.running(1, 0.4).onstart(onstart).extraEnv(env).build();
    }
}
