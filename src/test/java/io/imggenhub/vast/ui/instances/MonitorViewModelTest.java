package io.imggenhub.vast.ui.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.TransportException;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

/** The merge of a poll into the rows, without the FX toolkit: properties and lists need no running platform. */
class MonitorViewModelTest {
    static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");

    static Instance instance(long id, String gpu, String status, double dph, Instant started) {
        return InstanceBuilder.running(id, dph)
                .machineId(1L)
                .gpuName(gpu)
                .actualStatus(status)
                .nextState("running")
                .storageCost(0.1)
                .storageTotalCost(0.01)
                .diskSpace(20.0)
                .sshHost("ssh4.vast.ai")
                .sshPort(20000 + (int) (id % 1000))
                .publicIpaddr("1.2.3.4")
                .label("job-" + id)
                .startDate(started.getEpochSecond() + 0.0)
                .gpuUtil(55.0)
                .gpuRam(24576.0)
                .imageUuid("pytorch/pytorch")
                .imageRuntype("ssh")
                .isBid(false)
                .geolocation("NL")
                .build();
    }

    static FleetSnapshot snapshot(Instant at, double credit, Instance... instances) {
        return new FleetSnapshot(List.of(instances), new Account(1L, "demo", null, credit, credit, null, null), at);
    }

    @Test
    void aRefreshUpdatesTheSameRowObjectsInPlace() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.apply(snapshot(
                T0,
                10,
                instance(1, "RTX 4090", "running", 0.40, T0.minusSeconds(3600)),
                instance(2, "Tesla P40", "loading", 0.11, T0.minusSeconds(60))));
        InstanceRow first = vm.row(1).orElseThrow();
        InstanceRow second = vm.row(2).orElseThrow();

        vm.apply(snapshot(
                T0.plusSeconds(30),
                9.9,
                instance(1, "RTX 4090", "running", 0.40, T0.minusSeconds(3600)),
                instance(2, "Tesla P40", "running", 0.11, T0.minusSeconds(60))));

        assertSame(first, vm.rows().get(0));
        assertSame(second, vm.rows().get(1));
        assertEquals("running", second.statusProperty().get());
        assertEquals(StatusKind.RUNNING, second.statusKindProperty().get());
        assertEquals(Duration.ofSeconds(3630), first.uptimeProperty().get());
        assertEquals(0.40 * 3630 / 3600, first.costSoFarProperty().get(), 0.005);
    }

    @Test
    void aRefreshIsAtMostOneChangePerKindWhateverTheFleetSize() {
        MonitorViewModel vm = new MonitorViewModel();
        List<Instance> fleet = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            fleet.add(instance(i, "RTX 3090", "running", 0.2, T0.minusSeconds(i)));
        }
        vm.apply(snapshot(T0, 100, fleet.toArray(Instance[]::new)));
        List<String> events = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<InstanceRow>) c -> events.add("change"));

        // Every row's price moves, two disappear, one arrives.
        List<Instance> next = new ArrayList<>();
        for (Instance i : fleet.subList(2, 500)) {
            next.add(instance(i.id(), "RTX 3090", "running", 0.25, T0.minusSeconds(i.id())));
        }
        next.add(instance(999, "A100", "loading", 1.2, T0));
        vm.apply(snapshot(T0.plusSeconds(30), 99, next.toArray(Instance[]::new)));

        assertEquals(3, events.size(), "one removal, one update, one addition");
        assertEquals(499, vm.rows().size());
        assertTrue(vm.row(1).isEmpty());
        assertTrue(vm.row(999).isPresent());
    }

    @Test
    void onlyChangesThatCanMoveARowInTheCurrentSortAreReportedAsUpdates() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.apply(snapshot(T0, 10, instance(1, "A", "running", 0.30, T0), instance(2, "B", "running", 0.10, T0)));
        List<Integer> updated = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<InstanceRow>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    updated.add(c.getTo() - c.getFrom());
                }
            }
        });
        vm.setSortKeys(java.util.EnumSet.of(RowField.UPTIME));
        vm.apply(snapshot(
                T0.plusSeconds(30), 10, instance(1, "A", "running", 0.30, T0), instance(2, "B", "running", 0.10, T0)));
        assertEquals(List.of(), updated, "uptimes all grow alike: the order cannot change");
        assertEquals(
                Duration.ofSeconds(30), vm.row(1).orElseThrow().uptimeProperty().get(), "but the value did");

        vm.setSortKeys(java.util.EnumSet.of(RowField.HOURLY));
        vm.apply(snapshot(
                T0.plusSeconds(60), 10, instance(1, "A", "running", 0.30, T0), instance(2, "B", "running", 0.90, T0)));
        assertEquals(List.of(1), updated, "the price change of row 2 is reported");
    }

    @Test
    void aSortedViewKeepsItsOrderAcrossRefreshes() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.apply(snapshot(
                T0,
                10,
                instance(1, "A", "running", 0.30, T0),
                instance(2, "B", "running", 0.10, T0),
                instance(3, "C", "running", 0.20, T0)));
        SortedList<InstanceRow> sorted = new SortedList<>(
                vm.rows(), Comparator.comparingDouble(r -> r.hourlyProperty().get()));
        assertEquals(List.of(2L, 3L, 1L), sorted.stream().map(InstanceRow::id).toList());

        // Instance 2 gets dearer than the others: the sorted view follows the new value.
        vm.apply(snapshot(
                T0.plusSeconds(5),
                10,
                instance(1, "A", "running", 0.30, T0),
                instance(2, "B", "running", 0.50, T0),
                instance(3, "C", "running", 0.20, T0)));
        assertEquals(List.of(3L, 1L, 2L), sorted.stream().map(InstanceRow::id).toList());
    }

    @Test
    void destroyedInstancesThatLingerInTheListAreNotShown() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.apply(snapshot(T0, 10, instance(1, "A", "running", 0.3, T0), instance(2, "B", "destroyed", 0.1, T0)));
        assertEquals(List.of(1L), vm.rows().stream().map(InstanceRow::id).toList());
    }

    @Test
    void theSummaryFollowsTheSnapshot() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.lowRunwayHoursProperty().set(10);
        vm.apply(snapshot(T0, 4.0, instance(1, "A", "running", 0.5, T0), instance(2, "B", "running", 0.5, T0)));
        assertEquals(1.0, vm.burnPerHourProperty().get(), 1e-9);
        assertEquals(24.0, vm.burnPerDayProperty().get(), 1e-9);
        assertEquals(4.0, vm.creditProperty().get(), 1e-9);
        assertEquals(2, vm.billingProperty().get());
        assertEquals(Duration.ofHours(4), vm.runwayProperty().get());
        assertEquals(T0.plus(Duration.ofHours(4)), vm.creditZeroAtProperty().get());
        assertTrue(vm.runwayLowProperty().get(), "4 h is below the 10 h warning");
        vm.lowRunwayHoursProperty().set(2);
        assertFalse(vm.runwayLowProperty().get());

        vm.tick(T0.plusSeconds(12));
        assertEquals("updated 12 s ago", vm.updatedAgoProperty().get());

        vm.apply(snapshot(T0.plusSeconds(20), 4.0));
        assertNull(vm.runwayProperty().get(), "nothing bills: no runway");
    }

    @Test
    void aFailedPollKeepsTheDataAndMarksItStale() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.apply(snapshot(T0, 10, instance(1, "A", "running", 0.3, T0)));
        vm.pollFailed(new TransportException("connection_refused", "cannot connect to 127.0.0.1", -1, null));
        assertTrue(vm.staleProperty().get());
        assertEquals(
                "connection_refused: cannot connect to 127.0.0.1",
                vm.pollErrorProperty().get());
        assertEquals(1, vm.rows().size());

        vm.apply(snapshot(T0.plusSeconds(30), 10, instance(1, "A", "running", 0.3, T0)));
        assertFalse(vm.staleProperty().get());
        assertNull(vm.pollErrorProperty().get());
    }
}
