package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily and monthly caps on real money: Vast's charges (vast-api.md §3.8) where they exist, the poll estimate
 * only for the hours after the newest charge, and the guard's text says which is which.
 */
class ChargedCapsTest {
    private GuardFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private GuardEngine engine(SpendLedger ledger) {
        return new GuardEngine(f.book, f.destroyer, ledger, f.audit, f.clock, f.zone, GuardEngine.Settings.DEFAULT);
    }

    private Instant startOfToday() {
        LocalDate today = f.now().atZone(f.zone).toLocalDate();
        return today.atStartOfDay(f.zone).toInstant();
    }

    @Test
    void hoursTheAppWasClosedCountBecauseVastBilledThem() {
        f = GuardFixture.withCredit(100);
        f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(AccountGuard.NONE.withDailyCap(6.0));
        ChargedSpendLedger charged =
                new ChargedSpendLedger(f.client::charges, f.history, f.clock, Duration.ofMinutes(5));
        GuardEngine estimateOnly = engine(f.history);
        GuardEngine onCharges = engine(charged);
        f.history.record(f.repository.refresh());
        // The app is closed for five hours: the estimate holds the last poll's burn for 90 minutes only.
        f.advance(Duration.ofHours(5));
        var snapshot = f.repository.refresh();
        f.history.record(snapshot);

        assertTrue(estimateOnly.evaluate(snapshot).breachChanges().isEmpty(), "the estimate sees about $3 of $10");
        GuardReport report = onCharges.evaluate(snapshot);
        assertEquals(1, report.breachChanges().size());
        AccountBreach b = report.breachChanges().get(0);
        assertEquals(GuardRule.DAILY_CAP, b.rule());
        assertEquals(
                "Daily spend cap reached: $10.00 spent today ($10.00 billed by Vast up to " + f.hhmm(f.now())
                        + ", about $0.00 estimated since) (cap $6.00).",
                b.message());
    }

    @Test
    void theEstimateCoversOnlyTheTimeSinceTheNewestCharge() {
        f = GuardFixture.withCredit(100);
        f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        ChargedSpendLedger charged = new ChargedSpendLedger(f.client::charges, f.history, f.clock, Duration.ofHours(1));
        f.history.record(f.repository.refresh());
        f.advance(Duration.ofMinutes(60));
        f.history.record(f.repository.refresh());
        Instant readAt = f.now();
        Spend first = charged.spend(startOfToday(), f.now(), Duration.ofMinutes(90));
        assertEquals(2.00, first.billedUsd(), 0.001);
        assertEquals(0.0, first.estimatedUsd(), 0.001, "charges end on whole seconds: at most a second is estimated");

        f.advance(Duration.ofMinutes(30));
        f.history.record(f.repository.refresh());
        Spend later = charged.spend(startOfToday(), f.now(), Duration.ofMinutes(90));
        assertEquals(readAt.getEpochSecond(), later.billedUntil().getEpochSecond(), "not read again within the hour");
        assertEquals(2.00, later.billedUsd(), 0.001, "Vast's part is the last read");
        assertEquals(1.00, later.estimatedUsd(), 0.001, "the half hour since is the estimate");
        assertEquals(3.00, later.totalUsd(), 0.002);
    }

    @Test
    void withoutChargesTheCapFallsBackToTheEstimateAndSaysSo() {
        f = GuardFixture.withCredit(100);
        f.sim.state().addInstance("RTX 4090", 1, 2.00, null);
        f.book.setAccountGuard(AccountGuard.NONE.withDailyCap(1.5));
        ChargedSpendLedger charged = new ChargedSpendLedger(
                (from, to) -> {
                    throw new AuthenticationException("auth_error", "Invalid user key", 404);
                },
                f.history,
                f.clock,
                Duration.ofMinutes(5));
        GuardEngine engine = engine(charged);
        f.history.record(f.repository.refresh());
        f.advance(Duration.ofMinutes(60));
        var snapshot = f.repository.refresh();
        f.history.record(snapshot);
        Spend spend = charged.spend(startOfToday(), f.now(), Duration.ofMinutes(90));
        assertFalse(spend.hasCharges());
        assertNull(spend.billedUntil());
        AccountBreach b = engine.evaluate(snapshot).breachChanges().get(0);
        assertEquals("Daily spend cap reached: about $2.00 spent today (cap $1.50).", b.message());
    }
}
