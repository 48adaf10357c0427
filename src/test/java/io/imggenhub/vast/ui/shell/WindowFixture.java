package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.deploy.DeployPanel;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TestFX set-up the window tests share: a simulator on loopback, a temporary home, the monitor window on the
 * primary stage, and afterwards every pop-up, dialog and the window closed (one left showing would take the next
 * test's keys and clicks) and the simulator stopped. Register it with {@code @RegisterExtension} beside
 * {@code @ExtendWith(ApplicationExtension.class)}: as an instance field each test gets its own simulator; as a
 * static field the simulator (and, with {@link #homePerClass()}, the home) lives for the whole class while each
 * test still gets a fresh window.
 */
public final class WindowFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final SimulatorConfig config;
    private Function<WindowFixture, UiSettings> settings =
            f -> UiSettings.defaults().withPollSeconds(600);
    private Function<WindowFixture, Connection> connection = f -> UiTestSupport.connectionTo(f.sim);
    private Consumer<WindowFixture> beforeWindow = f -> {};
    private Consumer<WindowFixture> afterWindow = f -> {};
    private Confirmer confirmer;
    private boolean homePerClass;

    private boolean perClass;
    private VastSimulator sim;
    private Path home;
    private MonitorWindow window;

    private WindowFixture(SimulatorConfig config) {
        this.config = config;
    }

    public static WindowFixture simulator(SimulatorConfig config) {
        return new WindowFixture(config);
    }

    /** The settings the window opens with; polls every 600 s unless given, so tests refresh explicitly. */
    public WindowFixture settings(Function<WindowFixture, UiSettings> settings) {
        this.settings = settings;
        return this;
    }

    /** A high-burn alert at half of what the simulator's fleet burns, so one fires on the first poll. */
    public static UiSettings highBurnAlert(WindowFixture f) {
        return UiSettings.defaults()
                .withPollSeconds(600)
                .withThresholds(0, f.sim.state().burnRate() / 2, 0);
    }

    /** Answers every confirmation (null: the window's own dialogs). */
    public WindowFixture confirmer(Confirmer confirmer) {
        this.confirmer = confirmer;
        return this;
    }

    public WindowFixture connection(Function<WindowFixture, Connection> connection) {
        this.connection = connection;
        return this;
    }

    /** Runs before each window opens: arrange the simulator's account as the test needs it. */
    public WindowFixture beforeWindow(Consumer<WindowFixture> arrange) {
        this.beforeWindow = arrange;
        return this;
    }

    /** Runs after each window opened (on the test thread): listeners that must come after the window's own. */
    public WindowFixture afterWindow(Consumer<WindowFixture> then) {
        this.afterWindow = then;
        return this;
    }

    /** With a static fixture: one home for all tests of the class, so what one window saved the next one reads. */
    WindowFixture homePerClass() {
        this.homePerClass = true;
        return this;
    }

    public VastSimulator sim() {
        return sim;
    }

    public MonitorWindow window() {
        return window;
    }

    public Path home() {
        return home;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        Platform.setImplicitExit(false);
        sim = VastSimulator.start(config);
        if (homePerClass) {
            home = Files.createTempDirectory("imggenhub-ui-test");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sim.close();
        if (homePerClass) {
            delete(home);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Platform.setImplicitExit(false);
        if (!perClass) {
            sim = VastSimulator.start(config);
        }
        if (!homePerClass) {
            home = Files.createTempDirectory("imggenhub-ui-test");
        }
        beforeWindow.accept(this);
        Stage stage = FxToolkit.registerPrimaryStage();
        window = WaitForAsyncUtils.asyncFx(
                        () -> UiTestSupport.open(stage, connection.apply(this), home, settings.apply(this), confirmer))
                .get(30, TimeUnit.SECONDS);
        // The deploy form arrives after the window's first frame (DeployPanel): tests start once it is there.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                    DeployPanel panel = window.session().view().deployPanel();
                    return panel.isComplete() || panel.view().getScene() == null;
                })
                .get());
        afterWindow.accept(this);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                        List.copyOf(Window.getWindows()).stream()
                                .filter(w -> w != window.stage())
                                .forEach(Window::hide);
                        window.stage().close();
                    })
                    .get(30, TimeUnit.SECONDS);
        } finally {
            if (!perClass) {
                sim.close();
            }
            if (!homePerClass) {
                delete(home);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
