package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.SpendWatch;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.ui.alerts.AlertList;
import io.imggenhub.vast.ui.alerts.AlertsView;
import io.imggenhub.vast.ui.alerts.Notifier;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;

/**
 * The spend-watch tabs next to the instance table: Alerts (with a count of open ones), History and Audit. They
 * read the local data in the background and reload after every poll, so actions show up with the next refresh.
 */
public final class SpendTabs {
    private final AlertList alerts = new AlertList();
    private final HistoryModel history;
    private final LocalData data;
    private final TaskRunner runner;
    private final Clock clock;
    private final ZoneId zone;
    /** Built when the Audit tab is first shown (FX thread only). */
    private AuditView auditView;

    private final Tab alertsTab;
    private final Tab historyTab;
    private final Tab auditTab;
    private volatile Notifier notifier;

    public SpendTabs(SpendWatch watch, LocalData data, TaskRunner runner, ZoneId zone) {
        this(watch, data, runner, zone, Clock.systemUTC());
    }

    /** @param clock the clock the account's polls are stamped with (the services' clock) */
    public SpendTabs(SpendWatch watch, LocalData data, TaskRunner runner, ZoneId zone, Clock clock) {
        this.clock = clock;
        this.data = data;
        this.runner = runner;
        this.zone = zone;
        history = new HistoryModel(data.history(), runner, clock, zone);
        watch.addListener(this::deliver);

        // Every tab is built when first shown, the alerts' table too: a tab's content is styled and laid out with
        // the window even while hidden, and the first frame shows the instances.
        alertsTab = LazyTab.of("Alerts", "alerts-tab", () -> new AlertsView(
                        alerts, zone, kind -> watch.snooze(kind, Duration.ofHours(1)))
                .root());
        alertsTab
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> alerts.openCountProperty().get() == 0
                                ? "Alerts"
                                : "Alerts (" + alerts.openCountProperty().get() + ")",
                        alerts.openCountProperty()));
        historyTab = LazyTab.of("History", "history-tab", () -> new HistoryView(history, zone).root());
        auditTab = LazyTab.of("Audit", "audit-tab", () -> audit().root());
        historyTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                history.reload();
            }
        });
        auditTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                audit().reload();
            }
        });
    }

    /** Alerts come from whichever thread evaluated the rules; the list and the notifier hop threads themselves. */
    private void deliver(Alert alert) {
        alerts.add(alert);
        Notifier n = notifier;
        if (n != null) {
            n.alert(alert);
        }
    }

    public void useNotifier(Notifier next) {
        notifier = next;
    }

    /** After each poll (FX thread): the tray's tooltip, and fresh history and audit for the visible tab. */
    public void polled(FleetSnapshot snapshot) {
        Notifier n = notifier;
        if (n != null) {
            n.status(statusLine(snapshot));
        }
        history.thinIfDue();
        if (historyTab.isSelected()) {
            history.reload();
        }
        if (auditTab.isSelected()) {
            audit().reload();
        }
    }

    /** The poll failed: the tray's tooltip must not go on showing fresh-looking numbers. */
    public void stale(String lastGood) {
        Notifier n = notifier;
        if (n != null) {
            n.status("STALE DATA: polls are failing. " + lastGood);
        }
    }

    static String statusLine(FleetSnapshot s) {
        String runway = s.runway().map(d -> Format.duration(d)).orElse("—");
        return "Burn " + Format.perHour(s.burnPerHour()) + " · runway " + runway;
    }

    public List<Tab> tabs() {
        return List.of(alertsTab, historyTab, auditTab);
    }

    AlertList alerts() {
        return alerts;
    }

    /** From now on the History tab also shows what Vast billed; {@code listed} tells destroyed instances apart. */
    public void useCharges(
            io.imggenhub.vast.core.ChargeSource source, java.util.function.Supplier<java.util.Set<Long>> listed) {
        history.useCharges(source, listed);
    }

    HistoryModel history() {
        return history;
    }

    AuditView audit() {
        if (auditView == null) {
            auditView = new AuditView(data.audit(), runner, clock, zone);
        }
        return auditView;
    }
}
