package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.ui.common.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the monitor: the rows and the spend summary, merged from each poll. Everything here changes on the
 * FX thread only; views bind to the read-only properties.
 */
public final class MonitorViewModel {
    private final RowList rows = new RowList();
    private final ObservableList<InstanceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, InstanceRow> byId = new HashMap<>();

    private final ReadOnlyObjectWrapper<FleetSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyDoubleWrapper burnPerHour = new ReadOnlyDoubleWrapper(this, "burnPerHour");
    private final ReadOnlyDoubleWrapper burnPerDay = new ReadOnlyDoubleWrapper(this, "burnPerDay");
    private final ReadOnlyDoubleWrapper credit = new ReadOnlyDoubleWrapper(this, "credit");
    private final ReadOnlyIntegerWrapper billing = new ReadOnlyIntegerWrapper(this, "billing");
    private final ReadOnlyObjectWrapper<Duration> runway = new ReadOnlyObjectWrapper<>(this, "runway");
    private final ReadOnlyObjectWrapper<Instant> creditZeroAt = new ReadOnlyObjectWrapper<>(this, "creditZeroAt");
    private final ReadOnlyObjectWrapper<Instant> lastUpdated = new ReadOnlyObjectWrapper<>(this, "lastUpdated");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now", Instant.now());
    private final ReadOnlyStringWrapper updatedAgo = new ReadOnlyStringWrapper(this, "updatedAgo", "not updated yet");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper pollError = new ReadOnlyStringWrapper(this, "pollError");
    private final ReadOnlyBooleanWrapper runwayLow = new ReadOnlyBooleanWrapper(this, "runwayLow");
    private final ReadOnlyBooleanWrapper burnHigh = new ReadOnlyBooleanWrapper(this, "burnHigh");
    private final ReadOnlyBooleanWrapper creditLow = new ReadOnlyBooleanWrapper(this, "creditLow");
    private final ReadOnlyBooleanWrapper creditUsedUp = new ReadOnlyBooleanWrapper(this, "creditUsedUp");
    private final DoubleProperty lowRunwayHours = new SimpleDoubleProperty(this, "lowRunwayHours", 6);
    private final DoubleProperty highBurnPerHour = new SimpleDoubleProperty(this, "highBurnPerHour", 5);
    private final DoubleProperty lowCreditUsd = new SimpleDoubleProperty(this, "lowCreditUsd", 0);
    /** What the table is sorted by: only changes to these are reported as row updates (see {@link #apply}). */
    private Set<RowField> sortKeys = EnumSet.allOf(RowField.class);

    public MonitorViewModel() {
        lowRunwayHours.addListener((o, a, b) -> evaluateThresholds());
        highBurnPerHour.addListener((o, a, b) -> evaluateThresholds());
        lowCreditUsd.addListener((o, a, b) -> evaluateThresholds());
    }

    /**
     * Merges a poll into the rows: existing rows are updated in place, new ones appended, vanished ones removed —
     * at most three list changes whatever the fleet size, never a clear-and-refill. Cells follow the row
     * properties by themselves; a row is reported as updated only when a value the table is sorted by changed in
     * a way that can move it, because a table reacting to 2,000 updates costs the FX thread far more than the merge.
     */
    public void apply(FleetSnapshot next) {
        Instant at = next.fetchedAt();
        Set<Long> seen = new HashSet<>();
        List<InstanceRow> added = new ArrayList<>();
        Set<InstanceRow> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Instance instance : next.live()) {
            if (!seen.add(instance.id())) {
                continue;
            }
            InstanceRow row = byId.get(instance.id());
            if (row == null) {
                row = new InstanceRow(instance, at);
                byId.put(instance.id(), row);
                added.add(row);
            } else if (reorders(row.update(instance, at))) {
                changed.add(row);
            }
        }
        if (byId.size() > seen.size()) {
            Set<InstanceRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            byId.values().removeIf(row -> {
                if (seen.contains(row.id())) {
                    return false;
                }
                gone.add(row);
                return true;
            });
            rows.removeAll(gone);
        }
        if (!changed.isEmpty()) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (changed.contains(rows.get(i))) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            rows.fireUpdated(first, last + 1);
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }

        snapshot.set(next);
        // Each of the snapshot's sums walks the whole fleet: take each once.
        double burn = next.burnPerHour();
        Duration left = next.runway().orElse(null);
        burnPerHour.set(burn);
        burnPerDay.set(burn * 24);
        credit.set(next.credit());
        billing.set(next.billingCount());
        runway.set(left);
        creditUsedUp.set(next.creditUsedUp());
        // Used up is now: never a "reaches zero at" moment that has already passed.
        creditZeroAt.set(left == null || next.creditUsedUp() ? null : at.plus(left));
        lastUpdated.set(at);
        stale.set(false);
        pollError.set(null);
        evaluateThresholds();
        refreshAgo();
    }

    private boolean reorders(Set<RowField> changedFields) {
        for (RowField field : changedFields) {
            if (field.canReorder() && sortKeys.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /** The fields the table is sorted by now; the view keeps this current. Empty when unsorted. */
    public void setSortKeys(Set<RowField> keys) {
        sortKeys = keys.isEmpty() ? EnumSet.noneOf(RowField.class) : EnumSet.copyOf(keys);
    }

    /** A poll failed: the data stays, marked stale, with the reason. */
    public void pollFailed(Throwable error) {
        pollError.set(describe(error));
        stale.set(true);
    }

    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        if (error instanceof VastException) {
            return error.getMessage();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Moves the clock that "updated 12 s ago" counts from. */
    public void tick(Instant time) {
        now.set(time);
        refreshAgo();
    }

    private void refreshAgo() {
        Instant last = lastUpdated.get();
        updatedAgo.set(last == null ? "not updated yet" : "updated " + Format.ago(Duration.between(last, now.get())));
    }

    /** Colours the summary tiles: a plain comparison of the current values (the banners come from SpendWatch). */
    private void evaluateThresholds() {
        Duration left = runway.get();
        runwayLow.set(left != null && left.toMillis() < lowRunwayHours.get() * 3_600_000);
        burnHigh.set(highBurnPerHour.get() > 0 && burnPerHour.get() > highBurnPerHour.get());
        creditLow.set(snapshot.get() != null && lowCreditUsd.get() > 0 && credit.get() < lowCreditUsd.get());
    }

    /** Takes a row off the table once its instance is verified gone, without waiting for the next poll. */
    void removeRow(long id) {
        InstanceRow row = byId.remove(id);
        if (row != null) {
            rows.remove(row);
        }
    }

    public Optional<InstanceRow> row(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public ObservableList<InstanceRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<FleetSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty burnPerHourProperty() {
        return burnPerHour.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty burnPerDayProperty() {
        return burnPerDay.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty creditProperty() {
        return credit.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty billingProperty() {
        return billing.getReadOnlyProperty();
    }

    /** Null while nothing bills. */
    public ReadOnlyObjectProperty<Duration> runwayProperty() {
        return runway.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> creditZeroAtProperty() {
        return creditZeroAt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastUpdatedProperty() {
        return lastUpdated.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedAgoProperty() {
        return updatedAgo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pollErrorProperty() {
        return pollError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runwayLowProperty() {
        return runwayLow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty burnHighProperty() {
        return burnHigh.getReadOnlyProperty();
    }

    /** Credit at or below zero: Vast refuses to rent and whatever still bills runs the account into debt. */
    public ReadOnlyBooleanProperty creditUsedUpProperty() {
        return creditUsedUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creditLowProperty() {
        return creditLow.getReadOnlyProperty();
    }

    public DoubleProperty lowCreditUsdProperty() {
        return lowCreditUsd;
    }

    public DoubleProperty lowRunwayHoursProperty() {
        return lowRunwayHours;
    }

    public DoubleProperty highBurnPerHourProperty() {
        return highBurnPerHour;
    }
}
