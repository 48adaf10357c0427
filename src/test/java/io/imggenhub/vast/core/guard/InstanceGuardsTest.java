package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each per-instance guard against the simulator with its clock moved by hand: destroyed on the first poll after
 * its limit and not before, the audit log names the reason before the destroy, warnings come ahead and once, and
 * "keep it" holds the action back.
 */
class InstanceGuardsTest {
    GuardFixture f;

    @BeforeEach
    void start() {
        f = GuardFixture.withCredit(500);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void ttlWarnsOnceAheadThenDestroysOnThePollAfterItsLimit() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.40, "ttl-job");
        long other = f.sim.state().addInstance("RTX 3090", 1, 0.25, "unguarded");
        Instant due = f.now().plus(Duration.ofHours(2));
        f.book.setInstanceGuard(InstanceGuard.ttl(id, Duration.ofHours(2)), f.now());

        assertTrue(f.poll().isQuiet());
        f.advance(Duration.ofMinutes(110));
        GuardReport early = f.poll();
        assertTrue(early.pending().isEmpty(), "ten minutes ahead is before the five-minute warning");

        f.advance(Duration.ofMinutes(6));
        GuardReport warned = f.poll();
        assertEquals(1, warned.newWarnings().size());
        GuardWarning w = warned.newWarnings().get(0);
        assertEquals(GuardRule.TTL, w.rule());
        assertEquals(Optional.of(id), w.instance());
        assertEquals(
                "Instance " + id + " (RTX 4090) will be destroyed at " + f.hhmm(due) + ": lifetime 2 h reached.",
                w.message());
        assertTrue(warned.actions().isEmpty());

        f.advance(Duration.ofMinutes(1));
        GuardReport again = f.poll();
        assertTrue(again.newWarnings().isEmpty(), "a warning fires once per episode");
        assertEquals(1, again.pending().size(), "but stays pending for the banner");

        f.advance(Duration.between(f.now(), due).minusSeconds(1));
        assertTrue(f.poll().actions().isEmpty(), "one second before the limit nothing happens");
        assertFalse(f.sim.state().isDestroyed(id));

        f.advance(GuardFixture.POLL);
        GuardReport acted = f.poll();
        assertEquals(1, acted.actions().size());
        GuardAction action = acted.actions().get(0);
        assertEquals(GuardRule.TTL, action.rule());
        assertEquals(List.of(id), action.instanceIds());
        assertTrue(action.succeeded(), action.message());
        assertEquals("Guard destroyed instance " + id + ": lifetime 2 h reached.", action.message());
        assertTrue(f.sim.state().isDestroyed(id));
        assertEquals(Optional.of("api"), f.sim.state().destroyedBy(id), "through the destroyer, not the watchdog");
        assertFalse(f.sim.state().isDestroyed(other), "an unguarded instance is left alone");

        assertReasonBeforeDestroy(id, "guard:ttl", "lifetime 2 h reached");
        f.advance(GuardFixture.POLL);
        assertTrue(f.poll().actions().isEmpty(), "a destroyed instance is not destroyed again");
    }

    @Test
    void idleCountsFromTheFirstIdlePollAndABusyPollResetsIt() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.40, "idle-job");
        f.book.setInstanceGuard(InstanceGuard.idle(id, 5, Duration.ofMinutes(30)), f.now());
        assertTrue(f.poll().isQuiet(), "the seeded load is above 5%");

        f.sim.state().setGpuUtil(id, 2.0);
        f.poll();
        f.advance(Duration.ofMinutes(20));
        f.sim.state().setGpuUtil(id, 60.0);
        f.poll();
        assertFalse(f.engine.protection(instance(id)).rules().get(0).due().isPresent(), "busy again: no countdown");

        f.sim.state().setGpuUtil(id, 1.0);
        Instant idleFrom = f.now();
        f.poll();
        Protection p = f.engine.protection(instance(id));
        assertEquals(
                Optional.of(idleFrom.plus(Duration.ofMinutes(30))),
                p.rules().get(0).due());
        assertTrue(
                p.rules().get(0).description().contains("idle since"),
                p.rules().get(0).description());

        // Without the reset it would have been idle for 50 minutes here.
        f.advance(Duration.ofMinutes(30).minusSeconds(1));
        GuardReport before = f.poll();
        assertTrue(before.actions().isEmpty());
        assertEquals(1, before.newWarnings().size());
        assertEquals(GuardRule.IDLE, before.newWarnings().get(0).rule());
        assertFalse(f.sim.state().isDestroyed(id));

        f.advance(GuardFixture.POLL);
        GuardReport acted = f.poll();
        assertEquals(1, acted.actions().size());
        assertEquals(GuardRule.IDLE, acted.actions().get(0).rule());
        assertTrue(f.sim.state().isDestroyed(id));
        assertReasonBeforeDestroy(id, "guard:idle", "GPU below 5% for 30 min");
    }

    @Test
    void noUtilisationFigureOrANonRunningContainerIsNeverIdle() {
        long id = 42L;
        f.book.setInstanceGuard(InstanceGuard.idle(id, 5, Duration.ofMinutes(10)), f.now());
        for (int i = 0; i < 5; i++) {
            Instant now = f.now();
            FleetSnapshot s = new FleetSnapshot(
                    List.of(row(id, "running", null, now), row(43L, "loading", 0.0, now)),
                    new Account(1L, "u", "e", 100.0, 0.0, null, null),
                    now);
            f.book.setInstanceGuard(InstanceGuard.idle(43L, 5, Duration.ofMinutes(10)), now);
            assertTrue(f.engine.evaluate(s).isQuiet());
            f.advance(Duration.ofMinutes(10));
        }
        assertEquals(
                0,
                f.sim.requests().stream()
                        .filter(r -> r.method().equals("DELETE"))
                        .count());
    }

    @Test
    void maxHourlyWarnsAtTheFirstPollAboveItsCapAndDestroysAtTheNext() {
        long cheap = f.sim.state().addInstance("RTX 3090", 1, 0.30, "cheap");
        long dear = f.sim.state().addInstance("RTX 4090", 1, 0.80, "dear");
        f.poll();
        f.book.setInstanceGuard(InstanceGuard.maxHourly(cheap, 0.50), f.now());
        f.book.setInstanceGuard(InstanceGuard.maxHourly(dear, 0.50), f.now());

        // Issue 12: never a destroy nobody was warned of; one poll to "Keep it".
        GuardReport warned = f.poll();
        assertTrue(warned.actions().isEmpty());
        assertEquals(1, warned.newWarnings().size());
        assertEquals(
                "Instance " + dear + " (RTX 4090, $0.8000/hr) will be destroyed on the next check: it bills"
                        + " $0.8000/hr, above its $0.50/hr cap.",
                warned.newWarnings().get(0).message());
        assertFalse(f.sim.state().isDestroyed(dear));

        f.advance(GuardFixture.POLL);
        GuardReport acted = f.poll();
        assertEquals(1, acted.actions().size());
        GuardAction a = acted.actions().get(0);
        assertEquals(GuardRule.MAX_HOURLY, a.rule());
        assertEquals(List.of(dear), a.instanceIds());
        assertEquals("it bills $0.8000/hr, above its $0.50/hr cap", a.why());
        assertTrue(f.sim.state().isDestroyed(dear));
        assertFalse(f.sim.state().isDestroyed(cheap), "under its cap");
        assertReasonBeforeDestroy(dear, "guard:max-hourly", "above its $0.50/hr cap");
    }

    @Test
    void keepItCancelsThePendingActionAndASecondProcessHonoursIt() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.40, "keep-me");
        Instant start = f.now();
        f.book.setInstanceGuard(InstanceGuard.ttl(id, Duration.ofHours(1)), start);
        f.poll();
        f.advance(Duration.ofMinutes(57));
        assertEquals(1, f.poll().newWarnings().size());

        assertTrue(f.engine.keep(id, Duration.ofHours(1)));
        Instant keptUntil = start.plus(Duration.ofMinutes(117)).truncatedTo(ChronoUnit.MILLIS);
        assertEquals(Optional.of(keptUntil), f.book.keptUntil(id));

        f.advance(Duration.ofMinutes(4));
        GuardReport past = f.poll();
        assertTrue(past.actions().isEmpty(), "the lifetime has passed but the user kept it");
        assertTrue(past.pending().isEmpty());
        assertTrue(
                f.newEngine().evaluate(f.repository.refresh()).actions().isEmpty(),
                "the keep is in the store, so watch on this machine holds back too");
        assertFalse(f.sim.state().isDestroyed(id));
        assertEquals(
                Optional.of(keptUntil),
                f.engine.protection(instance(id)).rules().get(0).due());

        f.advance(Duration.ofMinutes(113).minus(Duration.between(start, f.now())));
        GuardReport rewarned = f.poll();
        assertEquals(1, rewarned.newWarnings().size(), "a new episode warns again before the keep ends");
        assertEquals(keptUntil, rewarned.newWarnings().get(0).dueAt());

        f.advance(Duration.between(f.now(), keptUntil).plus(GuardFixture.POLL));
        assertEquals(1, f.poll().actions().size());
        assertTrue(f.sim.state().isDestroyed(id));
        assertTrue(f.auditOf(id).stream().anyMatch(e -> e.action().equals("guard-keep")), "the keep is audited");
    }

    @Test
    void aFailedGuardDestroyIsReportedAndTriedAgainOnTheNextPoll() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.80, null);
        f.book.setInstanceGuard(InstanceGuard.maxHourly(id, 0.50), f.now());
        f.sim.faults().failDestroy(id, 500);
        assertTrue(f.poll().actions().isEmpty(), "first the warning");
        f.advance(GuardFixture.POLL);
        GuardAction failed = f.poll().actions().get(0);
        assertFalse(failed.succeeded());
        assertTrue(failed.message().startsWith("Guard destroyed 0/1 instance"), failed.message());
        assertFalse(f.sim.state().isDestroyed(id));

        f.sim.faults().failDestroy(id, 0);
        f.advance(GuardFixture.POLL);
        assertTrue(f.poll().actions().get(0).succeeded());
        assertTrue(f.sim.state().isDestroyed(id));
    }

    @Test
    void keepOnlyWorksForGuardedInstancesAndNeedsAPositiveTime() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.40, null);
        assertFalse(f.engine.keep(id, Duration.ofHours(1)));
        f.book.setInstanceGuard(InstanceGuard.ttl(id, Duration.ofHours(1)), f.now());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> f.engine.keep(id, Duration.ZERO));
        assertEquals("Keep it needs a positive time, not 0 s", e.getMessage());
    }

    @Test
    void protectionSaysWhatGuardsAnInstanceAndThatItIsLocalOnly() {
        long guarded = f.sim.state().addInstance("RTX 4090", 1, 0.40, null);
        long bare = f.sim.state().addInstance("RTX 3090", 1, 0.20, null);
        f.book.setInstanceGuard(InstanceGuard.ttl(guarded, Duration.ofHours(2)).withMaxHourly(1.0), f.now());
        FleetSnapshot s = f.repository.refresh();
        var all = f.engine.protections(s);

        Protection p = all.get(guarded);
        assertEquals(Protection.Coverage.LOCAL_ONLY, p.coverage());
        assertTrue(p.localOnly());
        assertEquals(
                List.of(GuardRule.TTL, GuardRule.MAX_HOURLY),
                p.rules().stream().map(Protection.Planned::rule).toList());
        Instant due = instance(guarded).started().plus(Duration.ofHours(2));
        assertEquals(Optional.of(due), p.nextActionAt());
        String summary = p.summary(f.zone);
        assertTrue(summary.startsWith("lifetime 2 h → " + f.hhmm(due)), summary);
        assertTrue(summary.endsWith("only while imggenhub-vast runs"), summary);

        assertEquals(Protection.Coverage.NONE, all.get(bare).coverage());
        assertEquals("unguarded", all.get(bare).summary(f.zone));
    }

    @Test
    void guardsOfVanishedInstancesArePrunedAfterAGrace() {
        long id = f.sim.state().addInstance("RTX 4090", 1, 0.40, null);
        f.book.setInstanceGuard(InstanceGuard.ttl(99L, Duration.ofHours(1)), f.now());
        f.book.setInstanceGuard(InstanceGuard.ttl(id, Duration.ofHours(5)), f.now());
        f.poll();
        assertTrue(f.book.instanceGuard(99L).isPresent(), "just set: perhaps not listed yet");
        f.advance(Duration.ofMinutes(11));
        f.poll();
        assertTrue(f.book.instanceGuard(99L).isEmpty());
        assertTrue(f.book.instanceGuard(id).isPresent(), "a listed instance keeps its guard");
    }

    /** The guard's own intent (with the human reason) comes first, then the destroyer's, then its outcome. */
    private void assertReasonBeforeDestroy(long id, String reason, String why) {
        List<AuditEvent> events = f.auditOf(id);
        assertFalse(events.isEmpty());
        AuditEvent first = events.get(0);
        assertEquals("guard", first.action());
        assertEquals(reason, first.reason());
        assertEquals(AuditEvent.Phase.INTENT, first.phase());
        assertTrue(first.detail().contains(why), first.detail());
        int request = indexOf(events, "destroy-request", AuditEvent.Phase.INTENT);
        int outcome = indexOf(events, "destroy", AuditEvent.Phase.OUTCOME);
        assertTrue(0 < request && request < outcome, "intent, request, outcome: " + events);
        assertTrue(
                events.stream().filter(e -> !e.action().equals("guard-keep")).allMatch(e -> e.reason()
                        .equals(reason)),
                "every step names the reason");
        assertTrue(
                events.get(outcome).detail().startsWith("stopped 1/1"),
                events.get(outcome).detail());
    }

    private static int indexOf(List<AuditEvent> events, String action, AuditEvent.Phase phase) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).action().equals(action) && events.get(i).phase() == phase) {
                return i;
            }
        }
        return -1;
    }

    private Instance instance(long id) {
        return f.client.getInstance(id).orElseThrow();
    }

    private static Instance row(long id, String status, Double gpuUtil, Instant now) {
        return InstanceBuilder.running(id, 0.4)
                .actualStatus(status)
                .startDate(now.minus(Duration.ofHours(1)).getEpochSecond() + 0.0)
                .gpuUtil(gpuUtil)
                .build();
    }
}
