package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A damaged history file never stops the window: it watches the account and says in a banner what is wrong. */
@ExtendWith(ApplicationExtension.class)
class DataWarningTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(2))
            .connection(DataWarningTest::brokenHistoryFile);

    /** A connection whose local data directory holds a history file that is not a SQLite database. */
    private static Connection brokenHistoryFile(WindowFixture f) {
        Path dataDir = f.home().resolve("data");
        try {
            Files.createDirectories(dataDir);
            Files.write(
                    dataDir.resolve("history.db"),
                    "this is not a SQLite database, not even close...."
                            .repeat(40)
                            .getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppEnvironment env = new AppEnvironment(
                Map.of(
                        "IMGGENHUB_VAST_DATA",
                        dataDir.toString(),
                        "VAST_URL",
                        f.sim().baseUrl().toString(),
                        "VAST_API_KEY",
                        f.sim().apiKey(),
                        "XDG_CONFIG_HOME",
                        f.home().resolve("config").toString()),
                f.home());
        return Connection.open(env, UiSettings.defaults());
    }

    @Test
    void aDamagedHistoryFileIsABannerAndTheAccountIsStillWatched(FxRobot robot) {
        assertFalse(ui.window().session().connection().isDemo());
        assertTrue(ui.window().session().connection().dataWarning().isPresent());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);
        String banner = allText(robot, "#banner-local-data");
        assertTrue(banner.contains("History and audit log are not being saved"), banner);
        assertTrue(banner.contains("history.db"), "names the file: " + banner);
        assertFalse(ui.window().session().connection().data().durable(), "works in memory meanwhile");
        assertFalse(
                ui.window()
                        .session()
                        .connection()
                        .data()
                        .history()
                        .points(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60))
                        .isEmpty(),
                "polls are still recorded, in memory");
    }
}
