package io.imggenhub.vast.ui.deploy;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.TransportException;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.Deployer;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.EmergencyCleanupException;
import io.imggenhub.vast.core.OfferFilter;
import io.imggenhub.vast.core.RentMayExistException;
import io.imggenhub.vast.ui.common.AlertSink;
import io.imggenhub.vast.ui.common.BackgroundTask;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.common.WebLinks;
import io.imggenhub.vast.ui.instances.MonitorViewModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deploy panel's state: filters as typed, the matching offers, and "Deploy cheapest" as a background task
 * that can be cancelled. When Vast answers insufficient_credit the {@link Deployer} destroys every instance at
 * once; this class then says loudly what happened and what was destroyed.
 */
public final class DeployViewModel {
    public static final String PROMPT_ENV = "PROMPT";
    /** The disk field's default: the one default the CLI uses too. */
    static final String DEFAULT_DISK = String.valueOf((int) RentRequest.DEFAULT_DISK_GB);

    private final Deployer deployer;
    private final TaskRunner runner;
    private final AlertSink alerts;
    private final Runnable refreshNow;
    private final Duration readyWait;
    private final Consumer<String> outOfCredit;

    private final StringProperty gpuName = new SimpleStringProperty(this, "gpuName", "");
    private final StringProperty minVramGb = new SimpleStringProperty(this, "minVramGb", "");
    private final StringProperty maxPrice = new SimpleStringProperty(this, "maxPrice", "");
    private final StringProperty minReliability = new SimpleStringProperty(this, "minReliability", "");
    private final StringProperty image = new SimpleStringProperty(this, "image", RentRequest.DEFAULT_IMAGE);
    private final StringProperty diskGb = new SimpleStringProperty(this, "diskGb", DEFAULT_DISK);
    private final BooleanProperty includeUnverified = new SimpleBooleanProperty(this, "includeUnverified");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");

    private final ObservableList<Offer> offers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper deploying = new ReadOnlyBooleanWrapper(this, "deploying");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private RentGate gate = RentGate.NONE;

    public DeployViewModel(
            Deployer deployer,
            TaskRunner runner,
            AlertSink alerts,
            Runnable refreshNow,
            Duration readyWait,
            Consumer<String> outOfCredit) {
        this.deployer = deployer;
        this.runner = runner;
        this.alerts = alerts;
        this.refreshNow = refreshNow;
        this.readyWait = readyWait;
        this.outOfCredit = outOfCredit;
    }

    /** The filter as typed; throws IllegalArgumentException with a sentence for the person when a field is wrong. */
    OfferFilter filter() {
        return new OfferFilter(
                gpuName.get(),
                number(minVramGb, "Min VRAM (GB)"),
                number(maxPrice, "Max $/hr"),
                number(minReliability, "Min reliability (%)"),
                null,
                false,
                20,
                disk(),
                includeUnverified.get());
    }

    private double disk() {
        Double disk = number(diskGb, "Disk (GB)");
        return disk == null ? RentRequest.DEFAULT_DISK_GB : disk;
    }

    RentRequest request() {
        String img = image.get() == null || image.get().isBlank()
                ? RentRequest.DEFAULT_IMAGE
                : image.get().strip();
        String lbl = label.get() == null || label.get().isBlank()
                ? null
                : label.get().strip();
        RentRequest request = RentRequest.of(img, disk(), lbl);
        String text = prompt.get() == null ? "" : prompt.get().strip();
        RentRequest full = text.isEmpty() ? request : request.withEnvVar(PROMPT_ENV, text);
        // Vast's documented ranges, checked before anything is sent (vast-api.md §3.4).
        full.problem().ifPresent(p -> {
            throw new IllegalArgumentException(Character.toUpperCase(p.charAt(0)) + p.substring(1));
        });
        return full;
    }

    private static Double number(StringProperty field, String name) {
        String text =
                field.get() == null ? "" : field.get().strip().replace("$", "").replace("%", "");
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9.eE+-]+")) {
            // Double.parseDouble reads only ASCII digits anyway; say so instead of "not a number".
            throw new IllegalArgumentException(name + " must be a number in ASCII digits, not \""
                    + field.get().strip() + "\"");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a number, not \"" + field.get().strip() + "\"");
        }
    }

    /** Searches the market with the current filters; the offers list is replaced, cheapest first. */
    public BackgroundTask<List<Offer>> search() {
        OfferFilter filter;
        try {
            filter = filter();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        error.set("");
        searching.set(true);
        return runner.task(p -> deployer.search(filter))
                .onSuccess(found -> {
                    searching.set(false);
                    offers.setAll(found);
                    if (found.isEmpty()) {
                        error.set("No rentable offer matches these filters.");
                    }
                })
                .onError(e -> {
                    searching.set(false);
                    error.set("Search failed: " + MonitorViewModel.describe(e));
                })
                .start();
    }

    /** Rents the cheapest matching offer and waits until it runs; progress and messages while it does. */
    public BackgroundTask<Deployer.Deployment> deployCheapest() {
        if (deploying.get()) {
            return null;
        }
        OfferFilter filter;
        RentRequest request;
        try {
            filter = filter();
            request = gate.request(request());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        RentGate rentGate = gate;
        error.set("");
        cancelRequested.set(false);
        deploying.set(true);
        AtomicLong rentedId = new AtomicLong(-1);
        AtomicReference<Offer> sentFor = new AtomicReference<>();
        return runner.task(p -> {
                    p.update(-1, 1);
                    p.message("Searching for the cheapest matching offer…");
                    Deployer.Listener listener = deployListener(p, rentGate, rentedId, sentFor);
                    try {
                        return deployer.deployCheapest(filter, request, readyWait, cancelRequested::get, listener);
                    } catch (RentGate.CleanUpInstead chosen) {
                        throw deployer.noCreditEmergency(chosen.snapshot(), listener);
                    }
                })
                .progressTo(progress)
                .messageTo(message)
                .onSuccess(d -> {
                    endDeploy();
                    message.set(readyText(d));
                    alerts.alert(new Banner(
                            "deploy",
                            Banner.Severity.SUCCESS,
                            "Deployed instance " + d.instanceId() + ": "
                                    + d.offer().gpuDisplayName() + " at "
                                    + Format.perHour(d.offer().hourlyCost()),
                            readyText(d)));
                })
                .onError(e -> {
                    endDeploy();
                    failed(e, rentedId.get(), sentFor.get(), request);
                })
                .andFinally(refreshNow)
                .start();
    }

    /** Reports each step of the deploy as the task's progress and message (on the background thread). */
    private Deployer.Listener deployListener(
            BackgroundTask.Progress p, RentGate rentGate, AtomicLong rentedId, AtomicReference<Offer> sentFor) {
        return new Deployer.Listener() {
            @Override
            public void renting(Offer offer) {
                p.message("Checking " + offer.gpuDisplayName() + " at " + Format.perHour(offer.hourlyCost())
                        + " against the credit…");
                rentGate.beforeRent(offer);
                // From here on the rent request may be out: every failure must say what exists.
                sentFor.set(offer);
                p.update(1, 4);
                p.message("Renting offer " + offer.id() + ": " + offer.gpuDisplayName() + " at "
                        + Format.perHour(offer.hourlyCost()) + "…");
            }

            @Override
            public void rented(long instanceId) {
                rentedId.set(instanceId);
                rentGate.rented(instanceId);
                p.update(2, 4);
                p.message("Rented instance " + instanceId + "; waiting for it to start…");
                refreshNow.run();
            }

            @Override
            public void waiting(Instance instance) {
                p.update(3, 4);
                p.message("Instance " + instance.id() + " is " + instance.status() + "…");
            }

            @Override
            public void emergencyCleanup(InsufficientCreditException cause) {
                p.update(-1, 1);
                p.message("Insufficient credit — destroying every instance to stop the costs…");
            }

            @Override
            public DestroyListener cleanupListener() {
                return new DestroyListener() {
                    @Override
                    public void starting(List<Instance> targets) {
                        p.message("Insufficient credit — destroying " + Format.count(targets.size(), "instance") + "…");
                    }
                };
            }
        };
    }

    private String readyText(Deployer.Deployment d) {
        Instance ready = d.instance();
        if (ready == null) {
            return "Rented; it is starting.";
        }
        Instance.SshAddress ssh = ready.ssh();
        if ("running".equals(ready.actualStatus()) && ssh != null) {
            return "Running. SSH: " + ssh.command();
        }
        return "Rented; still " + ready.status() + " after waiting " + Format.duration(readyWait)
                + ". It keeps starting: watch its row in the table.";
    }

    private void failed(Throwable error, long rentedId, Offer sentFor, RentRequest request) {
        if (error instanceof EmergencyCleanupException emergency) {
            message.set(
                    emergency.creditError().status() == 0
                            ? "Credit used up: nothing was rented, and every instance was destroyed."
                            : "Insufficient credit: every instance was destroyed.");
            alerts.alert(emergencyBanner(emergency));
            outOfCredit.accept(emergency.creditError().getMessage());
        } else if (error instanceof RentGate.Declined declined) {
            message.set("Not rented: " + declined.getMessage());
        } else if (error instanceof CancellationException) {
            message.set("Cancelled.");
            if (rentedId > 0) {
                alerts.alert(new Banner(
                        "deploy",
                        Banner.Severity.WARNING,
                        "Deploy cancelled — instance " + rentedId + " was already rented and is billing"
                                + (sentFor == null
                                        ? ""
                                        : " " + Format.perHour(Deployer.billedPerHour(sentFor, request))),
                        "Destroy it from the table if you do not want it."));
            }
        } else {
            String what = afterRent(error, rentedId, sentFor, request);
            String why = MonitorViewModel.describe(error);
            message.set(what.isEmpty() ? "Deploy failed." : "Deploy failed. " + what);
            this.error.set(what.isEmpty() ? why : why + " — " + what);
            alerts.alert(new Banner(
                    "deploy",
                    Banner.Severity.DANGER,
                    rentedId > 0 ? "Deploy failed — instance " + rentedId + " exists and is billing" : "Deploy failed",
                    what.isEmpty() ? why : why + "\n" + what));
        }
    }

    /**
     * After the rent request went out, whether an instance exists: its id and $/hr, that one may exist, or that
     * Vast refused and nothing was rented. Empty when no rent was sent.
     */
    private static String afterRent(Throwable error, long rentedId, Offer sentFor, RentRequest request) {
        if (rentedId > 0) {
            String rate = sentFor == null ? "" : " at " + Format.perHour(Deployer.billedPerHour(sentFor, request));
            return "Instance " + rentedId + " was rented and bills" + rate
                    + ": destroy it from the table if you do not want it.";
        }
        if (error instanceof RentMayExistException) {
            return "The rent answer was lost: an instance may exist and bill"
                    + (sentFor == null
                            ? ""
                            : " (about " + Format.perHour(Deployer.billedPerHour(sentFor, request)) + ")")
                    + ". Check the table before renting again.";
        }
        if (sentFor == null) {
            return "";
        }
        if (error instanceof VastException v && !(v instanceof TransportException)) {
            return "Vast refused the rent: no instance was rented.";
        }
        return "An instance may exist and bill: check the table before renting again.";
    }

    static Banner emergencyBanner(EmergencyCleanupException e) {
        DestroyReport report = e.cleanup();
        StringBuilder text = new StringBuilder(
                        e.creditError().status() == 0 ? "Nothing was rented: " : "Vast refused the rental: ")
                .append(e.creditError().getMessage())
                .append("\nTo stop further costs, every instance on the account was destroyed at once");
        List<String> details = List.of();
        if (report == null) {
            String why = e.creditError().getSuppressed().length > 0
                    ? e.creditError().getSuppressed()[0].getMessage()
                    : "the instances could not be listed";
            text.append(", but the cleanup failed: ").append(why).append(". Instances may still be billing!");
        } else if (report.total() == 0) {
            text.append(": there were none.");
        } else {
            // One summary line on the strip; the list of every instance goes behind "Show all N".
            // What each billed when it was listed: its storage if stopped, else its full rate.
            double rate = report.outcomes().stream()
                    .mapToDouble(o -> o.instance().isStopped()
                            ? o.instance().billedRate()
                            : o.instance().hourlyCost())
                    .sum();
            text.append(": destroyed ")
                    .append(report.stopped())
                    .append('/')
                    .append(Format.count(report.total(), "instance"))
                    .append(", together ")
                    .append(Format.perHour(rate))
                    .append('.');
            if (!report.allStopped()) {
                text.append(" ").append(report.total() - report.stopped()).append(" still billing!");
            }
            details =
                    report.outcomes().stream().map(DeployViewModel::outcomeLine).toList();
        }
        return new Banner(
                "emergency",
                Banner.Severity.DANGER,
                "Out of credit — the emergency cleanup destroyed all instances",
                text.toString(),
                new Banner.Action("Add credit…", () -> WebLinks.open(WebLinks.BILLING)),
                details);
    }

    private static String outcomeLine(DestroyOutcome o) {
        String what = o.id() + " (" + o.instance().gpuDisplayName() + ", "
                + Format.ratePerHour(o.instance().billedRate())
                + (o.instance().isStopped() ? " storage, stopped" : "") + ")";
        return switch (o.status()) {
            case DESTROYED, ALREADY_GONE -> "✓ Destroyed instance " + what;
            case STILL_BILLING -> "✗ STILL BILLING " + what + ": " + o.reason();
            case FAILED -> "✗ Failed to destroy instance " + what + ": " + o.reason();
        };
    }

    private void endDeploy() {
        progress.unbind();
        message.unbind();
        progress.set(0);
        deploying.set(false);
    }

    /** The pre-rent check and guard options (FX thread, before a deploy starts). */
    public void setRentGate(RentGate gate) {
        this.gate = gate == null ? RentGate.NONE : gate;
    }

    /** Stops waiting at the next check; a rental already sent is kept (and said so), never silently dropped. */
    public void cancel() {
        if (deploying.get() && cancelRequested.compareAndSet(false, true)) {
            message.unbind();
            message.set("Cancelling…");
        }
    }

    public StringProperty gpuNameProperty() {
        return gpuName;
    }

    public StringProperty minVramGbProperty() {
        return minVramGb;
    }

    public StringProperty maxPriceProperty() {
        return maxPrice;
    }

    public StringProperty minReliabilityProperty() {
        return minReliability;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty diskGbProperty() {
        return diskGb;
    }

    public BooleanProperty includeUnverifiedProperty() {
        return includeUnverified;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public ObservableList<Offer> offers() {
        return offers;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deployingProperty() {
        return deploying.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
