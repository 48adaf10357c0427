package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.FakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 item 7: small leaks and rough edges found by probing. */
class RoughEdgesTest extends SimTest {
    private static final String KEY = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";

    @TempDir
    Path tmp;

    /** A server that echoes the key into a typed field (vast-api.md §4: num_gpus is a number) must not get it printed. */
    @Test
    void verboseRedactsTheKeyInEveryCauseOfTheChain() {
        String page = "{\"success\": true, \"instances\": [{\"id\": 1, \"num_gpus\": \"" + KEY + "\"}],"
                + " \"next_token\": null}";
        try (FakeServer server = FakeServer.answering(r -> FakeServer.Answer.json(page))) {
            start();
            CliHarness.Result r = cli().env("VAST_URL", server.baseUrl().toString())
                    .env("VAST_API_KEY", KEY)
                    .run("instances", "-v");

            assertEquals(1, r.exit(), r.all());
            assertTrue(r.err().contains("Caused by"), "the -v stack trace is there: " + r.err());
            assertTrue(r.err().contains("****"), r.err());
            assertFalse(r.all().contains(KEY), "key printed: " + r.all());
            assertFalse(r.all().contains(KEY.substring(0, 24)), "part of the key printed: " + r.all());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"P999999999999D", "99999999999999999999d", "PT9999999999999999999H"})
    void anAbsurdlyLongHistoryPeriodIsAUsageErrorWithASentence(String since) {
        start();
        CliHarness.Result r = cli().run("history", "--since", since);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("Command failed: usage: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999d", "P999999999999D"})
    void anAbsurdlyLongKeepIsAUsageErrorAndSendsNothing(String length) {
        start();
        long id = alive().get(0).id();
        CliHarness.Result r = cli().run("guard", "keep", "--instance-id", String.valueOf(id), "--for", length);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("at most"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, sim.requests().size());
    }

    /**
     * sqlite-jdbc deletes other processes' old native libraries from the shared temp folder on start and logs a
     * SEVERE stack trace when it cannot (another user's file). A directory stands in for the undeletable file, since
     * this test may run as root.
     */
    @Test
    void historyPrintsNoSqliteNativeLibraryNoise() throws Exception {
        Path sharedTmp = Files.createDirectories(tmp.resolve("shared-tmp"));
        Path stale = Files.createDirectories(
                sharedTmp.resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-stale-libsqlitejdbc.so"));
        Files.writeString(stale.resolve("busy"), "someone else's");
        Path userHome = Files.createDirectories(tmp.resolve("home"));

        CliProcess.Run r = CliProcess.run(userHome, List.of("-Djava.io.tmpdir=" + sharedTmp), Map.of(), "history");

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("native lib"), r.err());
        assertFalse(r.err().contains("SEVERE"), r.err());
    }
}
