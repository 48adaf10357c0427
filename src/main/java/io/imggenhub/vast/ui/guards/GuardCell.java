package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.Protection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Guard column shows for one instance, computed on the polling thread: a short text, whether the
 * instance is protected only while this app runs (shown as a warning), and a tooltip that says what that means.
 */
public record GuardCell(String text, boolean localOnly, String tooltip) {
    public static final GuardCell NONE = new GuardCell(
            "—",
            false,
            "No guard: nothing destroys this instance by itself. Guard… (G) sets a lifetime, idle or price limit.");

    /** Shown (as a warning) until the watchdog reports itself armed by its label; see docs/security.md. */
    static final String UNCONFIRMED = "The on-instance watchdog has not reported itself armed yet (it appends"
            + " \"[watchdog armed]\" to the label once it runs and can reach Vast). Until then do not count on it:"
            + " the image may lack curl, wget, python3 and perl, or the container has not started.\n";

    static GuardCell of(Protection p, ZoneId zone) {
        DateTimeFormatter hhmm =
                DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        List<String> parts = new ArrayList<>();
        for (Protection.Planned planned : p.rules()) {
            String due = planned.dueAt() == null ? null : hhmm.format(planned.dueAt());
            parts.add(
                    switch (planned.rule()) {
                        case TTL -> "TTL " + (due == null ? "" : due);
                        case IDLE -> due == null ? "idle" : "idle → " + due;
                        case MAX_HOURLY -> due == null ? "cap" : "cap → " + due;
                        default -> planned.rule().label();
                    });
        }
        if (p.keptUntil() != null) {
            parts.add("kept to " + hhmm.format(p.keptUntil()));
        }
        String local = String.join(" · ", parts);
        String full = p.summary(zone);
        return switch (p.coverage()) {
            case NONE -> NONE;
            case LOCAL_ONLY ->
                new GuardCell(
                        local + " · local only",
                        true,
                        "Protected only while this app runs: if it is closed or the laptop sleeps, nothing destroys"
                                + " this instance. Deploy with the on-instance watchdog to be safe then.\n" + full);
            case WATCHDOG_ONLY ->
                p.watchdogUnconfirmed()
                        ? new GuardCell(p.watchdogWord() + " " + watchdog(p, hhmm), true, UNCONFIRMED + full)
                        : new GuardCell(
                                "watchdog " + watchdog(p, hhmm),
                                false,
                                "An on-instance watchdog destroys it after " + HumanDuration.format(p.watchdogTtl())
                                        + ", even when this app is closed.\n" + full);
            case LOCAL_AND_WATCHDOG ->
                p.watchdogUnconfirmed()
                        ? new GuardCell(local + " · " + p.watchdogWord(), true, UNCONFIRMED + full)
                        : new GuardCell(
                                local + " · watchdog",
                                false,
                                "Local guards while this app runs, and the on-instance watchdog (about "
                                        + watchdog(p, hhmm) + ") as a backstop when it is closed.\n" + full);
        };
    }

    private static String watchdog(Protection p, DateTimeFormatter hhmm) {
        Instant about = p.watchdogAbout();
        return about == null ? HumanDuration.format(p.watchdogTtl()) : "~" + hhmm.format(about);
    }
}
