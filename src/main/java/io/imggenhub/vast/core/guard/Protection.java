package io.imggenhub.vast.core.guard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What protects one instance and when it would act: the window's guard column and {@code guard list}.
 * Local guards act only while this app or {@code watch} runs; the on-instance watchdog acts even when they do not,
 * but it only knows a lifetime.
 *
 * @param rules           the local guards, each with when it would act (null when it is not counting down)
 * @param keptUntil       a "keep it" in force, or null
 * @param watchdogTtl     the TTL of the watchdog in the instance's onstart script, or null
 * @param watchdogAbout   roughly when the watchdog acts (its clock starts when the container first runs), or null
 * @param watchdogArmed   the watchdog has reported itself armed (see {@link OnstartWatchdog#isArmed}); until then
 *                        it is only a script that may have found no way to call Vast
 */
public record Protection(
        long instanceId,
        List<Planned> rules,
        Instant keptUntil,
        Duration watchdogTtl,
        Instant watchdogAbout,
        boolean watchdogArmed) {

    /** One local guard rule and its countdown. */
    public record Planned(GuardRule rule, String description, Instant dueAt) {
        public Optional<Instant> due() {
            return Optional.ofNullable(dueAt);
        }
    }

    public enum Coverage {
        /** Nothing would destroy this instance. */
        NONE,
        /** Guarded only while imggenhub-vast (window or watch) runs. */
        LOCAL_ONLY,
        /** Only the on-instance watchdog. */
        WATCHDOG_ONLY,
        /** Local guards, and the watchdog as a backstop when the app is closed. */
        LOCAL_AND_WATCHDOG
    }

    public Protection {
        rules = List.copyOf(rules);
    }

    public Coverage coverage() {
        boolean local = !rules.isEmpty();
        boolean watchdog = watchdogTtl != null;
        return local
                ? (watchdog ? Coverage.LOCAL_AND_WATCHDOG : Coverage.LOCAL_ONLY)
                : (watchdog ? Coverage.WATCHDOG_ONLY : Coverage.NONE);
    }

    /** True when closing this app (and having no {@code watch} running) leaves the instance unguarded. */
    public boolean localOnly() {
        return coverage() == Coverage.LOCAL_ONLY;
    }

    /** A watchdog is in the onstart script but has not reported itself armed: nobody knows that it runs. */
    public boolean watchdogUnconfirmed() {
        return watchdogTtl != null && !watchdogArmed;
    }

    /** {@code watchdog}, or {@code watchdog unconfirmed} until the evidence arrives. */
    public String watchdogWord() {
        return watchdogUnconfirmed() ? "watchdog unconfirmed" : "watchdog";
    }

    /** The earliest moment anything would destroy this instance, as far as is known now. */
    public Optional<Instant> nextActionAt() {
        List<Instant> times = new ArrayList<>();
        rules.forEach(p -> p.due().ifPresent(times::add));
        if (watchdogAbout != null) {
            times.add(watchdogAbout);
        }
        return times.stream().min(Comparator.naturalOrder());
    }

    /**
     * One line for a table cell: {@code lifetime 2 h → 14:05 · GPU below 5% for 30 min (busy) — only while
     * imggenhub-vast runs}.
     */
    public String summary(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        DateTimeFormatter hhmm =
                DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        List<String> parts = new ArrayList<>();
        for (Planned p : rules) {
            parts.add(p.description() + (p.dueAt() == null ? "" : " → " + hhmm.format(p.dueAt())));
        }
        if (keptUntil != null) {
            parts.add("kept until " + hhmm.format(keptUntil));
        }
        String local = String.join(" · ", parts);
        return switch (coverage()) {
            case NONE -> "unguarded";
            case LOCAL_ONLY -> local + " — only while imggenhub-vast runs";
            case WATCHDOG_ONLY ->
                watchdogUnconfirmed()
                        ? "on-instance " + watchdogWord() + " " + watchdog(hhmm)
                                + ": it has not reported itself armed yet"
                        : "on-instance watchdog " + watchdog(hhmm) + ", works while this app is closed";
            case LOCAL_AND_WATCHDOG ->
                watchdogUnconfirmed()
                        ? local + " — " + watchdogWord() + " " + watchdog(hhmm) + ": not reported armed yet"
                        : local + " — watchdog " + watchdog(hhmm) + " also when closed";
        };
    }

    private String watchdog(DateTimeFormatter hhmm) {
        return HumanDuration.format(watchdogTtl)
                + (watchdogAbout == null ? "" : " (~" + hhmm.format(watchdogAbout) + ")");
    }
}
