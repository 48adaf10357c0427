package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.api.Charge;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.ChargeBars;
import io.imggenhub.vast.core.ChargePeriod;
import io.imggenhub.vast.core.ChargeReconciler;
import io.imggenhub.vast.core.ChargeSource;
import io.imggenhub.vast.core.InstanceCharges;
import io.imggenhub.vast.core.Reconciliation;
import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.store.StoreException;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History tab's state: burn and credit points and estimated spend per instance over the chosen range, read
 * from the local spend history in the background, and, once {@link #useCharges} is called, Vast's own charges
 * for the range beside the estimate (per instance and as bars). Reading also thins old history about once an hour.
 */
final class HistoryModel {
    enum Range {
        DAY(ChargePeriod.DAY),
        WEEK(ChargePeriod.WEEK),
        MONTH(ChargePeriod.MONTH);

        final String label;
        final ChargePeriod period;

        Range(ChargePeriod period) {
            this.label = period.label();
            this.period = period;
        }

        /** "Last 24 h", "Last 7 d", "This month". */
        String buttonText() {
            return this == MONTH ? "This month" : "Last " + label;
        }
    }

    /** Charges are read at most this often per range (each read is a paced request to Vast). */
    static final Duration CHARGES_REFRESH = Duration.ofMinutes(1);

    /** A poll may be missed now and then; a gap longer than this is time the app was not watching. */
    static final Duration MAX_GAP = Duration.ofMinutes(10);

    private static final Duration DOWNSAMPLE_EVERY = Duration.ofHours(1);

    private record Loaded(
            Range range,
            Instant from,
            Instant to,
            List<SpendHistory.Point> points,
            List<SpendHistory.InstanceSpend> spend,
            Reconciliation reconciliation,
            List<ChargeBars.Bar> bars,
            String chargesError) {}

    private record Fetched(Instant at, List<Charge> charges) {}

    private final SpendHistory history;
    private final TaskRunner runner;
    private final Clock clock;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.DAY);
    private final ObservableList<SpendHistory.Point> points = FXCollections.observableArrayList();
    private final ObservableList<SpendHistory.InstanceSpend> spend = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Reconciliation> reconciliation = new SimpleObjectProperty<>();
    private final ObservableList<InstanceCharges> charges = FXCollections.observableArrayList();
    private final ObservableList<ChargeBars.Bar> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chargesError = new ReadOnlyStringWrapper("");
    private final ZoneId zone;
    private volatile ChargeSource chargeSource;
    private volatile Supplier<Set<Long>> listedIds = () -> null;
    private final Map<Range, Fetched> fetched = new ConcurrentHashMap<>();
    private volatile Instant lastDownsample = Instant.EPOCH;
    private boolean loading;
    private boolean again;

    HistoryModel(SpendHistory history, TaskRunner runner, Clock clock) {
        this(history, runner, clock, ZoneId.systemDefault());
    }

    HistoryModel(SpendHistory history, TaskRunner runner, Clock clock, ZoneId zone) {
        this.history = history;
        this.runner = runner;
        this.clock = clock;
        this.zone = zone;
        range.addListener((o, was, is) -> reload());
    }

    /** From now on each read also asks Vast what it billed; {@code listed} tells destroyed instances apart. */
    void useCharges(ChargeSource source, Supplier<Set<Long>> listed) {
        this.chargeSource = source;
        this.listedIds = listed;
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
                    Instant start = r.period.from(now, zone);
                    List<SpendHistory.InstanceSpend> perInstance =
                            history.spendPerInstance(start, now, MAX_GAP).values().stream()
                                    .sorted(Comparator.comparingDouble(SpendHistory.InstanceSpend::usd)
                                            .reversed())
                                    .toList();
                    Reconciliation rec = null;
                    List<ChargeBars.Bar> chargeBars = List.of();
                    String problem = "";
                    ChargeSource source = chargeSource;
                    if (source != null) {
                        try {
                            List<Charge> read = charges(source, r, start, now);
                            rec = new ChargeReconciler((x, y) -> read, history, clock, zone, MAX_GAP)
                                    .reconcile(r.period, start, now, listedIds.get());
                            chargeBars = ChargeBars.of(read, start, now, ChargeBars.bucketFor(start, now));
                        } catch (VastException e) {
                            problem = "Vast's charges could not be read (" + e.getMessage()
                                    + "); showing the estimate only.";
                        }
                    }
                    return new Loaded(r, start, now, history.points(start, now), perInstance, rec, chargeBars, problem);
                })
                .onSuccess(l -> {
                    from.set(l.from);
                    to.set(l.to);
                    points.setAll(l.points);
                    spend.setAll(l.spend);
                    reconciliation.set(l.reconciliation);
                    charges.setAll(l.reconciliation == null ? estimateRows(l.spend) : l.reconciliation.instances());
                    bars.setAll(l.bars);
                    chargesError.set(l.chargesError);
                    error.set("");
                })
                .onError(StoreException.class, e -> error.set(e.getMessage()))
                .onError(e -> error.set("Could not read the spend history: " + e))
                .andFinally(this::done)
                .start();
    }

    /** The range's charges, read again only when the last read is older than {@link #CHARGES_REFRESH}. */
    private List<Charge> charges(ChargeSource source, Range r, Instant start, Instant now) {
        Fetched last = fetched.get(r);
        if (last != null && Duration.between(last.at(), now).compareTo(CHARGES_REFRESH) < 0) {
            return last.charges();
        }
        List<Charge> read = source.charges(start, now);
        fetched.put(r, new Fetched(now, read));
        return read;
    }

    /** Without Vast's charges the table still lists the estimate per instance. */
    private static List<InstanceCharges> estimateRows(List<SpendHistory.InstanceSpend> spend) {
        return spend.stream()
                .map(s -> new InstanceCharges(s.instanceId(), s.gpu(), s.label(), 0, 0, 0, 0, s.usd(), false))
                .toList();
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

    ObjectProperty<Reconciliation> reconciliationProperty() {
        return reconciliation;
    }

    /** Per instance: billed and estimated (the estimate alone while the charges are unknown). */
    ObservableList<InstanceCharges> charges() {
        return charges;
    }

    ObservableList<ChargeBars.Bar> bars() {
        return bars;
    }

    ReadOnlyStringProperty chargesErrorProperty() {
        return chargesError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
