package io.imggenhub.vast.ui.guards;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.store.GuardStore;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Guards in the window against the simulator on simulated time: set in the dialog, shown in the Guard column,
 * warned ahead with "Keep it", and acted on within one poll of the limit with the reason in the audit log.
 */
@ExtendWith(ApplicationExtension.class)
class GuardWindowTest {
    Connection connection;
    long id;
    long other;
    /** Polls finished, counted by a listener added after the window's own: it runs after the guards did. */
    final AtomicInteger polls = new AtomicInteger();
    /** Questions the window asked; each is answered yes, as a person who means it would. */
    final List<Confirmer.Confirmation> asked = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(GuardTestSupport.frozenEmptyAccount())
            .beforeWindow(f -> {
                id = f.sim().state().addInstance("RTX 4090", 1, 0.40, "ttl-job");
                other = f.sim().state().addInstance("RTX 3090", 1, 0.25, "unguarded");
                connection = GuardTestSupport.onSimulatedTime(f.sim());
            })
            .connection(f -> connection)
            .confirmer(q -> {
                asked.add(q);
                return true;
            })
            .afterWindow(f -> connection.services().repository().addListener(s -> polls.incrementAndGet()));

    @Test
    void ttlSetInTheWindowDestroysWithinOnePollOfItsLimitAndTheAuditNamesTheReasonFirst(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        Instant due = ui.sim().clock().asClock().instant().plus(Duration.ofHours(2));

        setTtlInDialog(robot, "2h");
        await().atMost(10, SECONDS).until(() -> guards().instanceGuard(id).isPresent());
        assertEquals(
                Duration.ofHours(2), guards().instanceGuard(id).orElseThrow().maxLifetime());
        await().atMost(10, SECONDS).until(() -> guardCellText(robot, id).contains("local only"));
        assertEquals("TTL " + hhmm(due) + " · local only", guardCellText(robot, id));
        assertTrue(
                fx(() -> guardCellNode(robot, id)
                        .map(n -> n.getStyleClass().contains("guard-local-only"))
                        .orElse(false)),
                "a local-only guard is styled as a warning");
        assertEquals("—", guardCellText(robot, other));

        ui.sim().clock().advance(Duration.ofHours(2).minusSeconds(1));
        poll();
        assertFalse(ui.sim().state().isDestroyed(id), "one second before the limit nothing happens");
        String warning = allText(robot, "#banner-guard-warn-" + id);
        assertTrue(
                warning.contains(
                        "Instance " + id + " (RTX 4090) will be destroyed at " + hhmm(due) + ": lifetime 2 h reached"),
                warning);
        assertTrue(find(robot, "#banner-action-guard-warn-" + id).isPresent(), "the warning offers Keep it");

        ui.sim().clock().advance(Duration.ofSeconds(30));
        poll();
        assertTrue(ui.sim().state().isDestroyed(id), "destroyed on the first poll after the limit");
        assertEquals(Optional.of("api"), ui.sim().state().destroyedBy(id));
        assertFalse(ui.sim().state().isDestroyed(other), "the unguarded instance is left alone");

        List<AuditEvent> audit = connection.data().audit().since(Instant.EPOCH, 1000).stream()
                .filter(e -> e.instanceIds().contains(id) && "guard:ttl".equals(e.reason()))
                .toList();
        assertFalse(audit.isEmpty());
        AuditEvent first = audit.get(0);
        assertEquals(AuditEvent.Phase.INTENT, first.phase(), audit.toString());
        assertTrue(first.detail().contains("lifetime 2 h reached"), first.detail());
        List<AuditEvent.Phase> phases = audit.stream().map(AuditEvent::phase).toList();
        assertTrue(
                phases.lastIndexOf(AuditEvent.Phase.INTENT) < phases.indexOf(AuditEvent.Phase.OUTCOME),
                "every intent is written before any outcome: " + phases);
        AuditEvent last = audit.get(audit.size() - 1);
        assertEquals(AuditEvent.Phase.OUTCOME, last.phase());
        assertEquals("stopped 1/1", last.detail());
        await().atMost(10, SECONDS).until(() -> allText(robot, "#banner-guard-action-" + id)
                .contains("Guard destroyed instance " + id + ": lifetime 2 h reached."));
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-guard-warn-" + id).isEmpty());
        await().atMost(10, SECONDS).until(() -> !tableIds(robot).contains(id));
    }

    @Test
    void keepItOnTheWarningHoldsTheDestroyBackPastTheOriginalDeadline(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        guards().setInstanceGuard(
                        InstanceGuard.ttl(id, Duration.ofHours(1)),
                        ui.sim().clock().asClock().instant());
        ui.sim().clock().advance(Duration.ofMinutes(57));
        poll();
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-action-guard-warn-" + id).isPresent());
        assertEquals("Keep it 1 h", UiTestSupport.text(robot, "#banner-action-guard-warn-" + id));

        robot.clickOn("#banner-action-guard-warn-" + id);
        await().atMost(10, SECONDS).until(() -> guards().keptUntil(id).isPresent());
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-guard-warn-" + id).isEmpty());
        await().atMost(10, SECONDS).until(() -> guardCellText(robot, id).contains("kept to"));

        ui.sim().clock().advance(Duration.ofMinutes(10));
        poll();
        assertFalse(ui.sim().state().isDestroyed(id), "kept: alive ten minutes after the original deadline");
        assertTrue(find(robot, "#banner-guard-warn-" + id).isEmpty(), "and no new warning while kept");
        assertTrue(
                connection.data().audit().since(Instant.EPOCH, 1000).stream()
                        .anyMatch(e -> "guard:keep".equals(e.reason())
                                && e.instanceIds().contains(id)),
                "the keep is audited");
    }

    @Test
    void gOpensTheDialogWhichExplainsWhatIsWrongAndSavesNothing(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        selectRow(id);
        fxRun(() -> ui.window().session().view().table().requestFocus());
        robot.type(javafx.scene.input.KeyCode.G);
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-ttl").isPresent());
        UiTestSupport.typeInto(robot, "#guard-idle-percent", "5");
        robot.clickOn("#guard-save");
        assertEquals(
                "Idle needs both a GPU % and a time, e.g. below 5 % for 30m",
                UiTestSupport.text(robot, "#guard-error"));
        UiTestSupport.typeInto(robot, "#guard-idle-for", "soon");
        robot.clickOn("#guard-save");
        assertTrue(
                UiTestSupport.text(robot, "#guard-error").startsWith("Idle time: "),
                UiTestSupport.text(robot, "#guard-error"));
        assertTrue(find(robot, "#guard-dialog").isPresent(), "the dialog stays open");
        javafx.scene.Node cancel = fx(() -> robot.lookup(".dialog-pane .button")
                .match((javafx.scene.Node n) -> n instanceof Labeled l && "Cancel".equals(l.getText()))
                .query());
        robot.clickOn(cancel);
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-dialog").isEmpty());
        assertTrue(guards().instanceGuard(id).isEmpty());
    }

    @Test
    void anAccountGuardAlertsByDefaultAndDestroysEverythingOnlyWhenOptedIn(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).containsAll(List.of(id, other)));
        robot.clickOn("#account-guards");
        await().atMost(10, SECONDS).until(() -> find(robot, "#account-floor").isPresent());
        UiTestSupport.typeInto(robot, "#account-floor", "100");
        robot.clickOn("#account-guard-save");
        await().atMost(10, SECONDS)
                .until(() -> Double.valueOf(100).equals(guards().accountGuard().creditFloor()));
        assertFalse(guards().accountGuard().destroyOnBreach(), "alert only unless opted in");

        ui.sim().state().setCredit(50);
        poll();
        await().atMost(10, SECONDS).until(() -> allText(robot, "#banner-guard-breach-credit-floor")
                .contains("Account guard crossed: credit floor"));
        assertFalse(
                ui.sim().state().isDestroyed(id) || ui.sim().state().isDestroyed(other), "an alert destroys nothing");

        robot.clickOn("#account-guards");
        await().atMost(10, SECONDS).until(() -> find(robot, "#account-destroy").isPresent());
        assertEquals(
                "100",
                fx(() -> robot.lookup("#account-floor")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText()),
                "the dialog shows the saved floor");
        robot.clickOn("#account-destroy");
        robot.clickOn("#account-guard-save");
        await().atMost(10, SECONDS).until(() -> guards().accountGuard().destroyOnBreach());
        // Issue 12 §2: the floor is already crossed, so saving asked first and said what it would destroy.
        assertEquals(1, asked.size(), "one question before a guard that acts at once");
        assertTrue(
                asked.get(0).header().startsWith("This destroys 2 instances ($0.65/hr) now: credit floor"),
                asked.get(0).header());

        poll();
        assertFalse(
                ui.sim().state().isDestroyed(id) || ui.sim().state().isDestroyed(other),
                "first the warning, no destroy");
        await().atMost(10, SECONDS).until(() -> allText(robot, "#banner-guard-warn-account")
                .contains("All 2 instances will be destroyed"));
        poll();
        assertTrue(
                ui.sim().state().isDestroyed(id) && ui.sim().state().isDestroyed(other),
                "opted in: everything destroyed");
        assertTrue(connection.data().audit().since(Instant.EPOCH, 1000).stream()
                .anyMatch(e -> "guard:credit-floor".equals(e.reason()) && e.phase() == AuditEvent.Phase.INTENT));
        await().atMost(10, SECONDS)
                .until(() -> allText(robot, "#banner-guard-action-account").contains("Guard destroyed 2 instances"));
    }

    private void setTtlInDialog(FxRobot robot, String ttl) {
        selectRow(id);
        robot.clickOn("#guard");
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-ttl").isPresent());
        UiTestSupport.typeInto(robot, "#guard-ttl", ttl);
        robot.clickOn("#guard-save");
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-dialog").isEmpty());
    }

    private void selectRow(long rowId) {
        fxRun(() -> {
            var table = ui.window().session().view().table();
            table.getItems().stream().filter(r -> r.id() == rowId).findFirst().ifPresent(r -> table.getSelectionModel()
                    .select(r));
        });
    }

    /** One poll as the ui.window() does it, waited for through the listener that runs after the guards. */
    private void poll() {
        int before = polls.get();
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(20, SECONDS).until(() -> polls.get() > before);
    }

    private GuardStore guards() {
        return connection.data().guards(connection.server());
    }

    private static String hhmm(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
                .withZone(ZoneId.systemDefault())
                .format(at);
    }

    private static Optional<javafx.scene.control.TableCell<?, ?>> guardCellNode(FxRobot robot, long rowId) {
        return robot.lookup(".guard-cell").queryAll().stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof InstanceRow r
                        && r.id() == rowId)
                .findFirst();
    }

    private static String guardCellText(FxRobot robot, long rowId) {
        return fx(() -> guardCellNode(robot, rowId)
                .map(c -> c.getText() == null ? "" : c.getText())
                .orElse(""));
    }
}
