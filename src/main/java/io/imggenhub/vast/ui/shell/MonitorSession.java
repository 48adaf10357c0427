package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.PollPacing;
import io.imggenhub.vast.core.SpendWatch;
import io.imggenhub.vast.core.guard.ChargedSpendLedger;
import io.imggenhub.vast.core.guard.GuardEngine;
import io.imggenhub.vast.ui.alerts.Notifier;
import io.imggenhub.vast.ui.alerts.WindowNotifications;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.BannerBoard;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.common.WebLinks;
import io.imggenhub.vast.ui.deploy.DeployGuards;
import io.imggenhub.vast.ui.deploy.DeployViewModel;
import io.imggenhub.vast.ui.guards.GuardControls;
import io.imggenhub.vast.ui.guards.GuardViewModel;
import io.imggenhub.vast.ui.history.SpendTabs;
import io.imggenhub.vast.ui.instances.DestroyViewModel;
import io.imggenhub.vast.ui.instances.FleetControls;
import io.imggenhub.vast.ui.instances.MonitorViewModel;
import io.imggenhub.vast.ui.instances.PollService;
import io.imggenhub.vast.ui.instances.PowerViewModel;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * Everything that belongs to one watched account: its poll service, view models and view. Connecting another
 * account replaces the whole session, so nothing of the old account (rows, tasks, banners) can leak into the new.
 */
public final class MonitorSession {
    private final Connection connection;
    private final IntegerProperty pollSeconds = new SimpleIntegerProperty();
    /** Listed instances at the last poll: a big fleet needs a longer interval to stay within the list limit. */
    private final IntegerProperty fleetSize = new SimpleIntegerProperty();

    private final IntegerProperty effectivePollSeconds = new SimpleIntegerProperty();
    private final MonitorViewModel monitor = new MonitorViewModel();
    private final BannerBoard banners = new BannerBoard();
    private final PollService poll;
    private final DestroyViewModel destroy;
    private final DeployViewModel deploy;
    private final MainView view;
    private final Timeline ticker;
    /** The alert rules shared with the CLI (and later the tray): hysteresis, once per episode, cleared notices. */
    private final SpendWatch spendWatch;

    private final WindowNotifications notifications;
    private final GuardViewModel guards;
    private final SpendTabs spendTabs;
    private final TaskRunner runner;
    private final Object pollLock = new Object();
    /** When the newest poll the guards checked was read; guarded by {@link #pollLock}. */
    private Instant lastChecked;

    MonitorSession(
            Connection connection,
            UiSettings settings,
            TaskRunner runner,
            Confirmer confirmer,
            MainView.Actions actions,
            ObservableStringValue themeButtonText,
            java.time.Duration deployWait) {
        this.connection = connection;
        this.runner = runner;
        this.spendWatch = new SpendWatch(settings.alertThresholds(), Clock.systemUTC(), ZoneId.systemDefault());
        this.notifications = new WindowNotifications(
                connection.key() == null ? null : connection.key().reveal(),
                problem -> banners.alert(
                        new Banner("notify-problem", Banner.Severity.WARNING, "Notifications not delivered", problem)));
        spendWatch.addListener(notifications::alert);
        apply(settings);
        var services = connection.services();
        ZoneId zone = ZoneId.systemDefault();
        guards = new GuardViewModel(
                GuardEngine.forServices(
                        services,
                        connection.data().guards(connection.server()),
                        ChargedSpendLedger.forServices(
                                services, connection.data().history()),
                        zone),
                banners,
                runner,
                this::refreshNow,
                spendWatch::onDestroyReport,
                services.clock(),
                zone);
        guards.onReport(notifications::guard);
        // The window's first poll usually ran before this session existed: the repository replays it on the
        // runner, so it is recorded and checked by the guards like every later poll (which arrive on the poller).
        services.repository().addListener(this::polled, runner);
        effectivePollSeconds.bind(Bindings.createIntegerBinding(
                () -> PollPacing.effectiveSeconds(pollSeconds.get(), fleetSize.get(), listInterval(services)),
                pollSeconds,
                fleetSize));
        poll = new PollService(services.repository(), runner, effectivePollSeconds);
        poll.setOnSucceeded(e -> applySnapshot(poll.getValue()));
        poll.setOnFailed(e -> monitor.pollFailed(poll.getException()));
        destroy = new DestroyViewModel(
                services.destroyer(),
                monitor,
                confirmer,
                runner,
                banners,
                this::refreshNow,
                spendWatch::onDestroyReport);
        deploy = new DeployViewModel(
                services.deployer(true),
                runner,
                banners,
                this::refreshNow,
                deployWait,
                spendWatch::onInsufficientCredit);

        monitor.staleProperty().addListener((o, was, is) -> showStale());
        monitor.pollErrorProperty().addListener((o, was, is) -> showStale());

        ObservableStringValue pollText = Bindings.createStringBinding(
                () -> PollPacing.describe(pollSeconds.get(), fleetSize.get(), listInterval(services)),
                pollSeconds,
                fleetSize);
        view = new MainView(
                new MainView.Models(monitor, destroy, deploy, banners),
                actions,
                new MainView.Session(
                        connection.isDemo(),
                        connection.description(),
                        pollText,
                        poll.inFlightBinding(),
                        themeButtonText,
                        zone));
        GuardControls.install(view, guards, confirmer);
        FleetControls.install(
                view,
                monitor,
                new PowerViewModel(services.powerSwitch(), confirmer, runner, banners, this::refreshNow),
                runner,
                banners);
        DeployGuards deployGuards = new DeployGuards(
                guards,
                confirmer,
                monitor.snapshotProperty(),
                connection.server(),
                io.imggenhub.vast.core.guard.RentCheck.DEFAULT_MINIMUM,
                runner);
        deploy.setRentGate(deployGuards);
        view.deployPanel().addOptions(deployGuards.options(deploy));
        spendTabs = new SpendTabs(spendWatch, connection.data(), runner, zone, services.clock());
        spendTabs.useCharges(services.client()::charges, () -> services.repository()
                .latest()
                .map(s -> s.live().stream()
                        .map(io.imggenhub.vast.api.Instance::id)
                        .collect(java.util.stream.Collectors.toSet()))
                .orElse(null));
        view.addTabs(spendTabs.tabs());
        connection
                .dataWarning()
                .ifPresent(w -> banners.alert(new Banner(
                        "local-data", Banner.Severity.WARNING, "History and audit log are not being saved", w)));
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> monitor.tick(Instant.now())));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** @param polledAlready the first snapshot came in through {@link #applyFirst}: the next poll is a period away */
    void start(boolean polledAlready) {
        poll.setDelay(polledAlready ? poll.getPeriod() : Duration.ZERO);
        poll.start();
        ticker.play();
    }

    void applyFirst(FleetSnapshot snapshot) {
        applySnapshot(snapshot);
    }

    /** The list endpoint's interval as the shared pacer knows it (documented, or learnt from a 429). */
    private static double listInterval(io.imggenhub.vast.core.VastServices services) {
        return services.client().pacer().intervalSeconds(io.imggenhub.vast.api.Endpoint.LIST);
    }

    private void applySnapshot(FleetSnapshot snapshot) {
        fleetSize.set(snapshot.instances().size());
        monitor.apply(snapshot);
        spendWatch.onSnapshot(snapshot).forEach(this::showAlert);
        refreshLiveAlerts();
        spendTabs.polled(snapshot);
    }

    /** Where alerts go besides the banners and the Alerts tab (the tray, or in-window pop-ups). */
    void useNotifier(Notifier notifier) {
        spendTabs.useNotifier(notifier);
    }

    public SpendTabs spendTabs() {
        return spendTabs;
    }

    void stop() {
        ticker.stop();
        poll.cancel();
        notifications.close();
    }

    /** Safe from any thread: background tasks ask for a refresh as soon as they changed the account. */
    public void refreshNow() {
        if (Platform.isFxApplicationThread()) {
            poll.refreshNow();
        } else {
            runner.onUi(poll::refreshNow);
        }
    }

    public void apply(UiSettings settings) {
        pollSeconds.set(settings.pollSeconds());
        monitor.lowRunwayHoursProperty().set(settings.lowRunwayHours());
        monitor.highBurnPerHourProperty().set(settings.highBurnPerHour());
        monitor.lowCreditUsdProperty().set(settings.lowCreditUsd());
        spendWatch.setThresholds(settings.alertThresholds());
        notifications.use(settings.notifyUrls());
    }

    private void showStale() {
        if (!monitor.staleProperty().get()) {
            banners.dismiss("stale");
            return;
        }
        Instant last = monitor.lastUpdatedProperty().get();
        String since = last == null
                ? "No data has arrived yet."
                : "Showing the data from " + Format.clockSeconds(last, ZoneId.systemDefault()) + ".";
        spendTabs.stale(since);
        banners.alert(new Banner(
                "stale",
                Banner.Severity.WARNING,
                "Stale data: the last poll failed",
                since + " " + monitor.pollErrorProperty().get() + ". Retrying every " + effectivePollSeconds.get()
                        + " s."));
    }

    /**
     * Threshold alerts become banners: one when a rule starts to hold, replaced by a "cleared" note when it stops.
     * STILL BILLING and out-of-credit already have their own, more detailed banners from the view models.
     */
    private void showAlert(Alert alert) {
        if (alert.kind() == Alert.Kind.STILL_BILLING || alert.kind() == Alert.Kind.INSUFFICIENT_CREDIT) {
            return;
        }
        String key = alertKey(alert);
        Banner.Severity severity = alert.cleared()
                ? Banner.Severity.INFO
                : alert.urgent() ? Banner.Severity.DANGER : Banner.Severity.WARNING;
        banners.alert(new Banner(key, severity, alert.title(), alert.message(), billingLink(alert)));
    }

    /** Low credit and a short runway are fixed on the billing page: the banner links there. */
    private Banner.Action billingLink(Alert alert) {
        boolean aboutCredit = alert.kind() == Alert.Kind.LOW_CREDIT || alert.kind() == Alert.Kind.LOW_RUNWAY;
        if (!aboutCredit || alert.cleared()) {
            return null;
        }
        return new Banner.Action("Add credit…", () -> {
            if (!WebLinks.open(WebLinks.BILLING, runner)) {
                banners.alert(new Banner(
                        "link",
                        Banner.Severity.INFO,
                        "No browser here: the address is copied",
                        WebLinks.BILLING.toString()));
            }
        });
    }

    /**
     * A threshold banner still on screen shows today's figure, not the one of the poll that raised it: the rule
     * keeps its message current while it holds, and a banner the user closed stays closed.
     */
    private void refreshLiveAlerts() {
        for (Alert alert : spendWatch.active()) {
            if (alert.kind() == Alert.Kind.STILL_BILLING || alert.kind() == Alert.Kind.INSUFFICIENT_CREDIT) {
                continue;
            }
            String key = alertKey(alert);
            banners.find(key)
                    .filter(b -> !b.text().equals(alert.message()) && b.severity() != Banner.Severity.INFO)
                    .ifPresent(b ->
                            banners.alert(new Banner(key, b.severity(), alert.title(), alert.message(), b.action())));
        }
    }

    private static String alertKey(Alert alert) {
        return "alert-" + alert.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Every poll, on the polling thread (or the runner, for the first): recorded first, so the guards' spend caps
     * read it. One at a time and in order: a replayed first poll overtaken by a newer one is not checked again.
     */
    private void polled(FleetSnapshot snapshot) {
        synchronized (pollLock) {
            recordHistory(connection, snapshot);
            if (lastChecked != null && snapshot.fetchedAt().isBefore(lastChecked)) {
                return;
            }
            lastChecked = snapshot.fetchedAt();
            guards.onSnapshot(snapshot);
        }
    }

    private static void recordHistory(Connection connection, io.imggenhub.vast.core.FleetSnapshot snapshot) {
        try {
            connection.data().history().record(snapshot);
        } catch (io.imggenhub.vast.store.StoreException e) {
            java.util.logging.Logger.getLogger(MonitorSession.class.getName()).warning(e.getMessage());
        }
    }

    public GuardViewModel guards() {
        return guards;
    }

    public SpendWatch spendWatch() {
        return spendWatch;
    }

    Parent root() {
        return view.root();
    }

    public MainView view() {
        return view;
    }

    public Connection connection() {
        return connection;
    }

    public MonitorViewModel monitor() {
        return monitor;
    }

    public BannerBoard banners() {
        return banners;
    }

    PollService poll() {
        return poll;
    }

    public DestroyViewModel destroy() {
        return destroy;
    }

    public DeployViewModel deploy() {
        return deploy;
    }
}
