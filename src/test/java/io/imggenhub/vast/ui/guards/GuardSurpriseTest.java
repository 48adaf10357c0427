package io.imggenhub.vast.ui.guards;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.store.GuardStore;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 12, defect 2: a guard never destroys by surprise. Saving one that would act at once asks first, naming the
 * instance and its cost; and whenever a guard becomes due, a warning with "Keep it" comes at least one poll ahead.
 */
@ExtendWith(ApplicationExtension.class)
class GuardSurpriseTest {
    Connection connection;
    long id;
    final AtomicInteger polls = new AtomicInteger();
    final List<Confirmer.Confirmation> asked = new CopyOnWriteArrayList<>();
    final AtomicBoolean answer = new AtomicBoolean(false);

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(GuardTestSupport.frozenEmptyAccount())
            .beforeWindow(f -> {
                id = f.sim().state().addInstance("A100", 1, 1.20, "long-job");
                // 2 d 7 h old, as in the report.
                f.sim().clock().advance(Duration.ofHours(55));
                connection = GuardTestSupport.onSimulatedTime(f.sim());
            })
            .connection(f -> connection)
            .confirmer(q -> {
                asked.add(q);
                return answer.get();
            })
            .afterWindow(f -> connection.services().repository().addListener(s -> polls.incrementAndGet()));

    @Test
    void savingALifetimeAlreadyPastAsksFirstAndNoIsNothingSaved(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        setTtlInDialog(robot, "2h");
        await().atMost(10, SECONDS).until(() -> !asked.isEmpty());
        Confirmer.Confirmation q = asked.get(0);
        assertEquals("This destroys instance " + id + " (A100, $1.2000/hr) now: lifetime 2 h reached.", q.header());
        assertEquals("Save and destroy", q.action());
        poll();
        assertTrue(guards().instanceGuard(id).isEmpty(), "No: the guard is not saved");
        assertFalse(ui.sim().state().isDestroyed(id));
    }

    @Test
    void aGuardDueAtOnceWarnsWithKeepItOnePollBeforeItActs(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        answer.set(true);
        setTtlInDialog(robot, "2h");
        await().atMost(10, SECONDS).until(() -> guards().instanceGuard(id).isPresent());

        poll();
        assertFalse(ui.sim().state().isDestroyed(id), "the first poll that finds it due only warns");
        await().atMost(10, SECONDS).until(() -> allText(robot, "#banner-guard-warn-" + id)
                .contains("will be destroyed on the next check: lifetime 2 h reached"));
        assertTrue(find(robot, "#banner-action-guard-warn-" + id).isPresent(), "with Keep it");

        poll();
        assertTrue(ui.sim().state().isDestroyed(id), "not kept: the next poll destroys it");
    }

    @Test
    void keepItOnTheWarningOfAGuardDueAtOnceSavesTheInstance(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        guards().setInstanceGuard(
                        InstanceGuard.ttl(id, Duration.ofHours(2)),
                        ui.sim().clock().asClock().instant());
        poll();
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-action-guard-warn-" + id).isPresent());
        robot.clickOn("#banner-action-guard-warn-" + id);
        await().atMost(10, SECONDS).until(() -> guards().keptUntil(id).isPresent());
        poll();
        assertFalse(ui.sim().state().isDestroyed(id), "kept");
    }

    @Test
    void savingAnAccountGuardAlreadyCrossedAsksFirstAndNoIsNothingSaved(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        setCreditFloorInDialog(robot, "600");
        await().atMost(10, SECONDS).until(() -> !asked.isEmpty());
        Confirmer.Confirmation q = asked.get(0);
        // $500 less 55 h at $1.20/hr.
        assertEquals(
                "This destroys 1 instance ($1.20/hr) now: credit floor $600.00 reached (credit $434.00).", q.header());
        assertEquals("Save and destroy all", q.action());
        poll();
        poll();
        assertTrue(guards().accountGuard().isEmpty(), "No: the account guards stay as they were");
        assertFalse(ui.sim().state().isDestroyed(id));
    }

    @Test
    void savingAnAccountGuardAlreadyCrossedWarnsBeforeItActsWhenTheAnswerIsYes(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        answer.set(true);
        setCreditFloorInDialog(robot, "600");
        await().atMost(10, SECONDS).until(() -> guards().accountGuard().destroyOnBreach());
        assertEquals(1, asked.size());
        poll();
        assertFalse(ui.sim().state().isDestroyed(id), "the first poll that finds it crossed only warns");
    }

    @Test
    void anAccountGuardThatDoesNotActNowIsSavedWithoutAQuestion(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(id));
        setCreditFloorInDialog(robot, "100");
        await().atMost(10, SECONDS).until(() -> guards().accountGuard().destroyOnBreach());
        assertTrue(asked.isEmpty(), "nothing to ask: " + asked);
    }

    private void setCreditFloorInDialog(FxRobot robot, String floor) {
        robot.clickOn("#account-guards");
        await().atMost(10, SECONDS).until(() -> find(robot, "#account-floor").isPresent());
        UiTestSupport.typeInto(robot, "#account-floor", floor);
        robot.clickOn("#account-destroy");
        robot.clickOn("#account-guard-save");
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#account-guard-dialog").isEmpty());
    }

    private void setTtlInDialog(FxRobot robot, String ttl) {
        fxRun(() -> {
            var table = ui.window().session().view().table();
            table.getItems().stream().filter(r -> r.id() == id).findFirst().ifPresent(r -> table.getSelectionModel()
                    .select(r));
        });
        robot.clickOn("#guard");
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-ttl").isPresent());
        UiTestSupport.typeInto(robot, "#guard-ttl", ttl);
        robot.clickOn("#guard-save");
        await().atMost(10, SECONDS).until(() -> find(robot, "#guard-dialog").isEmpty());
    }

    private void poll() {
        int before = polls.get();
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(20, SECONDS).until(() -> polls.get() > before);
    }

    private GuardStore guards() {
        return connection.data().guards(connection.server());
    }
}
