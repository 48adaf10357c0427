package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.store.StoreException;
import io.imggenhub.vast.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The History tab's state: burn and credit points and estimated spend per instance over the chosen range, read
 * from the local spend history in the background. Reading also thins old history about once an hour.
 */
final class HistoryModel {
    enum Range {
        DAY("24 h", Duration.ofHours(24)), WEEK("7 d", Duration.ofDays(7));

        final String label;
        final Duration length;

        Range(String label, Duration length) {
            this.label = label;
            this.length = length;
        }
    }

    /** A poll may be missed now and then; a gap longer than this is time the app was not watching. */
    static final Duration MAX_GAP = Duration.ofMinutes(10);
    private static final Duration DOWNSAMPLE_EVERY = Duration.ofHours(1);

    private record Loaded(Range range, Instant from, Instant to, List<SpendHistory.Point> points,
                          List<SpendHistory.InstanceSpend> spend) {
    }

    private final SpendHistory history;
    private final TaskRunner runner;
    private final Clock clock;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.DAY);
    private final ObservableList<SpendHistory.Point> points = FXCollections.observableArrayList();
    private final ObservableList<SpendHistory.InstanceSpend> spend = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private volatile Instant lastDownsample = Instant.EPOCH;
    private boolean loading;
    private boolean again;

    HistoryModel(SpendHistory history, TaskRunner runner, Clock clock) {
        this.history = history;
        this.runner = runner;
        this.clock = clock;
        range.addListener((o, was, is) -> reload());
    }

    /** Reads the range again in the background; calls that come while a read runs fold into one more read. */
    void reload() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        Range r = range.get();
        runner.task(p -> {
                    Instant now = clock.instant();
                    Instant start = now.minus(r.length);
                    List<SpendHistory.InstanceSpend> perInstance = history.spendPerInstance(start, now, MAX_GAP)
                            .values().stream()
                            .sorted(Comparator.comparingDouble(SpendHistory.InstanceSpend::usd).reversed())
                            .toList();
                    return new Loaded(r, start, now, history.points(start, now), perInstance);
                })
                .onSuccess(l -> {
                    from.set(l.from);
                    to.set(l.to);
                    points.setAll(l.points);
                    spend.setAll(l.spend);
                    error.set("");
                })
                .onError(StoreException.class, e -> error.set(e.getMessage()))
                .onError(e -> error.set("Could not read the spend history: " + e))
                .andFinally(this::done)
                .start();
    }

    /** Thins old history in the background about once an hour (called after polls, whatever tab is showing). */
    void thinIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastDownsample, now).compareTo(DOWNSAMPLE_EVERY) < 0) {
            return;
        }
        lastDownsample = now;
        runner.execute(() -> {
            try {
                history.downsample(now);
            } catch (StoreException e) {
                java.util.logging.Logger.getLogger(HistoryModel.class.getName()).warning(e.getMessage());
            }
        });
    }

    private void done() {
        loading = false;
        if (again) {
            again = false;
            reload();
        }
    }

    ObjectProperty<Range> rangeProperty() {
        return range;
    }

    ObservableList<SpendHistory.Point> points() {
        return points;
    }

    ObservableList<SpendHistory.InstanceSpend> spend() {
        return spend;
    }

    ObjectProperty<Instant> fromProperty() {
        return from;
    }

    ObjectProperty<Instant> toProperty() {
        return to;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
