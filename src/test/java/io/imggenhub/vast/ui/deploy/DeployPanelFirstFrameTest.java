package io.imggenhub.vast.ui.deploy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.imggenhub.vast.ui.common.ViewModelFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The deploy form stays out of the first frame of the scene it is put in, and arrives right after it with the guard
 * options added before it existed in their place (docs/benchmarks.md, window start-up: ~80 ms of the first CSS and
 * layout pass).
 */
@ExtendWith(ApplicationExtension.class)
class DeployPanelFirstFrameTest {
    private final ViewModelFixture f = ViewModelFixture.withInstances(1);
    private final DeployPanel panel = new DeployPanel(new DeployViewModel(
            f.services.deployer(true), f.runner, f.banners, f.refreshNow(), Duration.ofSeconds(5), id -> {}));
    private final List<Boolean> completeAtEachPulse = new ArrayList<>();
    private Scene scene;

    @Start
    void start(Stage stage) {
        Label options = new Label("guard options");
        options.setId("test-options");
        panel.addOptions(options);
        scene = new Scene(new BorderPane(panel.view()), 400, 600);
        scene.addPostLayoutPulseListener(() -> completeAtEachPulse.add(panel.isComplete()));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theFormArrivesAfterTheFirstFrameWithTheOptionsAddedBeforeIt() throws Exception {
        await().atMost(10, SECONDS).until(() -> fx(panel::isComplete));

        assertFalse(fx(() -> completeAtEachPulse.get(0)), "the form was in the first frame");
        assertEquals(
                1, (int) fx(() -> scene.getRoot().lookupAll("#deploy-search").size()), "the form, once");
        List<String> order = fx(() -> panel.view() instanceof javafx.scene.Parent p
                ? p.getChildrenUnmodifiable().stream()
                        .map(Node::getId)
                        .filter(id -> id != null)
                        .toList()
                : List.of());
        assertEquals(
                List.of("test-options", "deploy-buttons"),
                order.stream()
                        .filter(id -> id.equals("test-options") || id.equals("deploy-buttons"))
                        .toList(),
                "the options sit before the buttons, as addOptions puts them in a built form");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call)
            throws InterruptedException, ExecutionException, TimeoutException {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }
}
