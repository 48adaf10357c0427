package io.imggenhub.vast.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Turns snapshots and events into alerts, the same for the window, the tray and the CLI. Each rule fires once per
 * episode (until its condition clears with hysteresis), says when it cleared, and can be snoozed; an alert held back
 * by a snooze is delivered when the snooze ends if the condition still holds.
 */
public final class SpendWatch {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);

    private final Clock clock;
    private final ZoneId zone;
    private volatile AlertThresholds thresholds;
    private final Map<String, Episode> episodes = new HashMap<>();
    private final Map<Alert.Kind, Instant> snoozedUntil = new HashMap<>();
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    /** One open episode of one rule (and subject). */
    private static final class Episode {
        Alert alert;
        boolean delivered;

        Episode(Alert alert) {
            this.alert = alert;
        }
    }

    public SpendWatch(AlertThresholds thresholds, Clock clock, ZoneId zone) {
        this.thresholds = thresholds;
        this.clock = clock;
        this.zone = zone;
    }

    public void setThresholds(AlertThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public AlertThresholds thresholds() {
        return thresholds;
    }

    public void addListener(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    /** Evaluates every rule against a fresh snapshot; returns (and tells listeners) what fired or cleared. */
    public synchronized List<Alert> onSnapshot(FleetSnapshot s) {
        AlertThresholds t = thresholds;
        List<Alert> out = new ArrayList<>();
        double burn = s.burnPerHour();
        if (t.maxBurnPerHour() > 0) {
            rule(
                    out,
                    Alert.Kind.HIGH_BURN,
                    "",
                    burn > t.maxBurnPerHour(),
                    burn < t.maxBurnPerHour() * (1 - t.hysteresis()),
                    "Burning " + Formats.perHour(burn) + " (limit " + Formats.perHour(t.maxBurnPerHour()) + ") across "
                            + Formats.count(s.billingCount(), "instance") + ": " + Formats.money(s.burnPerDay())
                            + " a day.",
                    String.format(Locale.ROOT, "Burn is back to $%.2f/hr.", burn));
        }
        if (t.minRunwayHours() > 0 && s.account() != null) {
            double hours = s.runway().map(d -> d.toSeconds() / 3600.0).orElse(Double.POSITIVE_INFINITY);
            String zeroAt =
                    s.creditZeroAt().map(i -> CLOCK.format(i.atZone(zone))).orElse("never");
            rule(
                    out,
                    Alert.Kind.LOW_RUNWAY,
                    "",
                    hours < t.minRunwayHours(),
                    hours > t.minRunwayHours() * (1 + t.hysteresis()),
                    s.creditUsedUp()
                            // Used up is now: no "runs out" moment that has already passed.
                            ? String.format(
                                    Locale.ROOT,
                                    "Credit is used up (%s) while $%.2f/hr still bills.",
                                    (s.credit() <= -0.005 ? "-$" : "$")
                                            + String.format(Locale.ROOT, "%.2f", Math.abs(s.credit())),
                                    burn)
                            : String.format(
                                    Locale.ROOT,
                                    "Credit $%.2f lasts %.1f h at $%.2f/hr: it runs out %s.",
                                    s.credit(),
                                    hours,
                                    burn,
                                    zeroAt),
                    Double.isInfinite(hours)
                            ? "Nothing is billing any more."
                            : String.format(Locale.ROOT, "Runway is %.1f h again.", hours));
        }
        if (t.minCredit() > 0 && s.account() != null) {
            rule(
                    out,
                    Alert.Kind.LOW_CREDIT,
                    "",
                    s.credit() < t.minCredit(),
                    s.credit() > t.minCredit() * (1 + t.hysteresis()),
                    String.format(Locale.ROOT, "Credit is $%.2f (warning below $%.2f).", s.credit(), t.minCredit()),
                    String.format(Locale.ROOT, "Credit is $%.2f again.", s.credit()));
        }
        // Event rules clear from what the snapshot shows.
        Set<String> listed = new HashSet<>();
        s.live().forEach(i -> listed.add(String.valueOf(i.id())));
        for (String key : List.copyOf(episodes.keySet())) {
            Episode e = episodes.get(key);
            if (e.alert.kind() == Alert.Kind.STILL_BILLING && !listed.contains(e.alert.subject())) {
                clear(out, key, "Instance " + e.alert.subject() + " is gone at last; it no longer bills.");
            }
            if (e.alert.kind() == Alert.Kind.INSUFFICIENT_CREDIT && s.account() != null && s.credit() > 0) {
                clear(out, key, String.format(Locale.ROOT, "Credit is $%.2f again.", s.credit()));
            }
        }
        deliverExpiredSnoozes(out);
        publish(out);
        return out;
    }

    /** A destroy Vast accepted that did not happen: the instance still costs money. */
    public synchronized List<Alert> onDestroyReport(DestroyReport report) {
        List<Alert> out = new ArrayList<>();
        for (DestroyOutcome o : report.outcomes()) {
            if (o.status() == DestroyOutcome.Status.STILL_BILLING || o.status() == DestroyOutcome.Status.FAILED) {
                String msg = String.format(
                        Locale.ROOT,
                        "Instance %d (%s, $%.4f/hr) was not destroyed: %s",
                        o.id(),
                        o.instance().gpuDisplayName(),
                        o.instance().hourlyCost(),
                        o.reason());
                open(out, Alert.Kind.STILL_BILLING, String.valueOf(o.id()), msg);
            }
        }
        publish(out);
        return out;
    }

    /** Vast refused a rent for lack of credit. */
    public synchronized List<Alert> onInsufficientCredit(String what) {
        List<Alert> out = new ArrayList<>();
        open(out, Alert.Kind.INSUFFICIENT_CREDIT, "", what);
        publish(out);
        return out;
    }

    /** Holds back new alerts of this kind for a while. */
    public synchronized void snooze(Alert.Kind kind, Duration duration) {
        snoozedUntil.put(kind, clock.instant().plus(duration));
    }

    /** Alerts whose condition holds now, newest first. */
    public synchronized List<Alert> active() {
        return episodes.values().stream()
                .map(e -> e.alert)
                .sorted((a, b) -> b.at().compareTo(a.at()))
                .toList();
    }

    private void rule(
            List<Alert> out,
            Alert.Kind kind,
            String subject,
            boolean holds,
            boolean clearedWithMargin,
            String message,
            String clearedMessage) {
        String key = kind + "/" + subject;
        if (holds) {
            Episode e = episodes.get(key);
            if (e == null) {
                open(out, kind, subject, message);
            } else {
                // Keep the text current for whoever looks at the active list; do not notify again.
                e.alert = new Alert(kind, subject, false, kind.label(), message, e.alert.at());
            }
        } else if (clearedWithMargin && episodes.containsKey(key)) {
            clear(out, key, clearedMessage);
        }
    }

    private void open(List<Alert> out, Alert.Kind kind, String subject, String message) {
        String key = kind + "/" + subject;
        if (episodes.containsKey(key)) {
            return;
        }
        Episode e = new Episode(new Alert(kind, subject, false, kind.label(), message, clock.instant()));
        episodes.put(key, e);
        if (!isSnoozed(kind)) {
            e.delivered = true;
            out.add(e.alert);
        }
    }

    private void clear(List<Alert> out, String key, String message) {
        Episode e = episodes.remove(key);
        if (e != null && e.delivered) {
            out.add(new Alert(
                    e.alert.kind(),
                    e.alert.subject(),
                    true,
                    e.alert.kind().label() + " cleared",
                    message,
                    clock.instant()));
        }
    }

    private void deliverExpiredSnoozes(List<Alert> out) {
        for (Episode e : episodes.values()) {
            if (!e.delivered && !isSnoozed(e.alert.kind())) {
                e.delivered = true;
                out.add(e.alert);
            }
        }
    }

    private boolean isSnoozed(Alert.Kind kind) {
        Instant until = snoozedUntil.get(kind);
        return until != null && clock.instant().isBefore(until);
    }

    private void publish(List<Alert> alerts) {
        for (Alert a : alerts) {
            listeners.forEach(l -> l.accept(a));
        }
    }
}
