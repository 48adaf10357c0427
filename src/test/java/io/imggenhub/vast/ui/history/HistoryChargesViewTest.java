package io.imggenhub.vast.ui.history;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.InstanceCharges;
import io.imggenhub.vast.core.Reconciliation;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The History tab shows Vast's charges (vast-api.md §3.8) beside the estimate: per instance billed GPU, disk and
 * bandwidth, the difference, destroyed instances labelled, an account total equal to the credit's fall, and the
 * charges as bars under the burn line, for 24 h, 7 d and this month.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryChargesViewTest {
    @TempDir
    Path home;

    VastSimulator sim;
    MonitorWindow window;
    double startCredit;

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(SimulatorConfig.defaults()
                .withInstances(3)
                .withCredit(80)
                .withTimeScale(0)
                .withDestroyLinger(Duration.ZERO));
        startCredit = sim.state().credit();
        window = UiTestSupport.open(
                stage,
                UiTestSupport.connectionTo(sim),
                home,
                UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0),
                q -> true);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        sim.close();
    }

    @Test
    void billedBesideEstimatedWithTheDestroyedOneLabelledAndBarsUnderTheBurn(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 3);
        long destroyed = sim.state().instances().get(0).id();
        sim.clock().advance(Duration.ofHours(2));
        sim.state().destroy(destroyed);
        sim.clock().advance(Duration.ofHours(1));
        robot.interact(() -> window.session().refreshNow());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);

        robot.interact(() -> robot.lookup("#main-tabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .select(robot.lookup("#main-tabs").queryAs(TabPane.class).getTabs().stream()
                        .filter(t -> "history-tab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        HistoryModel model = window.session().spendTabs().history();
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> model.reconciliationProperty().get() != null));

        Reconciliation r = fx(() -> model.reconciliationProperty().get());
        assertEquals(startCredit - sim.state().credit(), r.billedUsd(), 0.01, "the account total is the credit's fall");
        List<InstanceCharges> rows = fx(() -> new ArrayList<>(model.charges()));
        assertEquals(3, rows.size(), "the destroyed instance stays in the list");
        InstanceCharges gone = rows.stream()
                .filter(i -> i.instanceId() == destroyed)
                .findFirst()
                .orElseThrow();
        assertTrue(gone.destroyed());
        assertTrue(gone.gpuUsd() > 0 && gone.diskUsd() > 0);

        TableView<?> table = robot.lookup("#spend-per-instance").queryAs(TableView.class);
        assertEquals(10, fx(() -> table.getColumns().size()));
        String text = UiTestSupport.allText(robot, "#history-view");
        assertTrue(
                text.contains("Billed by Vast (24 h): " + io.imggenhub.vast.core.Formats.money(r.billedUsd())), text);
        assertTrue(text.contains("destroyed"), text);

        @SuppressWarnings("unchecked")
        LineChart<Number, Number> burn = robot.lookup("#burn-chart").queryAs(LineChart.class);
        assertTrue(fx(() -> burn.getData().get(1).getData().size()) >= 4, "the charges are drawn as bars");
        assertEquals("Billed $/hr", fx(() -> burn.getData().get(1).getName()));

        robot.clickOn("#range-month");
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> model.reconciliationProperty().get() != null
                        && model.reconciliationProperty().get().period() == io.imggenhub.vast.core.ChargePeriod.MONTH));
    }
}
