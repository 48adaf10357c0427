package io.imggenhub.vast.ui.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.ViewModelFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Destroy, Destroy selected and Destroy All without a window, against the simulator (vast-api.md §3.5). */
class DestroyViewModelTest {
    private final ViewModelFixture f = ViewModelFixture.withInstances(4);
    private final List<Confirmer.Confirmation> asked = new ArrayList<>();
    private boolean answer = true;
    private final DestroyViewModel vm = new DestroyViewModel(
            f.services.destroyer(),
            f.monitor,
            q -> {
                asked.add(q);
                return answer;
            },
            f.runner,
            f.banners,
            f.refreshNow(),
            f.reports::add);

    @BeforeEach
    void poll() {
        f.poll();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private InstanceRow row(int i) {
        return f.monitor.rows().get(i);
    }

    @Test
    void destroyOneAsksThenDestroysExactlyThatInstanceAndDropsItsRow() {
        long id = row(1).id();

        // Non-null (something started) is what makes the table clear its selection (FleetControls.destroySelection).
        assertNotNull(vm.destroy(row(1)));

        assertEquals("Destroy instance " + id + "?", asked.get(0).header());
        assertTrue(f.sim.state().isDestroyed(id));
        assertEquals(3, f.liveIds().size(), "the other three untouched");
        assertTrue(f.monitor.row(id).isEmpty(), "its row is gone at once");
        assertEquals(3, f.monitor.rows().size());
        assertEquals(Banner.Severity.SUCCESS, f.banner("destroy-" + id).severity());
        assertEquals(
                DestroyOutcome.Status.DESTROYED,
                f.reports.get(0).outcomes().get(0).status());
        assertFalse(vm.busyBinding().get());
        assertEquals(1, f.refreshes.get());
    }

    @Test
    void aDeclinedConfirmationDestroysNothing() {
        answer = false;

        assertNull(vm.destroy(row(0)), "nothing started, so the selection is kept");
        assertNull(vm.destroySelected(List.of(row(0), row(1))));
        assertNull(vm.destroyAll());

        assertEquals(3, asked.size());
        assertEquals(4, f.liveIds().size());
        assertEquals(0, f.sim.count("DELETE", "/api/v0/instances"));
        assertEquals("", row(0).actionProperty().get());
    }

    @Test
    void destroySelectedNamesTheCountAndDestroysOnlyThoseRows() {
        List<InstanceRow> chosen = List.of(row(0), row(2));
        List<Long> ids = chosen.stream().map(InstanceRow::id).toList();

        assertNotNull(vm.destroySelected(chosen));

        assertEquals("Destroy the 2 selected instances?", asked.get(0).header());
        assertEquals("Destroy 2", asked.get(0).action());
        ids.forEach(id -> assertTrue(f.sim.state().isDestroyed(id), id + " destroyed"));
        assertEquals(2, f.liveIds().size(), "the two not selected still run");
        assertEquals(2, f.monitor.rows().size());
        ids.forEach(id -> assertTrue(f.monitor.row(id).isEmpty()));
        assertEquals("Destroyed 2/2 instances", f.banner("destroy-selected").title());
        assertFalse(vm.busyBinding().get());
    }

    @Test
    void oneSelectedRowIsNotABulkDestroy() {
        assertNull(vm.destroySelected(List.of(row(0))), "one row goes through destroy(row)");
        assertTrue(asked.isEmpty());
    }

    @Test
    void destroyAllNamesTheCountAndLeavesNothingBilling() {
        assertNotNull(vm.destroyAll());

        assertEquals("Destroy all 4 instances?", asked.get(0).header());
        assertEquals(List.of(), f.liveIds());
        assertEquals(List.of(), f.monitor.rows());
        Banner done = f.banner("destroy-all");
        assertEquals(Banner.Severity.SUCCESS, done.severity());
        assertEquals("Destroyed 4/4 instances", done.title());
        assertEquals(4, f.reports.get(0).stopped());
        assertFalse(vm.destroyingAllProperty().get());
        assertEquals(0, vm.progressProperty().get(), "the progress bar is reset");
        assertEquals("", vm.progressTextProperty().get());
    }

    @Test
    void destroyAllWithAnEmptyTableSaysSoAndAsksNothing() {
        vm.destroyAll();
        f.poll();
        asked.clear();

        assertNull(vm.destroyAll());

        assertTrue(asked.isEmpty());
        assertEquals("No active instances to destroy.", f.banner("destroy-all").title());
    }
}
