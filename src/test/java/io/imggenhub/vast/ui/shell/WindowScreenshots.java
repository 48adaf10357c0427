package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.settings.Theme;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window screenshots of README.md and docs/desktop.md, taken headless from the real window against the
 * simulator. Runs only when asked:
 * {@code mvn -B -ntp -o test -Dtest=WindowScreenshots -Dscreenshots.dir=assets}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class WindowScreenshots {
    @TempDir
    Path home;

    VastSimulator sim;
    MonitorWindow window;
    Stage stage;

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(
                () -> java.util.List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide));
        if (sim != null) {
            sim.close();
        }
    }

    private void open(FxRobot robot, int instances, double credit, Theme theme, double width, double height) {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withInstances(instances)
                .withCredit(credit)
                .withBootTime(Duration.ZERO));
        robot.interact(() -> {
            window = UiTestSupport.open(
                    stage,
                    UiTestSupport.connectionTo(sim),
                    home,
                    UiSettings.defaults().withPollSeconds(600).withTheme(theme),
                    question -> true);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        await().atMost(60, SECONDS)
                .until(() -> tableIds(robot).size() == simIds(sim).size());
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        robot.interact(() -> {});
        WritableImage image = fx(() -> window.stage().getScene().snapshot(null));
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(dir);
        ImageIO.write(toBufferedImage(image), "png", dir.resolve(name).toFile());
    }

    /** What javafx-swing's SwingFXUtils.fromFXImage does for a snapshot, without shipping javafx.swing for it. */
    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        image.getPixelReader()
                .getPixels(0, 0, width, height, WritablePixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        return out;
    }

    @Test
    void defaultSizeLightAndDark(FxRobot robot) throws IOException {
        open(robot, 8, 40, Theme.LIGHT, 1320, 800);
        stopOne();
        shoot(robot, "window-1320x800.png");
        fxRun(() -> window.setTheme(Theme.DARK));
        shoot(robot, "window-dark.png");
    }

    @Test
    void smallAndLarge(FxRobot robot) throws IOException {
        open(robot, 8, 40, Theme.LIGHT, 1024, 700);
        stopOne();
        shoot(robot, "window-1024x700.png");
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        shoot(robot, "window-1920x1080.png");
    }

    @Test
    void twoHundredAfterTheEmergencyCleanup(FxRobot robot) throws IOException {
        open(robot, 200, 40, Theme.LIGHT, 1320, 800);
        sim.state().setCredit(0);
        robot.interact(() -> robot.lookup("#deploy-cheapest").queryButton().fire());
        await().atMost(120, SECONDS).until(() -> simIds(sim).isEmpty());
        await().atMost(60, SECONDS)
                .until(() -> window.session().banners().find("emergency").isPresent());
        await().atMost(60, SECONDS).until(() -> tableIds(robot).isEmpty());
        shoot(robot, "window-emergency-200.png");
    }

    @Test
    void theFilterInUse(FxRobot robot) throws IOException {
        open(robot, 40, 400, Theme.LIGHT, 1320, 800);
        robot.interact(() -> robot.lookup("#filter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("4090"));
        fxRun(() -> window.session().view().table().getSelectionModel().selectRange(0, 2));
        shoot(robot, "window-filter.png");
    }

    /** Guards: a lifetime guard already due warns with "Keep it" before it acts; others show in the Guard column. */
    @Test
    void guardsWarnBeforeTheyAct(FxRobot robot) throws IOException {
        open(robot, 8, 400, Theme.LIGHT, 1320, 800);
        java.util.List<Long> ids = simIds(sim);
        var guards = window.session().guards();
        fxRun(() -> {
            guards.save(ids.get(0), io.imggenhub.vast.core.guard.InstanceGuard.ttl(ids.get(0), Duration.ofHours(1)));
            guards.save(ids.get(2), io.imggenhub.vast.core.guard.InstanceGuard.ttl(ids.get(2), Duration.ofDays(30)));
            guards.save(ids.get(3), io.imggenhub.vast.core.guard.InstanceGuard.maxHourly(ids.get(3), 5.0));
        });
        fxRun(() -> window.session().refreshNow());
        await().atMost(60, SECONDS).until(() -> window.session()
                .banners()
                .find(io.imggenhub.vast.ui.guards.GuardViewModel.WARN_PREFIX + ids.get(0))
                .isPresent());
        shoot(robot, "window-guards.png");
    }

    /**
     * The History tab after a simulated working day on the simulator's own clock (shared with the window, so polls,
     * charges and the chart's time axis agree): one instance stopped, one destroyed, Vast's charges beside the
     * estimate.
     */
    @Test
    void historyWithCharges(FxRobot robot) throws IOException {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withInstances(5)
                .withCredit(120)
                .withTimeScale(0)
                .withDestroyLinger(Duration.ZERO));
        java.time.Clock clock = sim.shareClockWithClients();
        io.imggenhub.vast.store.LocalData data = io.imggenhub.vast.store.LocalData.inMemory();
        io.imggenhub.vast.config.ApiKey key = new io.imggenhub.vast.config.ApiKey(sim.apiKey(), "test");
        io.imggenhub.vast.ui.settings.Connection connection = new io.imggenhub.vast.ui.settings.Connection(
                new io.imggenhub.vast.core.VastServices(
                        new io.imggenhub.vast.api.VastClient(
                                io.imggenhub.vast.api.ClientSettings.of(sim.baseUrl(), key)),
                        io.imggenhub.vast.core.Destroyer.Settings.DEFAULT,
                        data.audit(),
                        clock),
                key,
                false,
                null,
                data);
        robot.interact(() -> {
            window = UiTestSupport.open(
                    stage,
                    connection,
                    home,
                    UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0),
                    question -> true);
            stage.setWidth(1320);
            stage.setHeight(860);
        });
        await().atMost(60, SECONDS).until(() -> tableIds(robot).size() == 5);
        java.util.List<Long> ids = simIds(sim);
        var client = new io.imggenhub.vast.api.VastClient(io.imggenhub.vast.api.ClientSettings.of(sim.baseUrl(), key));
        // Polled every 10 min for 4 h, the app closed for 4 h (the estimate misses them, Vast's charges do not),
        // then 2 h more; one instance stopped (it keeps paying disk), one destroyed (it stays in the list).
        for (int step = 1; step <= 37; step++) {
            if (step == 9) {
                client.setInstanceState(ids.get(1), false);
            }
            if (step == 18) {
                client.destroyInstance(ids.get(2));
            }
            int before = data.history()
                    .points(java.time.Instant.EPOCH, clock.instant().plusSeconds(1))
                    .size();
            sim.clock().advance(step == 25 ? Duration.ofHours(4) : Duration.ofMinutes(10));
            fxRun(() -> window.session().refreshNow());
            await().atMost(30, SECONDS)
                    .until(() -> data.history()
                                    .points(
                                            java.time.Instant.EPOCH,
                                            clock.instant().plusSeconds(1))
                                    .size()
                            > before);
        }
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#main-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel()
                    .select(tabs.getTabs().stream()
                            .filter(t -> "history-tab".equals(t.getId()))
                            .findFirst()
                            .orElseThrow());
        });
        await().atMost(30, SECONDS)
                .until(() -> UiTestSupport.allText(robot, "#history-view").contains("Billed by Vast")
                        && fx(() -> robot.lookup("#spend-per-instance")
                                        .queryAs(javafx.scene.control.TableView.class)
                                        .getItems()
                                        .size())
                                == 5);
        shoot(robot, "window-history-charges.png");
    }

    /** One stopped instance, through the API (vast-api.md §3.7), so the table shows a storage-only row. */
    private void stopOne() {
        long id = simIds(sim).get(1);
        new io.imggenhub.vast.api.VastClient(io.imggenhub.vast.api.ClientSettings.of(
                        sim.baseUrl(), new io.imggenhub.vast.config.ApiKey(sim.apiKey(), "test")))
                .setInstanceState(id, false);
        fxRun(() -> window.session().refreshNow());
        await().atMost(30, SECONDS)
                .until(() -> fx(() -> window.session()
                        .monitor()
                        .row(id)
                        .map(InstanceRow::storageOnly)
                        .orElse(false)));
    }
}
