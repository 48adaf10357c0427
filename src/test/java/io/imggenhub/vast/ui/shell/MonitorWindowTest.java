package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.table;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.instances.DestroyViewModel;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.instances.RowField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.DialogPane;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real window against the simulator: rows, refresh stability, Destroy and Destroy All through real dialogs. */
@ExtendWith(ApplicationExtension.class)
class MonitorWindowTest {
    @RegisterExtension
    static final WindowFixture ui = WindowFixture.simulator(
                    SimulatorConfig.defaults().withInstances(5))
            .beforeWindow(f -> {
                while (simIds(f.sim()).size() < 4) {
                    f.sim().state().addInstance("RTX 4090", 1, 0.42, "topped-up");
                }
            });

    private void awaitTableMatchesSimulator(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
    }

    @Test
    void theRowsMatchTheSimulator(FxRobot robot) {
        awaitTableMatchesSimulator(robot);
        for (SimInstance expected : ui.sim().state().instances().stream()
                .filter(i -> !i.isDestroyed())
                .toList()) {
            InstanceRow row =
                    fx(() -> ui.window().session().monitor().row(expected.id()).orElseThrow());
            assertTrue(
                    row.gpuProperty().get().startsWith(expected.gpuName()),
                    row.gpuProperty().get());
            assertEquals(expected.dphTotal(), row.hourlyProperty().get(), 1e-9);
            assertEquals(expected.actualStatus(), row.statusProperty().get());
            assertEquals(
                    expected.label() == null ? "" : expected.label(),
                    row.labelProperty().get());
        }
        double simBurn = ui.sim().state().instances().stream()
                .filter(i -> !i.isDestroyed())
                .mapToDouble(SimInstance::billedRate)
                .sum();
        assertEquals(
                simBurn,
                fx(() -> ui.window().session().monitor().burnPerHourProperty().get()),
                0.01);
        assertEquals(
                ui.sim().state().credit(),
                fx(() -> ui.window().session().monitor().creditProperty().get()),
                0.05);
        assertEquals(String.valueOf(simIds(ui.sim()).size()), UiTestSupport.text(robot, "#billing-value"));
    }

    @Test
    void selectionSortAndScrollSurviveARefresh(FxRobot robot) {
        for (int i = 0; i < 40; i++) {
            ui.sim().state().addInstance("RTX 3090", 1, 0.20 + i / 1000.0, "bulk-" + i);
        }
        robot.interact(() -> ui.window().session().refreshNow());
        awaitTableMatchesSimulator(robot);
        TableView<InstanceRow> table = table(robot);

        robot.interact(() -> {
            TableColumn<InstanceRow, ?> price = table.getColumns().stream()
                    .filter(c -> c.getUserData() == RowField.HOURLY)
                    .findFirst()
                    .orElseThrow();
            table.getSortOrder().setAll(List.of(price));
            table.getSelectionModel().select(30);
            table.scrollTo(25);
        });
        InstanceRow selected = fx(() -> table.getSelectionModel().getSelectedItem());
        List<Long> order =
                fx(() -> table.getItems().stream().map(InstanceRow::id).toList());
        int firstVisible = fx(() -> firstVisibleIndex(table));
        assertTrue(firstVisible > 0, "scrolled down");

        // Something changes on the account: a dearer instance arrives, the cheapest one's status moves on.
        long dearest = ui.sim().state().addInstance("A100 SXM4", 1, 9.99, "new-arrival");
        robot.interact(() -> ui.window().session().refreshNow());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(dearest));

        assertSame(selected, fx(() -> table.getSelectionModel().getSelectedItem()), "the same row stays selected");
        List<Long> expected = new ArrayList<>(order);
        expected.add(dearest);
        assertEquals(
                expected,
                fx(() -> table.getItems().stream().map(InstanceRow::id).toList()),
                "still sorted by $/hr, the dearest last");
        assertEquals(firstVisible, fx(() -> firstVisibleIndex(table)), "the scroll position stays");
    }

    private static int firstVisibleIndex(TableView<InstanceRow> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> cell = flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    @Test
    void destroyRemovesExactlyThatInstanceAfterTheDialogIsConfirmed(FxRobot robot) {
        awaitTableMatchesSimulator(robot);
        List<Long> before = simIds(ui.sim());
        long target = before.get(1);
        InstanceRow row = fx(() -> ui.window().session().monitor().row(target).orElseThrow());
        List<String> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> row.statusTextProperty().addListener((o, was, is) -> shown.add(is)));
        long deletesBefore = ui.sim().count("DELETE", "/api/v0/instances/");

        robot.clickOn(robot.lookup(".table-cell")
                .match(n -> String.valueOf(target).equals(((javafx.scene.control.Labeled) n).getText()))
                .queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.DELETE);

        DialogPane dialog = robot.lookup(".confirm-dialog").queryAs(DialogPane.class);
        String question = fx(() -> dialog.getHeaderText() + " " + dialog.getContentText());
        assertTrue(question.contains("Destroy instance " + target + "?"), question);
        assertTrue(question.contains(row.gpuProperty().get()), question);
        assertTrue(
                question.contains(String.format(
                        Locale.ROOT, "$%.4f/hr", row.hourlyProperty().get())),
                question);
        robot.clickOn("#confirm-action");

        await().atMost(30, SECONDS).until(() -> !tableIds(robot).contains(target));
        assertTrue(ui.sim().state().isDestroyed(target));
        List<Long> expected = new ArrayList<>(before);
        expected.remove(target);
        assertEquals(expected, simIds(ui.sim()), "only that instance was destroyed");
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(expected));
        assertEquals(deletesBefore + 1, ui.sim().count("DELETE", "/api/v0/instances/"), "one DELETE, for that id");
        assertTrue(shown.contains(DestroyViewModel.DESTROYING), "the row said destroying… while it happened: " + shown);
        assertTrue(allText(robot, "#banner-destroy-" + target).contains("Destroyed instance " + target));
    }

    @Test
    void cancellingTheDialogSendsNothing(FxRobot robot) {
        awaitTableMatchesSimulator(robot);
        List<Long> before = simIds(ui.sim());
        long deletesBefore = ui.sim().count("DELETE", "/api/v0/instances/");
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#destroy");
        robot.clickOn("#confirm-cancel");
        robot.clickOn("#destroy-all");
        robot.clickOn("#confirm-cancel");
        assertEquals(deletesBefore, ui.sim().count("DELETE", "/api/v0/instances/"), "no DELETE was sent");
        assertEquals(before, simIds(ui.sim()));
        assertEquals(before, tableIds(robot));
        assertFalse(find(robot, ".confirm-dialog").isPresent(), "the dialogs are gone");
    }

    @Test
    void destroyAllEmptiesTheTableAndReportsKofN(FxRobot robot) {
        awaitTableMatchesSimulator(robot);
        int n = simIds(ui.sim()).size();
        double total = fx(() -> ui.window().session().monitor().rows().stream()
                .mapToDouble(r -> r.hourlyProperty().get())
                .sum());

        robot.clickOn("#destroy-all");
        DialogPane dialog = robot.lookup(".confirm-dialog").queryAs(DialogPane.class);
        String question = fx(() -> dialog.getHeaderText() + " " + dialog.getContentText());
        assertTrue(question.contains("Destroy all " + n + " instances?"), question);
        assertTrue(question.contains(Format.perHour(total)), question);
        int before = ui.sim().requests().size();
        robot.clickOn("#confirm-action");

        await().atMost(30, SECONDS).until(() -> tableIds(robot).isEmpty());
        assertTrue(simIds(ui.sim()).isEmpty(), "the simulator has nothing left");
        // The table already holds the fleet: from the click, one bulk DELETE per 64 instances (vast-api.md §3.3),
        // sent without waiting for the listing that runs beside it; and nothing met Vast's limits (§5).
        var afterClick = ui.sim().requests().subList(before, ui.sim().requests().size());
        assertEquals(
                (n + 63) / 64,
                afterClick.stream().filter(q -> q.method().equals("DELETE")).count(),
                afterClick.toString());
        assertEquals(0, ui.sim().faults().rateLimitedCount());
        await().atMost(10, SECONDS)
                .until(() -> allText(robot, "#banner-destroy-all").contains("Destroyed " + n + "/" + n + " instances"));
        assertEquals("0", UiTestSupport.text(robot, "#billing-value"));
    }
}
