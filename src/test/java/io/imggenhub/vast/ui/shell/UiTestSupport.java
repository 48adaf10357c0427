package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.SettingsStore;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** Opens real monitor windows against a simulator with a temporary home, and reads FX state safely. */
public final class UiTestSupport {
    private UiTestSupport() {}

    public static AppEnvironment environment(Path home) {
        return new AppEnvironment(
                Map.of("XDG_CONFIG_HOME", home.resolve("config").toString()), home);
    }

    public static Connection connectionTo(VastSimulator sim) {
        return Connection.to(sim.baseUrl(), new ApiKey(sim.apiKey(), "test"));
    }

    /** Builds and shows the window on the FX thread (call from a TestFX {@code @Start} method). */
    public static MonitorWindow open(
            Stage stage, Connection connection, Path home, UiSettings settings, Confirmer confirmer) {
        AppEnvironment env = environment(home);
        WindowOptions options = new WindowOptions(
                env, SettingsStore.forEnvironment(env), TaskRunner.daemonPool(), confirmer, Duration.ofSeconds(30));
        MonitorWindow window = new MonitorWindow(stage, options, settings, connection);
        window.show();
        return window;
    }

    /** Runs on the FX thread and returns the answer; the test thread never reads FX state directly. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX thread did not answer: " + e, e);
        }
    }

    public static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    public static TableView<InstanceRow> table(FxRobot robot) {
        return (TableView<InstanceRow>) robot.lookup("#instances").queryAs(TableView.class);
    }

    public static List<Long> tableIds(FxRobot robot) {
        TableView<InstanceRow> table = table(robot);
        return fx(() -> table.getItems().stream().map(InstanceRow::id).sorted().toList());
    }

    public static List<Long> simIds(VastSimulator sim) {
        return sim.state().instances().stream()
                .filter(i -> !i.isDestroyed())
                .map(i -> i.id())
                .sorted()
                .toList();
    }

    public static Optional<Node> find(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery());
    }

    public static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query)
                .tryQuery()
                .map(n -> n instanceof Labeled l ? l.getText() : n.toString())
                .orElse(null));
    }

    /**
     * Types into a field the way a person does, but parks the mouse in the window's top-left corner first: a
     * mouse resting on the field while typing would open its tooltip, which can sit right over the next button.
     */
    public static void typeInto(FxRobot robot, String query, String text) {
        Node field = robot.lookup(query).query();
        robot.clickOn(field);
        robot.moveTo(fx(() -> field.getScene().getRoot()), Pos.TOP_LEFT, new Point2D(4, 4), Motion.DIRECT);
        robot.write(text);
    }

    /** All the label text inside a node (a banner's title and body). */
    public static String allText(FxRobot robot, String query) {
        return fx(
                () -> robot.lookup(query).tryQuery().map(UiTestSupport::collect).orElse(""));
    }

    private static String collect(Node node) {
        StringBuilder b = new StringBuilder();
        if (node instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> b.append(collect(child)));
        }
        return b.toString();
    }

    /**
     * Whether the control shows less than its text: JavaFX cut it with its ellipsis ("..." by default, "…" where a
     * style sets it). Read off the Text node the skin shows, so it needs a layout pass first.
     */
    public static boolean ellipsized(javafx.scene.control.Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        return labeled.lookupAll(".text").stream()
                .filter(t -> t instanceof javafx.scene.text.Text)
                .map(t -> ((javafx.scene.text.Text) t).getText())
                .anyMatch(shown -> !shown.equals(text) && (shown.endsWith("…") || shown.endsWith("...")));
    }
}
