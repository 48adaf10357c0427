package io.imggenhub.vast.ui.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.GuardEngine;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.ViewModelFixture;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window's side of the guards without a window: saving and removing a guard shows in the Guard column at once,
 * a due guard first warns with "Keep it", a keep holds it back, and an unkept guard destroys on the next poll.
 * The simulator's clock is frozen and moved by the test, so nothing sleeps.
 */
class GuardViewModelTest {
    private final ViewModelFixture f = ViewModelFixture.withInstances(2);
    private final GuardEngine engine =
            GuardEngine.forServices(f.services, f.data.guards(f.sim.baseUrl()), f.data.history(), ZoneOffset.UTC);
    private final GuardViewModel vm =
            new GuardViewModel(engine, f.banners, f.runner, f.refreshNow(), f.reports::add, f.clock, ZoneOffset.UTC);
    private long id;

    @BeforeEach
    void firstPoll() {
        poll();
        id = f.liveIds().get(0);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** One poll as the window does it: list, record the history, evaluate the guards. */
    private void poll() {
        FleetSnapshot snapshot = f.services.repository().refresh();
        f.data.history().record(snapshot);
        vm.onSnapshot(snapshot);
    }

    private Optional<InstanceGuard> loaded() {
        List<Optional<InstanceGuard>> got = new ArrayList<>();
        vm.loadGuard(id, got::add);
        assertEquals(1, got.size(), "the same-thread runner hands the guard over before loadGuard returns");
        return got.get(0);
    }

    private Instance instance() {
        return f.services.repository().refresh().instances().stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSavedGuardShowsInTheColumnAtOnceAndARemovedOneGoes() {
        GuardCell before = vm.cells().get(id);
        InstanceGuard ttl = InstanceGuard.ttl(id, Duration.ofHours(6));

        vm.save(id, ttl);

        assertEquals(Optional.of(ttl), loaded());
        assertTrue(
                vm.cells().get(id).text().startsWith("TTL "), vm.cells().get(id).text());
        assertNotEquals(before, vm.cells().get(id));

        vm.save(id, null);

        assertEquals(Optional.empty(), loaded());
        assertEquals(before, vm.cells().get(id), "the column is back to what it showed without a guard");
        assertTrue(f.banners.find("guard-save").isEmpty(), "no save error");
    }

    @Test
    void theAccountGuardIsSavedAndReadBack() {
        AccountGuard guard = new AccountGuard(5.0, null, 1.0, false);

        vm.saveAccount(guard);

        List<AccountGuard> got = new ArrayList<>();
        vm.loadAccountGuard(got::add);
        assertEquals(List.of(guard), got);
    }

    @Test
    void aGuardWhoseLimitIsAlreadyReachedIsNamedBeforeSaving() {
        f.sim.clock().advance(Duration.ofHours(2));

        assertTrue(
                vm.engine()
                        .wouldActNow(instance(), InstanceGuard.ttl(id, Duration.ofMinutes(1)))
                        .isPresent(),
                "a lifetime shorter than its age destroys it at once");
        assertEquals(Optional.empty(), vm.engine().wouldActNow(instance(), InstanceGuard.ttl(id, Duration.ofDays(30))));
    }

    @Test
    void aDueGuardWarnsFirstWithKeepItAndDestroysOnTheNextPoll() {
        vm.save(id, InstanceGuard.ttl(id, Duration.ofMinutes(1)));
        f.sim.clock().advance(Duration.ofHours(2));

        poll();

        Banner warning = f.banner(GuardViewModel.WARN_PREFIX + id);
        assertEquals(Banner.Severity.WARNING, warning.severity());
        assertEquals("Keep it 1 h", warning.action().label());
        assertFalse(f.sim.state().isDestroyed(id), "the first poll only warns");

        poll();

        assertTrue(f.sim.state().isDestroyed(id), "the guard destroyed it on the next poll");
        assertTrue(f.banners.find(GuardViewModel.WARN_PREFIX + id).isEmpty(), "the warning went with it");
        Banner action = f.banner("guard-action-" + id);
        assertEquals(Banner.Severity.INFO, action.severity());
        assertTrue(f.refreshes.get() > 0, "the table is refreshed after a guard acted");
        assertEquals(1, f.liveIds().size(), "the unguarded instance is untouched");
    }

    @Test
    void keepItHoldsTheGuardBackAndTheWarningDoesNotComeBack() {
        vm.save(id, InstanceGuard.ttl(id, Duration.ofMinutes(1)));
        f.sim.clock().advance(Duration.ofHours(2));
        poll();

        f.banner(GuardViewModel.WARN_PREFIX + id).action().run().run();

        assertTrue(f.banners.find(GuardViewModel.WARN_PREFIX + id).isEmpty(), "the banner goes at once");
        assertTrue(
                vm.cells().get(id).text().contains("kept to "),
                vm.cells().get(id).text());
        poll();
        assertFalse(f.sim.state().isDestroyed(id), "kept for an hour");
        assertTrue(f.banners.find(GuardViewModel.WARN_PREFIX + id).isEmpty());
    }
}
