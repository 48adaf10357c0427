package io.imggenhub.vast.ui;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.imggenhub.vast.ui.UiTestSupport.allText;
import static io.imggenhub.vast.ui.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged history file never stops the window: it watches the account and says in a banner what is wrong. */
@ExtendWith(ApplicationExtension.class)
class DataWarningTest {
    @TempDir
    Path home;
    VastSimulator sim;
    MonitorWindow window;

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(2));
        Path dataDir = home.resolve("data");
        try {
            Files.createDirectories(dataDir);
            Files.write(dataDir.resolve("history.db"), "this is not a SQLite database, not even close....".repeat(40)
                    .getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppEnvironment env = new AppEnvironment(Map.of("IMGGENHUB_VAST_DATA", dataDir.toString(),
                "VAST_URL", sim.baseUrl().toString(), "VAST_API_KEY", sim.apiKey(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        Connection connection = Connection.open(env, UiSettings.defaults());
        window = UiTestSupport.open(stage, connection, home, UiSettings.defaults().withPollSeconds(600), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    @Test
    void aDamagedHistoryFileIsABannerAndTheAccountIsStillWatched(FxRobot robot) {
        assertFalse(window.session().connection().isDemo());
        assertTrue(window.session().connection().dataWarning().isPresent());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);
        String banner = allText(robot, "#banner-local-data");
        assertTrue(banner.contains("History and audit log are not being saved"), banner);
        assertTrue(banner.contains("history.db"), "names the file: " + banner);
        assertFalse(window.session().connection().data().durable(), "works in memory meanwhile");
        assertFalse(window.session().connection().data().history()
                .points(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60)).isEmpty(),
                "polls are still recorded, in memory");
    }
}
