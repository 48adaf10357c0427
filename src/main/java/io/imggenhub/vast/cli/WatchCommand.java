package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.AuthenticationException;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.AlertThresholds;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.SpendWatch;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.core.guard.ChargedSpendLedger;
import io.imggenhub.vast.core.guard.GuardAction;
import io.imggenhub.vast.core.guard.GuardEngine;
import io.imggenhub.vast.core.guard.GuardReport;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.notify.Notice;
import io.imggenhub.vast.core.notify.NotifyFormat;
import io.imggenhub.vast.core.notify.NotifyTarget;
import io.imggenhub.vast.core.notify.WebhookNotifier;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "The guards and spend alerts without the window, for an always-on machine: every interval it"
                    + " reads the account, records it in the local history, applies the guards (destroying through the"
                    + " same verified path, with the guard as the audit reason) and prints one timestamped line per event."
                    + " A failed poll is printed and retried later; SIGTERM or Ctrl-C stops it between polls.",
            "With --once: one poll, then exit (for cron and tests).",
            "With --notify URL (repeatable): every alert and guard event is also POSTed to that webhook, once per"
                    + " episode like the tray: a generic JSON object, or Slack, Discord or ntfy bodies, chosen by"
                    + " the URL or --notify-format. HTTPS only, except a receiver on this machine."
        })
final class WatchCommand extends VastCommand {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** History is thinned about once an hour at the default interval. */
    private static final int DOWNSAMPLE_EVERY = 60;

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            converter = Converters.PositiveDuration.class,
            defaultValue = "60s",
            description = "Time between polls (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--once",
            description =
                    "One poll, then exit: 0 when it worked, 1 when it failed or a guard's destroy left an instance"
                            + " billing.")
    boolean once;

    @Option(
            names = "--notify",
            paramLabel = "URL",
            description = "POST alerts and guard events to this webhook (repeatable).")
    List<String> notifyUrls = new ArrayList<>();

    @Option(
            names = "--notify-format",
            paramLabel = "FORMAT",
            converter = NotifyFormatConverter.class,
            description = "json, slack, discord or ntfy (default: by URL: hooks.slack.com is slack,"
                    + " discord.com/api/webhooks discord, ntfy.sh or /ntfy ntfy, anything else json).")
    NotifyFormat notifyFormat;

    /** How long a one-shot run waits for its notifications before it exits. */
    private static final Duration NOTIFY_DRAIN = Duration.ofSeconds(30);

    static final class NotifyFormatConverter implements picocli.CommandLine.ITypeConverter<NotifyFormat> {
        @Override
        public NotifyFormat convert(String value) {
            try {
                return NotifyFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    protected int execute() {
        List<NotifyTarget> targets = targets();
        VastServices services = connect(true);
        try (WebhookNotifier notifier = new WebhookNotifier(
                targets,
                WebhookNotifier.Backoff.DEFAULT,
                apiKey() == null ? null : apiKey().reveal(),
                problem -> line("[WARN] " + problem))) {
            this.notifier = notifier;
            try {
                return watch(services);
            } finally {
                if (!notifier.isEmpty()) {
                    drain(notifier);
                }
            }
        }
    }

    /** Every --notify URL checked before anything is sent: a typo is a usage error (exit 2), not a silent loss. */
    private List<NotifyTarget> targets() {
        List<NotifyTarget> targets = new ArrayList<>();
        for (String url : notifyUrls) {
            try {
                targets.add(NotifyTarget.parse(url, notifyFormat));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("invalid_notify_url", e.getMessage());
            }
        }
        if (notifyFormat != null && targets.isEmpty()) {
            throw CliException.usage("invalid_option", "--notify-format needs at least one --notify URL.");
        }
        return targets;
    }

    private void drain(WebhookNotifier notifier) {
        try {
            if (!notifier.drain(once ? NOTIFY_DRAIN : Duration.ofSeconds(5))) {
                line("[WARN] Some notifications were still being sent at exit.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WebhookNotifier notifier;

    private int watch(VastServices services) {
        LocalData data = data();
        // A one-shot run cannot warn on one poll and act on the next: it acts on what is due (cron users rely on it).
        // The caps count what Vast billed, and the estimate only for the hours it has not billed yet.
        GuardEngine engine = GuardEngine.forServices(
                services,
                data.guards(server()),
                ChargedSpendLedger.forServices(services, data.history()),
                ctx().zone(),
                GuardEngine.Settings.DEFAULT.withWarnFirst(!once));
        SpendWatch alerts = new SpendWatch(AlertThresholds.DEFAULT, ctx().clock(), ctx().zone());
        // The alert rules' hysteresis and snooze decide what is sent, as they decide what the tray shows.
        alerts.addListener(a -> notifier.send(Notice.of(a)));
        Thread hook = once ? null : new Thread(this::stopAndWait, "watch-stop");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
            line("Watching " + server() + " every " + HumanDuration.format(interval) + " (data: " + data.file()
                    + "). Ctrl-C stops.");
        }
        try {
            int failures = 0;
            for (long cycle = 0; ; cycle++) {
                boolean ok = poll(services, data, engine, alerts, cycle);
                failures = ok ? 0 : failures + 1;
                if (once) {
                    return ok ? ExitCodes.OK : ExitCodes.FAILED;
                }
                if (waitOrStop(backoff(failures))) {
                    line("Stopped.");
                    return ExitCodes.OK;
                }
            }
        } catch (AuthenticationException e) {
            // Polling on with a rejected key only fills the log; the service manager shows the exit.
            throw e;
        } finally {
            stopped.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it is what stopped us
                }
            }
        }
    }

    /** One cycle; false when it failed. Authentication failures end the watch. */
    private boolean poll(VastServices services, LocalData data, GuardEngine engine, SpendWatch alerts, long cycle) {
        FleetSnapshot snapshot;
        try {
            snapshot = services.repository().refresh();
        } catch (AuthenticationException e) {
            throw e;
        } catch (VastException e) {
            line("[ERROR] Poll failed: " + e.getMessage());
            return false;
        }
        try {
            data.history().record(snapshot);
            if (cycle % DOWNSAMPLE_EVERY == 0) {
                data.history().downsample(ctx().clock().instant());
            }
        } catch (StoreException e) {
            line("[WARN] " + e.getMessage());
        }
        if (once || cycle == 0) {
            line(io.imggenhub.vast.core.Formats.count(snapshot.live().size(), "instance") + ", "
                    + Format.rate(snapshot.burnPerHour()) + "/hr, credit "
                    + (snapshot.account() == null ? "unknown" : Format.usd(snapshot.credit())));
        }
        GuardReport report;
        try {
            report = engine.evaluate(snapshot);
        } catch (StoreException e) {
            line("[ERROR] Guards could not be read: " + e.getMessage());
            return false;
        }
        boolean guardsHeld = true;
        Instant at = ctx().clock().instant();
        for (GuardAction a : report.actions()) {
            line((a.succeeded() ? "[GUARD] " : "[ERROR] ") + a.message());
            notifier.send(Notice.of(a, at));
            if (a.report() != null) {
                alerts.onDestroyReport(a.report()).forEach(this::alert);
                stillBilling(a);
            } else if (!a.succeeded()) {
                line(
                        "[ERROR] STILL BILLING: "
                                + io.imggenhub.vast.core.Formats.count(
                                        a.instanceIds().size(), "instance") + " the guard meant to destroy"
                                + " may still bill. Retry, or destroy them in the Vast console: https://cloud.vast.ai/instances/");
            }
            // A guard that could not stop the billing is a failed poll: --once exits 1 and cron notices.
            guardsHeld &= a.succeeded();
        }
        report.breachChanges().forEach(b -> {
            line((b.cleared() ? "[INFO] " : "[ALERT] ") + b.message());
            notifier.send(Notice.of(b));
        });
        report.newWarnings().forEach(w -> notifier.send(Notice.of(w, at)));
        report.newWarnings()
                .forEach(w -> line("[WARN] " + w.message()
                        + (w.isAccountWide()
                                ? " 'guard keep --account --for 1h' holds it back."
                                : " 'guard keep --instance-id " + w.instanceId() + " --for 1h' holds it back.")));
        alerts.onSnapshot(snapshot).forEach(this::alert);
        return guardsHeld;
    }

    /** The STILL BILLING lines of a guard's destroy, each stamped like every other watch line. */
    private void stillBilling(GuardAction a) {
        StringWriter lines = new StringWriter();
        DestroyLines.warnStillBilling(a.report(), new PrintWriter(lines), "[ERROR] ");
        lines.toString().lines().forEach(this::line);
    }

    private void alert(Alert a) {
        line((a.cleared() ? "[INFO] " : "[ALERT] ") + a.title() + ": " + a.message());
    }

    /** After failures the pause doubles, up to ten minutes (or the interval, if that is longer). */
    private Duration backoff(int failures) {
        Duration d = interval.multipliedBy(1L << Math.min(failures, 10));
        Duration cap = MAX_BACKOFF.compareTo(interval) > 0 ? MAX_BACKOFF : interval;
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** True when asked to stop during the wait. */
    private boolean waitOrStop(Duration d) {
        try {
            return stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** SIGTERM or Ctrl-C: let the current poll (possibly a destroy) finish, then exit. */
    private void stopAndWait() {
        stop.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a running watch to stop after its current poll (tests, and the shutdown hook). */
    void requestStop() {
        stop.countDown();
    }

    private void line(String text) {
        Instant now = ctx().clock().instant();
        // Event lines quote server text (labels, GPU names, error messages).
        out().println(STAMP.format(now.atZone(ctx().zone())) + " " + TerminalText.safe(text));
        out().flush();
    }
}
