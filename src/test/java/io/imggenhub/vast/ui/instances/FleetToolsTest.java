package io.imggenhub.vast.ui.instances;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.table;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 12, fleet tools and numbers: filter with a row count, Destroy selected through the destroyer's list path,
 * an empty selection after a destroy, Stop (PUT state, vast-api.md §3.7) with a storage-only cost so far, and a
 * visibly stale table.
 */
@ExtendWith(ApplicationExtension.class)
class FleetToolsTest {
    final List<Confirmer.Confirmation> asked = new CopyOnWriteArrayList<>();
    long a4090;
    long b4090;

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(
                    SimulatorConfig.defaults().withInstances(0).withBootTime(Duration.ZERO))
            .beforeWindow(f -> {
                a4090 = f.sim().state().addInstance("RTX 4090", 1, 0.40, "sdxl-a");
                b4090 = f.sim().state().addInstance("RTX 4090", 1, 0.40, "sdxl-b");
                f.sim().state().addInstance("A100", 1, 1.20, "train");
                f.sim().state().addInstance("RTX 3090", 1, 0.25, "batch");
                f.sim().state().addInstance("RTX 3090", 1, 0.25, "batch-2");
            })
            .confirmer(q -> {
                asked.add(q);
                return true;
            });

    @Test
    void theFilterNarrowsTheRowsAndSaysHowMany(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 5);
        assertEquals("5 instances", UiTestSupport.text(robot, "#row-count"));
        UiTestSupport.typeInto(robot, "#filter", "4090");
        await().atMost(10, SECONDS).until(() -> tableIds(robot).equals(List.of(a4090, b4090)));
        assertEquals("Showing 2 of 5 instances", UiTestSupport.text(robot, "#row-count"));
        robot.interact(() -> robot.lookup("#filter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("batch"));
        await().atMost(10, SECONDS).until(() -> tableIds(robot).size() == 2);
        robot.interact(() -> robot.lookup("#filter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(String.valueOf(a4090)));
        await().atMost(10, SECONDS).until(() -> tableIds(robot).equals(List.of(a4090)));
    }

    @Test
    void destroySelectedNamesCountAndRateAndDestroysExactlyThose(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 5);
        TableView<InstanceRow> table = table(robot);
        fxRun(() -> table.getItems().stream()
                .filter(r -> r.id() == a4090 || r.id() == b4090)
                .forEach(r -> table.getSelectionModel().select(r)));
        await().atMost(10, SECONDS)
                .until(() -> "Destroy selected (2, $0.80/hr)".equals(UiTestSupport.text(robot, "#destroy")));

        robot.clickOn("#destroy");
        await().atMost(30, SECONDS)
                .until(() ->
                        ui.sim().state().isDestroyed(a4090) && ui.sim().state().isDestroyed(b4090));
        assertEquals("Destroy the 2 selected instances?", asked.get(0).header());
        assertEquals(3, simIds(ui.sim()).size(), "the others are left alone");
        assertTrue(fx(() -> table.getSelectionModel().getSelectedItems().isEmpty()), "nothing selected after");
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 3);
        assertTrue(
                fx(() -> table.getSelectionModel().getSelectedItems().isEmpty()),
                "the selection did not move to a neighbour");
    }

    @Test
    void afterADestroyASecondDeleteDestroysNothing(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 5);
        TableView<InstanceRow> table = table(robot);
        fxRun(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        long first = fx(() -> table.getSelectionModel().getSelectedItem().id());
        robot.type(KeyCode.DELETE);
        await().atMost(30, SECONDS).until(() -> ui.sim().state().isDestroyed(first));
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 4);
        assertTrue(fx(() -> table.getSelectionModel().getSelectedItems().isEmpty()));
        int questions = asked.size();
        robot.type(KeyCode.DELETE);
        fxRun(() -> {});
        assertEquals(questions, asked.size(), "no second question");
        assertEquals(4, simIds(ui.sim()).size(), "nobody's instance was destroyed by a second Delete");
    }

    @Test
    void stopFromTheRowMenuSaysTheDiskStillBillsAndTheCostFollowsTheStorageRate(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 5);
        // The row's own context menu, its item fired as a click would.
        fxRun(() -> ((TableRow<?>) rowOf(robot, a4090))
                .getContextMenu().getItems().stream()
                        .filter(i -> "Stop (keeps the disk, bills storage)…".equals(i.getText()))
                        .findFirst()
                        .orElseThrow()
                        .fire());
        await().atMost(20, SECONDS).until(() -> ui.sim().count("PUT", "/api/v0/instances/" + a4090 + "/") == 1);
        assertTrue(
                asked.get(0).text().contains("still bills storage"),
                asked.get(0).text());
        fxRun(() -> ui.window().session().refreshNow());
        InstanceRow row = await().atMost(20, SECONDS)
                .until(
                        () -> fx(() -> ui.window()
                                .session()
                                .monitor()
                                .row(a4090)
                                .filter(InstanceRow::storageOnly)
                                .orElse(null)),
                        r -> r != null);
        double storage = fx(() -> row.instance().billedRate());
        assertTrue(storage < 0.40, "stopped: storage only, " + storage);
        double hours = fx(() -> row.instance().uptime(Instant.now()).toMillis() / 3_600_000.0);
        assertTrue(
                fx(() -> row.costSoFarProperty().get()) <= storage * hours + 0.01,
                "cost so far counts what it bills now, not the running rate");
    }

    @Test
    void staleDataDimsTheTableAndFreezesRunwayAndUptime(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 5);
        ui.sim().faults().serverErrorRate(1.0);
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(60, SECONDS)
                .until(() ->
                        fx(() -> ui.window().session().monitor().staleProperty().get()));
        assertTrue(fx(() -> table(robot).getStyleClass().contains("stale-dim")));
        assertTrue(fx(() -> robot.lookup(".summary-bar").query().getStyleClass().contains("stale-dim")));
        assertTrue(UiTestSupport.allText(robot, "#instances").contains("Uptime (frozen)"));
        assertTrue(
                UiTestSupport.allText(robot, "#runway-tile").contains("frozen"),
                UiTestSupport.allText(robot, "#runway-tile"));
        ui.sim().faults().reset();
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(60, SECONDS)
                .until(() -> !fx(() -> table(robot).getStyleClass().contains("stale-dim")));
        assertFalse(UiTestSupport.allText(robot, "#instances").contains("Uptime (frozen)"));
    }

    private static Node rowOf(FxRobot robot, long id) {
        return fx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof InstanceRow ir && ir.id() == id)
                .findFirst()
                .orElseThrow());
    }
}
