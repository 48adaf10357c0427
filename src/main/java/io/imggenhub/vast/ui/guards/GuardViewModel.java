package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.guard.AccountBreach;
import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.GuardAction;
import io.imggenhub.vast.core.guard.GuardEngine;
import io.imggenhub.vast.core.guard.GuardReport;
import io.imggenhub.vast.core.guard.GuardWarning;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.BannerBoard;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.instances.DestroyViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The window's side of the guards: evaluates the shared {@link GuardEngine} on the polling thread after every
 * successful poll, turns what it found into banners ("keep it" warnings, what a guard destroyed and why, account
 * breaches), and publishes each instance's protection for the Guard column. The FX thread only reads values
 * computed here; every store access runs on the poll thread or the task runner.
 */
public final class GuardViewModel {
    private static final Logger LOG = Logger.getLogger(GuardViewModel.class.getName());
    /** What one click on "Keep it" buys. */
    static final Duration KEEP = Duration.ofHours(1);

    public static final String WARN_PREFIX = "guard-warn-";

    private final GuardEngine engine;
    private final BannerBoard banners;
    private final TaskRunner runner;
    private final Runnable refreshNow;
    private final Consumer<DestroyReport> onDestroyReport;
    private final Clock clock;
    private final ZoneId zone;
    /** Written on the FX thread only. */
    private final ObservableMap<Long, GuardCell> cells = FXCollections.observableHashMap();

    private volatile FleetSnapshot last;
    /** The warning banners shown after the last evaluation, so those no longer pending can go. */
    private final Set<String> shownWarnings = new HashSet<>();

    public GuardViewModel(
            GuardEngine engine,
            BannerBoard banners,
            TaskRunner runner,
            Runnable refreshNow,
            Consumer<DestroyReport> onDestroyReport,
            Clock clock,
            ZoneId zone) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.banners = banners;
        this.runner = runner;
        this.refreshNow = refreshNow;
        this.onDestroyReport = onDestroyReport;
        this.clock = clock;
        this.zone = zone;
    }

    private volatile java.util.function.Consumer<GuardReport> reportListener = r -> {};

    /** Hears every evaluation on the polling thread (the webhooks); it must not block. */
    public void onReport(java.util.function.Consumer<GuardReport> listener) {
        reportListener = listener;
    }

    /** Called on the polling thread after the poll was recorded in the history (the spend caps read it). */
    public void onSnapshot(FleetSnapshot snapshot) {
        last = snapshot;
        GuardReport report;
        try {
            report = engine.evaluate(snapshot);
        } catch (RuntimeException e) {
            LOG.warning("Guard evaluation failed: " + e.getMessage());
            banners.alert(new Banner(
                    "guard-error",
                    Banner.Severity.DANGER,
                    "Guards could not be checked",
                    e.getMessage() + ". They are checked again on the next poll."));
            return;
        }
        banners.dismiss("guard-error");
        reportListener.accept(report);
        showWarnings(report);
        report.actions().forEach(this::showAction);
        report.breachChanges().forEach(this::showBreach);
        publish(snapshot);
        if (!report.actions().isEmpty()) {
            refreshNow.run();
        }
    }

    private synchronized void showWarnings(GuardReport report) {
        Set<String> now = new HashSet<>();
        Instant at = report.at();
        for (GuardWarning w : report.pending()) {
            if (keptAlready(w, at)) {
                continue;
            }
            String key = warningKey(w);
            now.add(key);
            String keepLabel = "Keep it " + HumanDuration.format(KEEP);
            String text = w.isAccountWide()
                    ? keepLabel + " holds back the destroy-on-breach; the alerts still come."
                    : keepLabel + " holds back every guard on this instance; after that it warns again.";
            banners.alert(new Banner(
                    key,
                    Banner.Severity.WARNING,
                    stripStop(w.message()),
                    text,
                    new Banner.Action(keepLabel, () -> keep(w))));
        }
        for (String old : shownWarnings) {
            if (!now.contains(old)) {
                banners.dismiss(old);
            }
        }
        shownWarnings.clear();
        shownWarnings.addAll(now);
    }

    /** A keep clicked while this poll was deciding must not bring its banner back. */
    private boolean keptAlready(GuardWarning w, Instant at) {
        Optional<Instant> kept = w.isAccountWide()
                ? engine.book().accountKeptUntil()
                : engine.book().keptUntil(w.instanceId());
        return kept.filter(k -> k.isAfter(at)).isPresent();
    }

    static String warningKey(GuardWarning w) {
        return WARN_PREFIX + (w.isAccountWide() ? "account" : String.valueOf(w.instanceId()));
    }

    /** "Keep it": in the background, then the banner goes and the Guard column shows the keep. */
    void keep(GuardWarning w) {
        String key = warningKey(w);
        banners.dismiss(key);
        runner.execute(() -> {
            try {
                if (w.isAccountWide()) {
                    engine.keepAccount(KEEP);
                } else {
                    engine.keep(w.instanceId(), KEEP);
                }
                republish();
            } catch (RuntimeException e) {
                banners.alert(new Banner(
                        key, Banner.Severity.DANGER, "Keep it failed: the guard may still act", e.getMessage()));
            }
        });
    }

    private void showAction(GuardAction action) {
        String key = "guard-action-"
                + (action.rule().isAccountRule()
                        ? "account"
                        : action.instanceIds().stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + "-" + b)
                                .orElse(""));
        if (action.succeeded()) {
            banners.alert(new Banner(
                    key,
                    Banner.Severity.INFO,
                    action.message(),
                    "Reason " + action.rule().reason() + ", written to the audit log before the destroy."));
            return;
        }
        banners.alert(new Banner(
                key,
                Banner.Severity.DANGER,
                action.message(),
                action.error() != null
                        ? "The guard tries again on the next poll."
                        : "Check the Vast console and destroy again."));
        if (action.report() != null && !action.report().stillBilling().isEmpty()) {
            banners.alert(DestroyViewModel.stillBilling(action.report().stillBilling()));
            onDestroyReport.accept(action.report());
        }
    }

    private void showBreach(AccountBreach breach) {
        String key =
                "guard-breach-" + breach.rule().name().toLowerCase(Locale.ROOT).replace('_', '-');
        banners.alert(new Banner(
                key,
                breach.cleared() ? Banner.Severity.INFO : Banner.Severity.DANGER,
                (breach.cleared() ? "Back within the " : "Account guard crossed: ")
                        + breach.rule().label(),
                breach.message()));
    }

    private void publish(FleetSnapshot snapshot) {
        Map<Long, GuardCell> fresh = new LinkedHashMap<>();
        engine.protections(snapshot).forEach((id, p) -> fresh.put(id, GuardCell.of(p, zone)));
        runner.onUi(() -> {
            cells.keySet().retainAll(fresh.keySet());
            fresh.forEach((id, cell) -> {
                if (!cell.equals(cells.get(id))) {
                    cells.put(id, cell);
                }
            });
        });
    }

    /** After a guard was set, removed or kept: the column shows it without waiting for the next poll. */
    private void republish() {
        FleetSnapshot s = last;
        if (s != null) {
            publish(s);
        }
    }

    /** Reads the instance's guard in the background and hands it to {@code then} on the FX thread. */
    void loadGuard(long instanceId, Consumer<Optional<InstanceGuard>> then) {
        runner.task(p -> engine.book().instanceGuard(instanceId))
                .onSuccess(then)
                .start();
    }

    void loadAccountGuard(Consumer<AccountGuard> then) {
        runner.task(p -> engine.book().accountGuard()).onSuccess(then).start();
    }

    /** Saves (or, with null, removes) an instance's guard in the background. */
    public void save(long instanceId, InstanceGuard guard) {
        runner.execute(() -> {
            try {
                if (guard == null) {
                    engine.book().removeInstanceGuard(instanceId);
                } else {
                    engine.book().setInstanceGuard(guard, clock.instant());
                }
                banners.dismiss("guard-save");
                republish();
            } catch (RuntimeException e) {
                banners.alert(new Banner(
                        "guard-save",
                        Banner.Severity.DANGER,
                        "Could not save the guard of instance " + instanceId,
                        e.getMessage()));
            }
        });
    }

    /** What saving an account guard would destroy at once: every live instance, their burn, and why. */
    record AccountActsNow(int instances, double burnPerHour, String why) {}

    /** Checks in the background (the caps read the spend history) whether {@code guard} would act at once. */
    void accountActsNow(AccountGuard guard, Consumer<Optional<AccountActsNow>> then) {
        FleetSnapshot s = last;
        runner.task(p -> engine.wouldActNow(guard, s)
                        .map(why -> new AccountActsNow(s.live().size(), s.burnPerHour(), why)))
                .onSuccess(then)
                .start();
    }

    void saveAccount(AccountGuard guard) {
        runner.execute(() -> {
            try {
                engine.book().setAccountGuard(guard);
                banners.dismiss("guard-save");
            } catch (RuntimeException e) {
                banners.alert(new Banner(
                        "guard-save", Banner.Severity.DANGER, "Could not save the account guards", e.getMessage()));
            }
        });
    }

    public ObservableMap<Long, GuardCell> cells() {
        return cells;
    }

    GuardEngine engine() {
        return engine;
    }

    ZoneId zone() {
        return zone;
    }

    Clock clock() {
        return clock;
    }

    private static String stripStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
