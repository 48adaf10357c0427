package io.imggenhub.vast.ui.history;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.ui.alerts.AlertList;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Without a system tray (always so headless): alerts reach the window as ControlsFX pop-ups and the Alerts tab;
 * the History tab charts what the polls recorded; the Audit tab lists actions and marks unanswered intents.
 */
@ExtendWith(ApplicationExtension.class)
class SpendTabsTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(3))
            .settings(WindowFixture::highBurnAlert)
            .confirmer(q -> true);

    @Test
    void withoutATrayAnAlertIsAPopUpInTheWindowAndAnEntryInTheAlertList(FxRobot robot) {
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> ui.window()
                                .session()
                                .spendTabs()
                                .alerts()
                                .entries()
                                .size())
                        == 1);
        assertFalse(ui.window().tray().inTray(), "headless there is no tray");
        assertFalse(ui.window().tray().hidesOnClose(), "so closing the ui.window() must really close it");
        await().atMost(20, SECONDS).until(() -> popUpText(robot).contains("High spend"));

        AlertList.Entry entry =
                fx(() -> ui.window().session().spendTabs().alerts().entries().get(0));
        assertEquals(Alert.Kind.HIGH_BURN, entry.alert().kind());
        assertTrue(fx(entry::open));
        assertEquals("Alerts (1)", fx(() -> tab(robot, "alerts-tab").getText()));

        robot.interact(() -> select(robot, "alerts-tab"));
        robot.clickOn(
                fx(() -> robot.lookup("#alert-list .table-row-cell").nth(0).<Node>query()));
        robot.clickOn("#snooze");
        assertTrue(UiTestSupport.text(robot, "#snooze-note").startsWith("High spend snoozed until"));

        simIds(ui.sim()).forEach(id -> ui.sim().state().destroy(id));
        robot.interact(() -> ui.window().session().refreshNow());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).isEmpty());
        await().atMost(20, SECONDS).until(() -> !fx(entry::open));
        assertEquals("Alerts", fx(() -> tab(robot, "alerts-tab").getText()));
        assertEquals(
                1,
                fx(() -> ui.window().session().spendTabs().alerts().entries().size()),
                "the cleared notice marks the entry instead of adding one");
    }

    @Test
    void theHistoryTabChartsBurnAndCreditAndEstimatesSpendPerInstance(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 3);
        for (int i = 0; i < 2; i++) {
            int before = points();
            ui.sim().clock().advance(java.time.Duration.ofMinutes(5));
            robot.interact(() -> ui.window().session().refreshNow());
            await().atMost(20, SECONDS).until(() -> points() > before);
        }
        robot.interact(() -> select(robot, "history-tab"));
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> ui.window()
                                .session()
                                .spendTabs()
                                .history()
                                .points()
                                .size())
                        >= 3);
        double burn = ui.sim().state().burnRate();
        List<Number> burns = fx(() -> burnSeriesValues(robot));
        assertTrue(burns.size() >= 3, "one chart point per recorded poll: " + burns);
        assertEquals(burn, burns.get(burns.size() - 1).doubleValue(), 1e-6);
        assertFalse(fx(() -> creditSeriesValues(robot)).isEmpty(), "the credit line is drawn too");

        List<SpendHistory.InstanceSpend> spend = fx(() ->
                new ArrayList<>(ui.window().session().spendTabs().history().spend()));
        assertEquals(
                simIds(ui.sim()),
                spend.stream()
                        .map(SpendHistory.InstanceSpend::instanceId)
                        .sorted()
                        .toList());
        assertTrue(spend.stream().allMatch(s -> s.usd() >= 0));
        assertTrue(spend.stream().anyMatch(s -> s.usd() > 0), "polls minutes apart estimate some spend: " + spend);

        robot.clickOn("#range-week");
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> ui.window()
                                        .session()
                                        .spendTabs()
                                        .history()
                                        .rangeProperty()
                                        .get()
                                == HistoryModel.Range.WEEK
                        && !ui.window().session().spendTabs().history().points().isEmpty()));
    }

    @Test
    void theAuditTabListsActionsNewestFirstAndMarksAnIntentWithoutOutcome(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 3);
        long victim = simIds(ui.sim()).get(0);
        InstanceRow row = fx(() -> ui.window().session().monitor().rows().stream()
                .filter(r -> r.id() == victim)
                .findFirst()
                .orElseThrow());
        robot.interact(() -> ui.window().session().destroy().destroy(row));
        await().atMost(20, SECONDS).until(() -> !simIds(ui.sim()).contains(victim));
        ui.window()
                .session()
                .connection()
                .data()
                .audit()
                .record(new AuditEvent(
                        Instant.now().plusSeconds(1),
                        "destroy",
                        "manual",
                        AuditEvent.Phase.INTENT,
                        List.of(4242L),
                        "destroying 1 instance(s)"));

        robot.interact(() -> select(robot, "audit-tab"));
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> ui.window().session().spendTabs().audit().table().getItems().stream()
                        .anyMatch(r -> r.event().instanceIds().contains(4242L))));
        List<AuditRows.Row> rows = fx(() -> new ArrayList<>(
                ui.window().session().spendTabs().audit().table().getItems()));
        assertEquals(List.of(4242L), rows.get(0).event().instanceIds(), "newest first");
        assertTrue(rows.get(0).unconfirmed(), "an intent nobody answered is marked");
        assertTrue(
                rows.stream()
                        .anyMatch(r -> r.event().phase() == AuditEvent.Phase.OUTCOME
                                && r.event().instanceIds().contains(victim)),
                "the destroy's outcome is listed: " + rows);
        assertTrue(
                rows.stream()
                        .filter(r -> r.event().instanceIds().contains(victim))
                        .noneMatch(AuditRows.Row::unconfirmed),
                "the destroy's intents all got their outcome: " + rows);
        await().atMost(20, SECONDS)
                .until(() -> fx(() -> robot.lookup("#audit-table .audit-unconfirmed")
                        .tryQuery()
                        .isPresent()));
    }

    private int points() {
        var data = ui.window().session().connection().data().history();
        return data.points(Instant.EPOCH, Instant.now().plusSeconds(86_400 * 30L))
                .size();
    }

    private static List<Number> burnSeriesValues(FxRobot robot) {
        return seriesValues(robot, "#burn-chart");
    }

    private static List<Number> creditSeriesValues(FxRobot robot) {
        return seriesValues(robot, "#credit-chart");
    }

    @SuppressWarnings("unchecked")
    private static List<Number> seriesValues(FxRobot robot, String chart) {
        javafx.scene.chart.LineChart<Number, Number> c =
                robot.lookup(chart).queryAs(javafx.scene.chart.LineChart.class);
        return c.getData().get(0).getData().stream()
                .map(javafx.scene.chart.XYChart.Data::getYValue)
                .toList();
    }

    private static javafx.scene.control.Tab tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        return tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId()))
                .findFirst()
                .orElseThrow();
    }

    private static void select(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        tabs.getSelectionModel().select(tab(robot, id));
    }

    /** The text in every pop-up ui.window(): where ControlsFX puts its notifications. */
    private static String popUpText(FxRobot robot) {
        return fx(() -> {
            StringBuilder b = new StringBuilder();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), b);
                }
            }
            return b.toString();
        });
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, b));
        }
    }
}
