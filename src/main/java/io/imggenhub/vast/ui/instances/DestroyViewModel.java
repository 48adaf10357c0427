package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.ui.common.AlertSink;
import io.imggenhub.vast.ui.common.BackgroundTask;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Destroy and Destroy All for the window, over the same {@link Destroyer} as the CLI: a confirmation first, the row
 * marked while it happens, verified removal, and a loud STILL BILLING banner when an accepted destroy does not take.
 */
public final class DestroyViewModel {
    public static final String DESTROYING = "destroying…";

    private final Destroyer destroyer;
    private final MonitorViewModel monitor;
    private final Confirmer confirmer;
    private final TaskRunner runner;
    private final AlertSink alerts;
    private final Runnable refreshNow;
    private final Consumer<DestroyReport> reports;

    private final ReadOnlyIntegerWrapper singleDestroys = new ReadOnlyIntegerWrapper(this, "singleDestroys");
    private final ReadOnlyBooleanWrapper destroyingAll = new ReadOnlyBooleanWrapper(this, "destroyingAll");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final BooleanBinding busy;

    public DestroyViewModel(
            Destroyer destroyer,
            MonitorViewModel monitor,
            Confirmer confirmer,
            TaskRunner runner,
            AlertSink alerts,
            Runnable refreshNow,
            Consumer<DestroyReport> reports) {
        this.destroyer = destroyer;
        this.monitor = monitor;
        this.confirmer = confirmer;
        this.runner = runner;
        this.alerts = alerts;
        this.refreshNow = refreshNow;
        this.reports = reports;
        this.busy = destroyingAll.getReadOnlyProperty().or(singleDestroys.greaterThan(0));
    }

    /** Asks, then destroys this one instance. Returns the background task, or null when nothing was started. */
    public BackgroundTask<DestroyOutcome> destroy(InstanceRow row) {
        if (row == null || row.busy() || destroyingAll.get()) {
            return null;
        }
        Instance target = row.instance();
        boolean yes = confirmer.confirm(new Confirmer.Confirmation(
                "Destroy instance",
                "Destroy instance " + row.id() + "?",
                row.gpuProperty().get() + " at "
                        + Format.ratePerHour(row.hourlyProperty().get())
                        + (row.storageOnly() ? " (stopped: disk only)" : "")
                        + (row.labelProperty().get().isEmpty()
                                ? ""
                                : " (label " + row.labelProperty().get() + ")")
                        + ".\nIts disk and everything on it are deleted. This cannot be undone.",
                "Destroy"));
        if (!yes) {
            return null;
        }
        row.setAction(DESTROYING);
        singleDestroys.set(singleDestroys.get() + 1);
        return runner.task(p -> destroyer.destroyOne(target, "destroy from the window", DestroyListener.NONE))
                .onSuccess(outcome -> {
                    singleDestroys.set(singleDestroys.get() - 1);
                    finishOne(row, outcome);
                })
                .onError(e -> {
                    singleDestroys.set(singleDestroys.get() - 1);
                    row.setAction("");
                    alerts.alert(new Banner(
                            "destroy-" + row.id(),
                            Banner.Severity.DANGER,
                            "Destroy of instance " + row.id() + " failed — it may still be billing",
                            MonitorViewModel.describe(e)));
                })
                .andFinally(refreshNow)
                .start();
    }

    private void finishOne(InstanceRow row, DestroyOutcome outcome) {
        reports.accept(new DestroyReport(List.of(outcome), java.time.Duration.ZERO));
        switch (outcome.status()) {
            case DESTROYED, ALREADY_GONE -> {
                monitor.removeRow(row.id());
                alerts.alert(new Banner(
                        "destroy-" + row.id(),
                        Banner.Severity.SUCCESS,
                        "Destroyed instance " + row.id() + " ("
                                + row.gpuProperty().get() + ")",
                        outcome.status() == DestroyOutcome.Status.ALREADY_GONE
                                ? "It was already gone."
                                : "Verified gone from the account: it no longer bills."));
            }
            case STILL_BILLING -> {
                row.setAction("STILL BILLING");
                alerts.alert(stillBilling(List.of(outcome)));
            }
            case FAILED -> {
                row.setAction("");
                alerts.alert(new Banner(
                        "destroy-" + row.id(),
                        Banner.Severity.DANGER,
                        "Could not destroy instance " + row.id() + " — it is still billing",
                        outcome.reason()));
            }
        }
    }

    public static Banner stillBilling(List<DestroyOutcome> survivors) {
        String ids = survivors.stream()
                .map(o -> o.id() + " (" + o.instance().gpuDisplayName() + ", "
                        + Format.ratePerHour(o.instance().billedRate()) + ")")
                .collect(Collectors.joining(", "));
        return new Banner(
                "still-billing",
                Banner.Severity.DANGER,
                "STILL BILLING",
                "Vast accepted the destroy but still lists " + ids + ". "
                        + survivors.get(0).reason() + ". Check the Vast console and destroy again.");
    }

    /**
     * "Destroy selected (N, $X/hr)": asks, naming how many and what they cost, then destroys exactly these rows
     * through the destroyer's list path (the same bulk path as Destroy All). One row is a plain {@link #destroy}.
     */
    public BackgroundTask<DestroyReport> destroySelected(List<InstanceRow> selected) {
        List<InstanceRow> rows =
                selected.stream().filter(r -> r != null && !r.busy()).toList();
        if (rows.size() <= 1 || destroyingAll.get()) {
            return null;
        }
        double total = rows.stream().mapToDouble(r -> r.hourlyProperty().get()).sum();
        boolean yes = confirmer.confirm(new Confirmer.Confirmation(
                "Destroy selected instances",
                "Destroy the " + Format.count(rows.size(), "selected instance") + "?",
                "Together they bill " + Format.perHour(total) + ": "
                        + rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(", "))
                        + ". Their disks and everything on them are deleted. This cannot be undone.",
                "Destroy " + rows.size()));
        if (!yes) {
            return null;
        }
        List<Instance> targets = rows.stream().map(InstanceRow::instance).toList();
        rows.forEach(r -> r.setAction(DESTROYING));
        singleDestroys.set(singleDestroys.get() + 1);
        return runner.task(p -> destroyer.destroy(targets, "destroy selected from the window", DestroyListener.NONE))
                .onSuccess(report -> {
                    singleDestroys.set(singleDestroys.get() - 1);
                    report(report, "destroy-selected");
                })
                .onError(e -> {
                    singleDestroys.set(singleDestroys.get() - 1);
                    rows.forEach(r -> r.setAction(""));
                    alerts.alert(new Banner(
                            "destroy-selected",
                            Banner.Severity.DANGER,
                            "Destroy selected failed — instances may still be billing",
                            MonitorViewModel.describe(e)));
                })
                .andFinally(refreshNow)
                .start();
    }

    /** Asks (naming how many and what they cost), then destroys every instance on the account. */
    public BackgroundTask<DestroyReport> destroyAll() {
        if (destroyingAll.get()) {
            return null;
        }
        List<InstanceRow> rows = List.copyOf(monitor.rows());
        if (rows.isEmpty()) {
            alerts.alert(new Banner("destroy-all", Banner.Severity.INFO, "No active instances to destroy.", ""));
            return null;
        }
        double total = rows.stream().mapToDouble(r -> r.hourlyProperty().get()).sum();
        boolean yes = confirmer.confirm(new Confirmer.Confirmation(
                "Destroy all instances",
                "Destroy all " + Format.count(rows.size(), "instance") + "?",
                "Together they bill " + Format.perHour(total) + ". Every instance on the account is destroyed,"
                        + " including any started since the last refresh, with their disks. This cannot be undone.",
                "Destroy all " + rows.size()));
        if (!yes) {
            return null;
        }
        List<Instance> known = rows.stream().map(InstanceRow::instance).toList();
        destroyingAll.set(true);
        progress.set(-1);
        progressText.set("Listing instances…");
        // The table already holds the fleet: those go out in bulk at once (one request per 64), and the listing
        // that follows catches any started since the last refresh.
        return runner.task(p -> destroyer.destroyEverything(known, "destroy-all from the window", progressOf(p)))
                .progressTo(progress)
                .messageTo(progressText)
                .onSuccess(report -> {
                    endDestroyAll();
                    report(report, "destroy-all");
                })
                .onError(e -> {
                    endDestroyAll();
                    monitor.rows().forEach(r -> r.setAction(""));
                    alerts.alert(new Banner(
                            "destroy-all",
                            Banner.Severity.DANGER,
                            "Destroy all failed before it could start — instances may still be billing",
                            MonitorViewModel.describe(e)));
                })
                .andFinally(refreshNow)
                .start();
    }

    /** Destroy All's progress, and each row marked as its destroy goes out (called on the background thread). */
    private DestroyListener progressOf(BackgroundTask.Progress p) {
        AtomicInteger done = new AtomicInteger();
        return new DestroyListener() {
            private volatile int total;

            @Override
            public void starting(List<Instance> targets) {
                total = targets.size();
                runner.onUi(() -> targets.forEach(t -> monitor.row(t.id()).ifPresent(r -> r.setAction(DESTROYING))));
                p.update(0, Math.max(1, total));
                p.message("Destroying " + Format.count(total, "instance") + "…");
            }

            @Override
            public void accepted(Instance instance, boolean alreadyGone) {
                int n = done.incrementAndGet();
                p.update(n, Math.max(1, total));
                p.message("Destroy accepted for " + n + "/" + total + "; verifying…");
                runner.onUi(
                        () -> monitor.row(instance.id()).ifPresent(r -> r.setAction("destroy accepted, verifying…")));
            }

            @Override
            public void failed(Instance instance, String reason) {
                int n = done.incrementAndGet();
                p.update(n, Math.max(1, total));
                runner.onUi(() -> monitor.row(instance.id()).ifPresent(r -> r.setAction("")));
            }
        };
    }

    private void endDestroyAll() {
        progress.unbind();
        progressText.unbind();
        progress.set(0);
        progressText.set("");
        destroyingAll.set(false);
    }

    private void report(DestroyReport report, String key) {
        reports.accept(report);
        for (DestroyOutcome outcome : report.outcomes()) {
            if (outcome.stoppedBilling()) {
                monitor.removeRow(outcome.id());
            } else {
                monitor.row(outcome.id())
                        .ifPresent(r -> r.setAction(
                                outcome.status() == DestroyOutcome.Status.STILL_BILLING ? "STILL BILLING" : ""));
            }
        }
        String headline = "Destroyed " + report.stopped() + "/" + Format.count(report.total(), "instance");
        if (report.allStopped()) {
            alerts.alert(new Banner(
                    key,
                    Banner.Severity.SUCCESS,
                    headline,
                    report.total() == 0
                            ? "There was nothing to destroy."
                            : String.format(
                                    Locale.ROOT,
                                    "Billing stopped for all of them, verified in %.1f s.",
                                    report.elapsed().toMillis() / 1000.0)));
            return;
        }
        String failures = report.failures().stream()
                .map(o -> "✗ " + o.id() + " (" + o.instance().gpuDisplayName() + "): "
                        + (o.status() == DestroyOutcome.Status.STILL_BILLING ? "STILL BILLING — " : "") + o.reason())
                .collect(Collectors.joining("\n"));
        alerts.alert(new Banner(key, Banner.Severity.DANGER, headline + " — some are still billing", failures));
        if (!report.stillBilling().isEmpty()) {
            alerts.alert(stillBilling(report.stillBilling()));
        }
    }

    public ReadOnlyBooleanProperty destroyingAllProperty() {
        return destroyingAll.getReadOnlyProperty();
    }

    /** True while any destroy runs. */
    public BooleanBinding busyBinding() {
        return busy;
    }

    /** -1 while indeterminate, else 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
