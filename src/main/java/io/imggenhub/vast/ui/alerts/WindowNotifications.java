package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.guard.GuardReport;
import io.imggenhub.vast.core.notify.Notice;
import io.imggenhub.vast.core.notify.NotifyTarget;
import io.imggenhub.vast.core.notify.WebhookNotifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The window's alerts and guard events sent to the webhooks of the Settings' "Also send alerts to" field, through
 * the same {@link WebhookNotifier} as {@code watch --notify}. The alerts arrive already debounced by the shared
 * alert rules (hysteresis, snooze), so the webhooks get what the tray gets. A new list of URLs replaces the senders.
 */
public final class WindowNotifications implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WindowNotifications.class.getName());

    private final String secret;
    private final Consumer<String> problems;
    private volatile WebhookNotifier notifier;
    private List<String> urls = List.of();

    public WindowNotifications(String secret, Consumer<String> problems) {
        this.secret = secret;
        this.problems = problems;
        this.notifier = new WebhookNotifier(List.of(), WebhookNotifier.Backoff.DEFAULT, secret, problems);
    }

    public synchronized void use(List<String> next) {
        if (next.equals(urls)) {
            return;
        }
        List<NotifyTarget> targets = new ArrayList<>();
        for (String url : next) {
            try {
                targets.add(NotifyTarget.parse(url, null));
            } catch (IllegalArgumentException e) {
                // The dialog refuses these; a hand-edited settings file may still hold one.
                LOG.warning("Ignoring notification URL: " + e.getMessage());
            }
        }
        WebhookNotifier old = notifier;
        notifier = new WebhookNotifier(targets, WebhookNotifier.Backoff.DEFAULT, secret, problems);
        urls = List.copyOf(next);
        old.close();
    }

    public List<NotifyTarget> targets() {
        return notifier.targets();
    }

    public void alert(Alert alert) {
        notifier.send(Notice.of(alert));
    }

    /** Guard actions, breaches and new warnings of one evaluation. */
    public void guard(GuardReport report) {
        Instant at = report.at();
        WebhookNotifier n = notifier;
        report.actions().forEach(a -> n.send(Notice.of(a, at)));
        report.breachChanges().forEach(b -> n.send(Notice.of(b)));
        report.newWarnings().forEach(w -> n.send(Notice.of(w, at)));
    }

    @Override
    public void close() {
        notifier.close();
    }
}
