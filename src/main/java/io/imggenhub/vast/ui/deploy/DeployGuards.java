package io.imggenhub.vast.ui.deploy;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.core.guard.OnstartWatchdog;
import io.imggenhub.vast.core.guard.RentCheck;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.guards.GuardViewModel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The guards on the deploy path: the pre-rent check (the offer's $/hr and the hours the credit covers at the
 * current burn plus it; below the minimum the person must choose "Rent anyway"), "Destroy after" (a local
 * lifetime guard on the new instance) and the on-instance watchdog that destroys it even while this laptop sleeps.
 */
public final class DeployGuards implements RentGate {
    private final GuardViewModel guards;
    private final Confirmer confirmer;
    private final ObservableValue<FleetSnapshot> snapshot;
    private final URI server;
    private final Duration minimum;
    private final StringProperty destroyAfterHours = new SimpleStringProperty("");
    private final BooleanProperty watchdog = new SimpleBooleanProperty();
    private final StringProperty checkText = new SimpleStringProperty("");
    /** Set on the FX thread when Deploy is clicked, read by the deploying thread. */
    private volatile FleetSnapshot atClick;

    private volatile Duration ttl;
    /** Asks on the FX thread from the deploying thread. */
    private final TaskRunner runner;

    public DeployGuards(
            GuardViewModel guards,
            Confirmer confirmer,
            ObservableValue<FleetSnapshot> snapshot,
            URI server,
            Duration minimum,
            TaskRunner runner) {
        this.guards = guards;
        this.runner = runner;
        this.confirmer = confirmer;
        this.snapshot = snapshot;
        this.server = server;
        this.minimum = minimum;
    }

    @Override
    public RentRequest request(RentRequest request) {
        String hours =
                destroyAfterHours.get() == null ? "" : destroyAfterHours.get().strip();
        Duration lifetime = null;
        if (!hours.isEmpty()) {
            double h;
            try {
                h = Double.parseDouble(hours.replace("h", "").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Destroy after must be a number of hours, not \"" + hours + "\"");
            }
            if (!(h > 0) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("Destroy after must be more than 0 hours");
            }
            lifetime = Duration.ofMillis(Math.round(h * 3_600_000));
        }
        if (watchdog.get() && lifetime == null) {
            throw new IllegalArgumentException("The on-instance watchdog needs a lifetime: fill in Destroy after");
        }
        if (watchdog.get() && lifetime.compareTo(OnstartWatchdog.MIN_TTL) < 0) {
            throw new IllegalArgumentException(
                    "The watchdog needs at least " + HumanDuration.format(OnstartWatchdog.MIN_TTL));
        }
        atClick = snapshot.getValue();
        ttl = lifetime;
        return watchdog.get() ? OnstartWatchdog.apply(request, server, lifetime) : request;
    }

    @Override
    public void beforeRent(Offer offer) {
        FleetSnapshot current = atClick;
        if (current == null) {
            return;
        }
        if (current.creditUsedUp()) {
            askAboutNoCredit(current);
            return;
        }
        RentCheck check = RentCheck.of(offer, current, minimum);
        if (check.allows(false)) {
            return;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        runner.onUi(() -> {
            try {
                answer.complete(confirmer.confirm(new Confirmer.Confirmation(
                        "Low credit",
                        "Renting " + offer.gpuDisplayName() + " at " + Format.perHour(offer.hourlyCost())
                                + " leaves less than " + HumanDuration.format(minimum) + " of credit",
                        check.summary() + "\nRent anyway only if you will top up the credit or stop it in time.",
                        "Rent anyway")));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        boolean rent;
        try {
            rent = answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Declined("interrupted while asking about the low credit");
        } catch (ExecutionException e) {
            throw new Declined(e.getCause().getMessage());
        }
        if (!rent) {
            throw new Declined(check.summary());
        }
    }

    /**
     * Credit at or below zero: Vast will refuse, and the emergency cleanup would destroy every instance. Nothing
     * happens silently: the person sees the instances with their $/hr (stopped ones pay storage only and lose their
     * data) and chooses "Destroy them now", "Keep them" or Cancel. Never returns normally.
     */
    private void askAboutNoCredit(FleetSnapshot current) {
        List<Instance> live = current.live();
        String list = live.stream()
                .map(i -> "• " + i.id() + " " + i.gpuDisplayName() + " " + Format.perHour(i.billedRate())
                        + (i.isStopped() ? " — stopped: storage only, data is deleted" : ""))
                .collect(Collectors.joining("\n"));
        String text = live.isEmpty()
                ? "No instance is billing."
                : "The emergency cleanup would destroy " + io.imggenhub.vast.core.Formats.count(live.size(), "instance")
                        + ", billing " + Format.perHour(current.burnPerHour()) + " in total:\n" + list;
        Confirmer.Choice question = new Confirmer.Choice(
                "No credit",
                "Credit is " + Format.money(current.credit()) + ": Vast will refuse to rent",
                text,
                live.isEmpty() ? List.of() : List.of(DESTROY_NOW, KEEP_THEM));
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        runner.onUi(() -> {
            try {
                answer.complete(confirmer.choose(question));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        int chosen;
        try {
            chosen = answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Declined("interrupted while asking about the used-up credit");
        } catch (ExecutionException e) {
            throw new Declined(e.getCause().getMessage());
        }
        if (chosen == 0 && !live.isEmpty()) {
            throw new CleanUpInstead(current);
        }
        throw new Declined("credit is " + Format.money(current.credit()) + ", so Vast would refuse"
                + (live.isEmpty()
                        ? "."
                        : chosen == 1
                                ? "; "
                                        + (live.size() == 1
                                                ? "the instance was"
                                                : "the " + live.size() + " instances were")
                                        + " kept and still bill" + (live.size() == 1 ? "s." : ".")
                                : "."));
    }

    static final String DESTROY_NOW = "Destroy them now";
    static final String KEEP_THEM = "Keep them";

    @Override
    public void rented(long instanceId) {
        Duration lifetime = ttl;
        if (lifetime != null) {
            guards.save(instanceId, InstanceGuard.ttl(instanceId, lifetime));
        }
    }

    /** "Destroy after", the watchdog option and the check of the cheapest listed offer, for the deploy panel. */
    public Node options(DeployViewModel deploy) {
        TextField hours = new TextField();
        hours.setId("deploy-destroy-after");
        hours.setPromptText("never");
        hours.setPrefColumnCount(5);
        LazyTip.install(
                hours,
                "Sets a lifetime guard on the new instance: this app destroys it after so many"
                        + " hours (while it runs)");
        hours.textProperty().bindBidirectional(destroyAfterHours);
        HBox ttlRow = new HBox(6, new Label("Destroy after"), hours, new Label("h"));
        ttlRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox dog = new CheckBox("Also add an on-instance watchdog");
        dog.setId("deploy-watchdog");
        LazyTip.install(
                dog,
                "Adds a few lines to the instance's start script that destroy it after the"
                        + " lifetime, even when this app is closed or the laptop sleeps (with the instance's own API key)");
        dog.selectedProperty().bindBidirectional(watchdog);
        Label check = new Label();
        check.setId("deploy-rent-check");
        check.setWrapText(true);
        check.getStyleClass().add("hint-text");
        check.textProperty().bind(checkText);
        check.visibleProperty().bind(checkText.isNotEmpty());
        check.managedProperty().bind(check.visibleProperty());
        Runnable update = () -> checkText.set(checkOf(deploy));
        deploy.offers().addListener((ListChangeListener<Offer>) c -> update.run());
        snapshot.addListener((o, was, is) -> update.run());
        return new VBox(6, ttlRow, dog, check);
    }

    private String checkOf(DeployViewModel deploy) {
        FleetSnapshot current = snapshot.getValue();
        if (deploy.offers().isEmpty() || current == null) {
            return "";
        }
        Offer cheapest = deploy.offers().get(0);
        RentCheck check = RentCheck.of(cheapest, current, minimum);
        return (check.verdict() == RentCheck.Verdict.REFUSE ? "⚠ " : "") + "Cheapest "
                + Format.perHour(cheapest.hourlyCost()) + ": " + check.summary();
    }
}
