package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6: a real CLI process whose {@code HOME} differs from its passwd home ({@code user.home}) keeps its
 * key, history and settings under {@code $HOME} and the XDG variables, as Vast's CLI does (vast-api.md §2), and
 * never writes into the other one.
 */
class HomeDirectoryTest {
    @TempDir
    Path home;

    @TempDir
    Path passwdHome;

    private CliProcess.Run cli(Map<String, String> extraEnv, String... args) throws Exception {
        return CliProcess.run(home, List.of("-Duser.home=" + passwdHome), extraEnv, args);
    }

    private List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void keyAndHistoryFollowHomeNotThePasswdEntry() throws Exception {
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(2))) {
            Path keyFile = home.resolve(".config/vastai/vast_api_key");
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, sim.apiKey() + "\n");

            CliProcess.Run instances = cli(Map.of("VAST_URL", sim.baseUrl().toString()), "instances");
            CliProcess.Run history = cli(Map.of(), "history");

            assertEquals(0, instances.exit(), instances.err());
            assertTrue(instances.out().contains("Total:"), instances.out());
            assertEquals(0, history.exit(), history.err());
            Path db = home.resolve(".local/share/imggenhub-vast/history.db");
            assertTrue(Files.exists(db), "history under $HOME: " + filesUnder(home));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())));
            assertEquals(List.of(), filesUnder(passwdHome), "nothing written into the passwd home");
        }
    }

    @Test
    void xdgDataHomeWinsOverHome() throws Exception {
        Path xdg = Files.createDirectories(home.resolve("xdg-data"));

        CliProcess.Run history = cli(Map.of("XDG_DATA_HOME", xdg.toString()), "history");

        assertEquals(0, history.exit(), history.err());
        assertTrue(
                Files.exists(xdg.resolve("imggenhub-vast/history.db")),
                filesUnder(home).toString());
        assertFalse(Files.exists(home.resolve(".local")));
        assertEquals(List.of(), filesUnder(passwdHome));
    }
}
