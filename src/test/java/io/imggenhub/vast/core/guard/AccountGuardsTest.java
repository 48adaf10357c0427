package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Account guards against the simulator: credit drains by simulated billing, caps add up the recorded history.
 * They alert by default and destroy everything only when opted in.
 */
class AccountGuardsTest {
    GuardFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aCreditFloorAlertsOnceByDefaultAndSaysWhenItClears() {
        f = GuardFixture.withCredit(10);
        long id = f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(AccountGuard.NONE.withCreditFloor(8.0));
        assertTrue(f.poll().isQuiet());

        f.advance(Duration.ofMinutes(61));
        GuardReport breached = f.poll();
        assertEquals(1, breached.breachChanges().size());
        AccountBreach b = breached.breachChanges().get(0);
        assertEquals(GuardRule.CREDIT_FLOOR, b.rule());
        assertFalse(b.cleared());
        assertTrue(b.message().matches("Credit \\$7\\.9\\d is at or below the \\$8\\.00 floor\\."), b.message());
        assertTrue(breached.actions().isEmpty(), "alert only by default");
        assertTrue(breached.pending().isEmpty(), "nothing to keep: no destroy is coming");

        f.advance(GuardFixture.POLL);
        GuardReport again = f.poll();
        assertTrue(again.breachChanges().isEmpty(), "once per episode");
        assertEquals(1, again.activeBreaches().size());
        assertFalse(f.sim.state().isDestroyed(id));

        f.sim.state().setCredit(50);
        GuardReport cleared = f.poll();
        assertEquals(1, cleared.breachChanges().size());
        assertTrue(cleared.breachChanges().get(0).cleared());
        assertEquals(
                "Credit $50.00 is above the $8.00 floor again.",
                cleared.breachChanges().get(0).message());
        assertTrue(cleared.activeBreaches().isEmpty());
    }

    @Test
    void aCreditFloorWithDestroyOnBreachWarnsAheadThenDestroysEverything() {
        f = GuardFixture.withCredit(10);
        long a = f.sim.state().addInstance("RTX 4090", 1, 1.00, null);
        long b = f.sim.state().addInstance("RTX 3090", 1, 1.00, null);
        long c = f.sim.state().addInstance("A100 SXM4", 1, 1.00, null);
        f.book.setAccountGuard(new AccountGuard(null, null, 4.0, true));
        Instant start = f.now();
        assertTrue(f.poll().isQuiet());

        // $10 at $3/hr reaches the $4 floor after two hours.
        f.advance(Duration.ofMinutes(116));
        GuardReport warned = f.poll();
        assertEquals(1, warned.newWarnings().size());
        GuardWarning w = warned.newWarnings().get(0);
        assertTrue(w.isAccountWide());
        assertEquals(GuardRule.CREDIT_FLOOR, w.rule());
        Instant expected = start.plus(Duration.ofHours(2));
        assertTrue(Duration.between(expected, w.dueAt()).abs().toMillis() < 1000, w.dueAt() + " vs " + expected);
        assertEquals(
                "All 3 instances will be destroyed at " + f.hhmm(w.dueAt())
                        + ": credit floor $4.00 reached (credit $4.20 at $3.00/hr).",
                w.message());
        assertTrue(warned.actions().isEmpty());

        f.advance(Duration.ofMinutes(3));
        assertTrue(f.poll().newWarnings().isEmpty(), "warned once");
        f.advance(Duration.ofMinutes(1).plus(GuardFixture.POLL));
        GuardReport acted = f.poll();
        assertEquals(1, acted.actions().size());
        GuardAction action = acted.actions().get(0);
        assertEquals(GuardRule.CREDIT_FLOOR, action.rule());
        assertTrue(action.succeeded(), action.message());
        assertEquals(3, action.report().stopped());
        for (long id : List.of(a, b, c)) {
            assertTrue(f.sim.state().isDestroyed(id));
        }
        List<AuditEvent> log = f.audit.since(Instant.EPOCH, 1000);
        AuditEvent first = log.get(0);
        assertEquals("guard", first.action());
        assertEquals("guard:credit-floor", first.reason());
        assertEquals(AuditEvent.Phase.INTENT, first.phase());
        assertEquals(3, first.instanceIds().size());
        assertEquals("destroy-all", log.get(1).action());
        assertEquals(AuditEvent.Phase.OUTCOME, log.get(log.size() - 1).phase());
        assertEquals("guard:credit-floor", log.get(log.size() - 1).reason());
    }

    @Test
    void keepingTheAccountHoldsBackDestroyOnBreachButNotTheAlert() {
        f = GuardFixture.withCredit(10);
        long id = f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(new AccountGuard(null, null, 6.0, true));
        f.poll();
        f.advance(Duration.ofMinutes(118));
        assertEquals(1, f.poll().newWarnings().size());
        f.engine.keepAccount(Duration.ofHours(1));

        f.advance(Duration.ofMinutes(5));
        GuardReport kept = f.poll();
        assertEquals(1, kept.breachChanges().size(), "the breach is still told");
        assertTrue(kept.actions().isEmpty());
        assertFalse(f.sim.state().isDestroyed(id));
        f.advance(Duration.ofMinutes(52));
        GuardReport soon = f.poll();
        assertEquals(1, soon.newWarnings().size(), "warned again before the keep ends");
        f.advance(Duration.ofMinutes(5));
        assertEquals(1, f.poll().actions().size());
        assertTrue(f.sim.state().isDestroyed(id));
    }

    @Test
    void theDailyCapAddsUpTheRecordedHistoryAndOnlyAlerts() {
        f = GuardFixture.withCredit(100);
        long id = f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(AccountGuard.NONE.withDailyCap(4.9));
        int polls = 0;
        GuardReport report = f.poll();
        while (report.breachChanges().isEmpty() && polls < 20) {
            f.advance(Duration.ofMinutes(30));
            report = f.poll();
            polls++;
        }
        assertEquals(5, polls, "$2/hr passes $4.90 at the poll after 2.5 h, not at 2 h ($4.00)");
        AccountBreach b = report.breachChanges().get(0);
        assertEquals(GuardRule.DAILY_CAP, b.rule());
        assertEquals("Daily spend cap reached: about $5.00 spent today (cap $4.90).", b.message());
        assertTrue(report.actions().isEmpty());
        assertFalse(f.sim.state().isDestroyed(id));
    }

    @Test
    void theMonthlyCapDestroysEverythingWhenOptedIn() {
        f = GuardFixture.withCredit(100);
        long id = f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(new AccountGuard(null, 3.0, null, true));
        f.poll();
        f.advance(Duration.ofMinutes(60));
        GuardReport before = f.poll();
        assertTrue(before.actions().isEmpty());
        f.advance(Duration.ofMinutes(29));
        GuardReport warned = f.poll();
        assertEquals(1, warned.newWarnings().size());
        assertTrue(
                warned.newWarnings().get(0).message().contains("monthly cap $3.00 reached"),
                warned.newWarnings().get(0).message());
        f.advance(Duration.ofMinutes(1).plus(GuardFixture.POLL));
        GuardReport acted = f.poll();
        assertEquals(1, acted.actions().size());
        assertEquals(GuardRule.MONTHLY_CAP, acted.actions().get(0).rule());
        assertTrue(f.sim.state().isDestroyed(id));
        assertEquals("guard:monthly-cap", f.auditOf(id).get(0).reason());
    }

    @Test
    void noAccountGuardsMeansNoBreaches() {
        f = GuardFixture.withCredit(1);
        f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.poll();
        f.advance(Duration.ofHours(3));
        GuardReport r = f.poll();
        assertTrue(r.activeBreaches().isEmpty());
        assertTrue(r.actions().isEmpty());
        assertTrue(r.isQuiet());
    }
}
