package io.imggenhub.vast.ui.settings;

import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.TransportException;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A first start with no key: the demo account, badged DEMO, whose key shows nowhere; then "Connect real account…"
 * checks the key with a live call before saving it 0600 and switching to the real account.
 */
@ExtendWith(ApplicationExtension.class)
class DemoAndSettingsTest {
    static final String DEMO_KEY = "d".repeat(20) + "emo0" + "1".repeat(40);
    static VastSimulator real;

    @TempDir
    Path home;

    MonitorWindow window;
    Connection demo;

    @BeforeAll
    static void startRealAccount() {
        Platform.setImplicitExit(false);
        real = VastSimulator.start(SimulatorConfig.defaults().withInstances(2));
    }

    @AfterAll
    static void stopRealAccount() {
        real.close();
    }

    @Start
    void start(Stage stage) {
        demo = DemoAccount.start(SimulatorConfig.defaults()
                .withInstances(DemoAccount.INSTANCES)
                .withCredit(DemoAccount.CREDIT)
                .withTimeScale(DemoAccount.TIME_SCALE)
                .withApiKey(DEMO_KEY));
        window = UiTestSupport.open(stage, demo, home, UiSettings.defaults().withPollSeconds(600), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void theDemoIsBadgedAndItsKeyIsShownNowhere(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == DemoAccount.INSTANCES);
        assertTrue(find(robot, "#demo-badge").isPresent());
        assertTrue(fx(() -> window.stage().getTitle()).contains("DEMO"));
        String everything = fx(() ->
                allText(window.stage().getScene().getRoot()) + window.stage().getTitle());
        assertFalse(everything.contains(DEMO_KEY), "the simulator's key is not on screen");
        assertFalse(everything.contains(DEMO_KEY.substring(DEMO_KEY.length() - 4)), "not even its last four");
        assertTrue(fx(() -> window.session().monitor().creditProperty().get()) <= DemoAccount.CREDIT);
    }

    @Test
    void connectingARealAccountChecksTheKeyBeforeSavingIt(FxRobot robot) throws Exception {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == DemoAccount.INSTANCES);
        Path keyFile = UiTestSupport.environment(home).keys().keyFile();
        URI demoServer = demo.server();

        robot.clickOn("#connect");
        robot.interact(
                () -> ((TextInputControl) robot.lookup("#settings-server").query()).clear());
        UiTestSupport.typeInto(robot, "#settings-server", real.baseUrl().toString());
        UiTestSupport.typeInto(robot, "#settings-key", "0123456789abcdef0123456789abcdef");
        robot.clickOn("#settings-save");

        await().atMost(20, SECONDS).until(() -> String.valueOf(UiTestSupport.text(robot, "#settings-status"))
                .contains("rejected the key"));
        assertFalse(Files.exists(keyFile), "a rejected key is not saved");
        assertTrue(find(robot, "#demo-badge").isPresent(), "still the demo");

        robot.interact(() -> ((TextInputControl) robot.lookup("#settings-key").query()).clear());
        UiTestSupport.typeInto(robot, "#settings-key", real.apiKey());
        robot.clickOn("#settings-save");

        await().atMost(20, SECONDS).until(() -> find(robot, "#settings-dialog").isEmpty());
        await().atMost(20, SECONDS).until(() -> find(robot, "#demo-badge").isEmpty());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(real)));
        assertEquals(real.apiKey(), Files.readString(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertFalse(fx(() -> window.stage().getTitle()).contains("DEMO"));
        String settings = Files.readString(
                SettingsStore.forEnvironment(UiTestSupport.environment(home)).file());
        assertTrue(settings.contains(real.baseUrl().toString()), settings);
        assertFalse(settings.contains(real.apiKey()), "the key is not in the settings file");

        VastClient demoClient = new VastClient(ClientSettings.of(demoServer, new ApiKey(DEMO_KEY, "test")));
        assertThrows(TransportException.class, demoClient::currentUser, "the demo simulator was shut down");
    }

    private static String allText(Node node) {
        StringBuilder b = new StringBuilder();
        if (node instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            b.append(t.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> b.append(allText(child)));
        }
        return b.toString();
    }
}
