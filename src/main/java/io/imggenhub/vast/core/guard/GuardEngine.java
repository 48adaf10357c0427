package io.imggenhub.vast.core.guard;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.AuditSink;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.Formats;
import io.imggenhub.vast.core.VastServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates every guard on every poll and acts through the shared {@link Destroyer}: the same engine for the
 * window, the CLI and {@code watch}. Call {@link #evaluate} with each fresh snapshot (record it in the spend history
 * first, so the caps see it); it blocks while it destroys, so the window calls it from its background poller.
 *
 * <p>Before each destroy the engine writes the guard's human reason to the audit log ({@code action "guard"},
 * reason e.g. {@code guard:ttl}); the destroyer then writes its own intent and outcome with the same reason.
 * Warnings come {@link Settings#warnAhead} before an action, once per episode; "keep it" ({@link #keep}) holds an
 * instance's actions back and is stored in the {@link GuardBook}, so every process on this machine honours it.
 *
 * <p>A price cap acts on the first poll that sees the instance bill above it: a price is no countdown, so it
 * gives no warning ahead unless it was kept. A destroy that fails is tried again on the next poll; its
 * {@link GuardAction#report()} can go to {@code SpendWatch.onDestroyReport} for the STILL BILLING alert.
 *
 * <p>Time: "now" is the engine's clock; an instance's lifetime is {@code now - start_date}. Idle time is counted
 * from the first poll that saw the GPU below the threshold and is kept in memory only: after a restart the
 * count starts again, so a guard may act later than it would have, never earlier.
 */
public final class GuardEngine {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /**
     * @param warnAhead     how long before an action the warning comes (0 for none)
     * @param historyMaxGap the longest a recorded burn counts for when the caps add up spend (see {@link SpendLedger})
     * @param pruneGrace    guards of instances missing from the listing are forgotten once they are this old
     * @param warnFirst     a guard found due without a warning on an earlier poll of this engine only warns, and
     *                      acts on the next poll (the window and a running {@code watch}); off for a one-shot
     *                      {@code watch --once}, which has no earlier poll to remember
     */
    public record Settings(Duration warnAhead, Duration historyMaxGap, Duration pruneGrace, boolean warnFirst) {
        public static final Settings DEFAULT =
                new Settings(Duration.ofMinutes(5), Duration.ofMinutes(90), Duration.ofMinutes(10), true);

        public Settings(Duration warnAhead, Duration historyMaxGap, Duration pruneGrace) {
            this(warnAhead, historyMaxGap, pruneGrace, true);
        }

        public Settings {
            Objects.requireNonNull(warnAhead, "warnAhead");
            Objects.requireNonNull(historyMaxGap, "historyMaxGap");
            Objects.requireNonNull(pruneGrace, "pruneGrace");
            if (warnAhead.isNegative()
                    || pruneGrace.isNegative()
                    || historyMaxGap.isNegative()
                    || historyMaxGap.isZero()) {
                throw new IllegalArgumentException(
                        "guard engine durations must not be negative (the history gap positive)");
            }
        }

        public Settings withWarnAhead(Duration d) {
            return new Settings(d, historyMaxGap, pruneGrace, warnFirst);
        }

        public Settings withWarnFirst(boolean on) {
            return new Settings(warnAhead, historyMaxGap, pruneGrace, on);
        }
    }

    private final GuardBook book;
    private final Destroyer destroyer;
    private final SpendLedger ledger;
    private final AuditSink audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Settings settings;

    /** One evaluation at a time; it is held while destroying. */
    private final Object evaluating = new Object();
    /** Guards the episode state below; never held during I/O to Vast, so keep() and protection() stay quick. */
    private final Object state = new Object();

    private final Map<Long, Instant> idleSince = new HashMap<>();
    /** Warned episodes: key → the keep in force when warned (EPOCH for none); a new keep makes a new episode. */
    private final Map<String, Instant> warned = new HashMap<>();

    private final Map<GuardRule, AccountBreach> breaches = new EnumMap<>(GuardRule.class);

    public GuardEngine(
            GuardBook book,
            Destroyer destroyer,
            SpendLedger ledger,
            AuditSink audit,
            Clock clock,
            ZoneId zone,
            Settings settings) {
        this.book = Objects.requireNonNull(book, "book");
        this.destroyer = Objects.requireNonNull(destroyer, "destroyer");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Wired to the services' destroyer, audit sink and clock, with default settings. */
    public static GuardEngine forServices(VastServices services, GuardBook book, SpendLedger ledger, ZoneId zone) {
        return forServices(services, book, ledger, zone, Settings.DEFAULT);
    }

    public static GuardEngine forServices(
            VastServices services, GuardBook book, SpendLedger ledger, ZoneId zone, Settings settings) {
        return new GuardEngine(book, services.destroyer(), ledger, services.audit(), services.clock(), zone, settings);
    }

    public GuardBook book() {
        return book;
    }

    public Settings settings() {
        return settings;
    }

    // ---- evaluation -------------------------------------------------------------------------------------------

    /** A guard rule that holds or will hold for one instance, before "keep it" is applied. */
    private record Candidate(GuardRule rule, Instant due, String description, String why) {}

    private record Due(Instance instance, GuardRule rule, Instant at, String why) {}

    /** The state of one account rule on this poll. */
    private record AccountCheck(
            GuardRule rule,
            boolean breached,
            Instant predicted,
            String breachText,
            String clearedText,
            String why,
            String predictedWhy) {}

    private record Decision(
            List<Due> instanceActions,
            AccountCheck accountAction,
            List<GuardWarning> pending,
            List<GuardWarning> newWarnings,
            List<AccountBreach> breachChanges,
            List<AccountBreach> activeBreaches) {}

    public GuardReport evaluate(FleetSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        synchronized (evaluating) {
            Instant now = clock.instant();
            Decision d;
            synchronized (state) {
                d = decide(snapshot, now);
            }
            List<GuardAction> actions = new ArrayList<>(actOnInstances(d.instanceActions(), now));
            if (d.accountAction() != null) {
                actions.add(actOnAccount(d.accountAction(), snapshot));
            }
            Set<Long> live = snapshot.live().stream().map(Instance::id).collect(Collectors.toSet());
            book.prune(live, now.minus(settings.pruneGrace()));
            return new GuardReport(now, d.newWarnings(), d.pending(), actions, d.breachChanges(), d.activeBreaches());
        }
    }

    private Decision decide(FleetSnapshot snapshot, Instant now) {
        Instant warnUntil = now.plus(settings.warnAhead());
        Map<Long, InstanceGuard> guards = new HashMap<>();
        book.instanceGuards().forEach(g -> guards.put(g.instanceId(), g));
        List<Due> actions = new ArrayList<>();
        List<GuardWarning> pending = new ArrayList<>();
        Map<String, Instant> pendingKeys = new LinkedHashMap<>();
        Set<Long> tracked = new HashSet<>();

        for (Instance instance : snapshot.live()) {
            InstanceGuard guard = guards.get(instance.id());
            if (guard == null) {
                continue;
            }
            tracked.add(instance.id());
            trackIdle(instance, guard, now);
            Instant kept =
                    book.keptUntil(instance.id()).filter(k -> k.isAfter(now)).orElse(null);
            Optional<Due> next = candidates(instance, guard, now).stream()
                    .filter(c -> c.due() != null)
                    .min(Comparator.comparing(Candidate::due).thenComparing(Candidate::rule))
                    .map(c -> new Due(instance, c.rule(), later(c.due(), kept), c.why()));
            if (next.isEmpty()) {
                continue;
            }
            Due due = next.get();
            String key = "i/" + instance.id() + "/" + due.rule();
            Instant keepMark = kept == null ? Instant.EPOCH : kept;
            if (!now.isBefore(due.at())) {
                // Never a destroy nobody was warned of: a guard that is due at once (saved on an old instance, a
                // price jump) warns on this poll and acts on the next, unless "Keep it" came in between. It stays
                // warned while it is due, so a destroy that failed is retried on the next poll without a new warning.
                if (warnedBefore(key, now)) {
                    actions.add(due);
                } else {
                    pending.add(new GuardWarning(
                            due.rule(),
                            instance.id(),
                            now,
                            String.format(
                                    Locale.ROOT,
                                    "Instance %d (%s, %s) will be destroyed on the next check: %s.",
                                    instance.id(),
                                    instance.gpuDisplayName(),
                                    Formats.ratePerHour(instance.billedRate()),
                                    due.why())));
                }
                pendingKeys.put(key, keepMark);
            } else if (!due.at().isAfter(warnUntil)) {
                pending.add(new GuardWarning(
                        due.rule(),
                        instance.id(),
                        due.at(),
                        String.format(
                                Locale.ROOT,
                                "Instance %d (%s) will be destroyed at %s: %s.",
                                instance.id(),
                                instance.gpuDisplayName(),
                                HHMM.format(due.at().atZone(zone)),
                                due.why())));
                pendingKeys.put(key, keepMark);
            }
        }
        idleSince.keySet().retainAll(tracked);

        AccountCheck accountAction = null;
        List<AccountBreach> changes = new ArrayList<>();
        AccountGuard account = book.accountGuard();
        List<AccountCheck> checks = account.isEmpty() ? List.of() : accountChecks(account, snapshot, now);
        Set<GuardRule> configured = new HashSet<>(account.rules());
        breaches.keySet().retainAll(configured);
        for (AccountCheck c : checks) {
            AccountBreach open = breaches.get(c.rule());
            if (c.breached()) {
                if (open == null) {
                    AccountBreach b = new AccountBreach(c.rule(), false, c.breachText(), now);
                    breaches.put(c.rule(), b);
                    changes.add(b);
                } else {
                    breaches.put(c.rule(), new AccountBreach(c.rule(), false, c.breachText(), open.at()));
                }
            } else if (open != null) {
                breaches.remove(c.rule());
                changes.add(new AccountBreach(c.rule(), true, c.clearedText(), now));
            }
        }
        int liveCount = snapshot.live().size();
        if (account.destroyOnBreach() && liveCount > 0) {
            Instant kept = book.accountKeptUntil().filter(k -> k.isAfter(now)).orElse(null);
            Optional<AccountCheck> breached =
                    checks.stream().filter(AccountCheck::breached).findFirst();
            String breachKey = breached.map(c -> "a/" + c.rule()).orElse("");
            if (breached.isPresent() && kept == null && warnedBefore(breachKey, now)) {
                // Warned on an earlier poll (below) and not kept since: now it acts.
                accountAction = breached.get();
                pendingKeys.put(breachKey, Instant.EPOCH);
            } else {
                Optional<AccountCheck> soonest = breached.isPresent()
                        ? breached
                        : checks.stream()
                                .filter(c -> c.predicted() != null)
                                .min(Comparator.comparing(AccountCheck::predicted));
                if (soonest.isPresent()) {
                    AccountCheck c = soonest.get();
                    Instant at = later(c.breached() ? now : c.predicted(), kept);
                    if (!at.isAfter(warnUntil)) {
                        pending.add(new GuardWarning(
                                c.rule(),
                                null,
                                at,
                                String.format(
                                        Locale.ROOT,
                                        "All %s will be destroyed at %s: %s.",
                                        Formats.count(liveCount, "instance"),
                                        HHMM.format(at.atZone(zone)),
                                        c.breached() ? c.why() : c.predictedWhy())));
                        pendingKeys.put("a/" + c.rule(), kept == null ? Instant.EPOCH : kept);
                    }
                }
            }
        }

        List<GuardWarning> fresh = new ArrayList<>();
        for (GuardWarning w : pending) {
            String key = w.isAccountWide() ? "a/" + w.rule() : "i/" + w.instanceId() + "/" + w.rule();
            if (!pendingKeys.get(key).equals(warned.get(key))) {
                fresh.add(w);
            }
        }
        warned.clear();
        warned.putAll(pendingKeys);
        return new Decision(actions, accountAction, pending, fresh, changes, List.copyOf(breaches.values()));
    }

    /** Warned on an earlier poll, and not under a keep that still runs (a warning shown during one counts). */
    private boolean warnedBefore(String key, Instant now) {
        if (!settings.warnFirst()) {
            return true;
        }
        Instant keptWhenWarned = warned.get(key);
        return keptWhenWarned != null && !keptWhenWarned.isAfter(now);
    }

    private void trackIdle(Instance instance, InstanceGuard guard, Instant now) {
        if (guard.idle() == null) {
            idleSince.remove(instance.id());
            return;
        }
        // No figure, or a container that is not running (loading reports 0%), is not evidence of idleness.
        boolean idle = "running".equals(instance.actualStatus())
                && instance.gpuUtil() != null
                && instance.gpuUtil() < guard.idle().belowPercent();
        if (idle) {
            idleSince.putIfAbsent(instance.id(), now);
        } else {
            idleSince.remove(instance.id());
        }
    }

    /** Each rule of the guard, with when it would act (null while it is not counting down). */
    private List<Candidate> candidates(Instance instance, InstanceGuard guard, Instant now) {
        List<Candidate> out = new ArrayList<>(3);
        if (guard.maxLifetime() != null) {
            Instant started = instance.started();
            String ttl = HumanDuration.format(guard.maxLifetime());
            out.add(new Candidate(
                    GuardRule.TTL,
                    started == null ? null : started.plus(guard.maxLifetime()),
                    "lifetime " + ttl + (started == null ? " (start unknown)" : ""),
                    "lifetime " + ttl + " reached"));
        }
        if (guard.idle() != null) {
            Instant since = idleSince.get(instance.id());
            out.add(new Candidate(
                    GuardRule.IDLE,
                    since == null ? null : since.plus(guard.idle().forDuration()),
                    guard.idle().describe()
                            + (since == null
                                    ? " (not idle now)"
                                    : " (idle since " + HHMM.format(since.atZone(zone)) + ")"),
                    guard.idle().describe()));
        }
        if (guard.maxHourly() != null) {
            double rate = instance.billedRate();
            boolean over = rate > guard.maxHourly();
            out.add(new Candidate(
                    GuardRule.MAX_HOURLY,
                    over ? now : null,
                    String.format(Locale.ROOT, "at most $%.2f/hr (now $%.4f/hr)", guard.maxHourly(), rate),
                    String.format(Locale.ROOT, "it bills $%.4f/hr, above its $%.2f/hr cap", rate, guard.maxHourly())));
        }
        return out;
    }

    private List<AccountCheck> accountChecks(AccountGuard account, FleetSnapshot snapshot, Instant now) {
        List<AccountCheck> checks = new ArrayList<>(3);
        double burn = snapshot.burnPerHour();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (account.dailyCap() != null) {
            Instant from = today.atStartOfDay(zone).toInstant();
            Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
            checks.add(capCheck(GuardRule.DAILY_CAP, "daily", "today", account.dailyCap(), from, end, burn, now));
        }
        if (account.monthlyCap() != null) {
            LocalDate first = today.withDayOfMonth(1);
            Instant from = first.atStartOfDay(zone).toInstant();
            Instant end = first.plusMonths(1).atStartOfDay(zone).toInstant();
            checks.add(capCheck(
                    GuardRule.MONTHLY_CAP, "monthly", "this month", account.monthlyCap(), from, end, burn, now));
        }
        if (account.creditFloor() != null && snapshot.account() != null) {
            double floor = account.creditFloor();
            double credit = snapshot.credit();
            boolean breached = credit <= floor;
            Instant predicted =
                    breached || burn <= 0 ? null : now.plusMillis((long) ((credit - floor) / burn * 3_600_000));
            checks.add(new AccountCheck(
                    GuardRule.CREDIT_FLOOR,
                    breached,
                    predicted,
                    String.format(Locale.ROOT, "Credit $%.2f is at or below the $%.2f floor.", credit, floor),
                    String.format(Locale.ROOT, "Credit $%.2f is above the $%.2f floor again.", credit, floor),
                    String.format(Locale.ROOT, "credit floor $%.2f reached (credit $%.2f)", floor, credit),
                    String.format(
                            Locale.ROOT,
                            "credit floor $%.2f reached (credit $%.2f at $%.2f/hr)",
                            floor,
                            credit,
                            burn)));
        }
        return checks;
    }

    private AccountCheck capCheck(
            GuardRule rule,
            String adjective,
            String period,
            double cap,
            Instant from,
            Instant periodEnd,
            double burn,
            Instant now) {
        Spend spend = ledger.spend(from, now, settings.historyMaxGap());
        double spent = spend.totalUsd();
        boolean breached = spent >= cap;
        Instant predicted = null;
        if (!breached && burn > 0) {
            Instant at = now.plusMillis((long) ((cap - spent) / burn * 3_600_000));
            predicted = at.isBefore(periodEnd) ? at : null;
        }
        String capText = String.format(Locale.ROOT, "$%.2f", cap);
        // Which part is Vast's bill and which our estimate: "about" marks an estimate.
        String spentText = spend.hasCharges()
                ? String.format(
                        Locale.ROOT,
                        "$%.2f spent %s ($%.2f billed by Vast up to %s, about $%.2f estimated since)",
                        spent,
                        period,
                        spend.billedUsd(),
                        HHMM.format(spend.billedUntil().atZone(zone)),
                        spend.estimatedUsd())
                : String.format(Locale.ROOT, "about $%.2f spent %s", spent, period);
        String shortText = spend.hasCharges()
                ? String.format(
                        Locale.ROOT, "$%.2f spent %s, $%.2f of it billed by Vast", spent, period, spend.billedUsd())
                : String.format(Locale.ROOT, "about $%.2f spent %s", spent, period);
        return new AccountCheck(
                rule,
                breached,
                predicted,
                String.format(
                        Locale.ROOT, "%s spend cap reached: %s (cap %s).", capitalise(adjective), spentText, capText),
                String.format(
                        Locale.ROOT,
                        "%s spend is within its %s cap again (%s).",
                        capitalise(adjective),
                        capText,
                        spend.hasCharges() ? spentText : String.format(Locale.ROOT, "about $%.2f %s", spent, period)),
                String.format(Locale.ROOT, "%s cap %s reached (%s)", adjective, capText, shortText),
                String.format(Locale.ROOT, "%s cap %s reached (%s at $%.2f/hr)", adjective, capText, shortText, burn));
    }

    // ---- acting -----------------------------------------------------------------------------------------------

    private List<GuardAction> actOnInstances(List<Due> due, Instant decidedAt) {
        Map<GuardRule, List<Due>> byRule = new EnumMap<>(GuardRule.class);
        for (Due d : due) {
            // A "keep it" clicked while this poll was deciding still wins.
            if (book.keptUntil(d.instance().id())
                    .filter(k -> k.isAfter(decidedAt))
                    .isPresent()) {
                continue;
            }
            byRule.computeIfAbsent(d.rule(), r -> new ArrayList<>()).add(d);
        }
        List<GuardAction> actions = new ArrayList<>();
        for (Map.Entry<GuardRule, List<Due>> group : byRule.entrySet()) {
            GuardRule rule = group.getKey();
            List<Instance> targets = new ArrayList<>();
            for (Due d : group.getValue()) {
                Instance i = d.instance();
                audit.record(new AuditEvent(
                        clock.instant(),
                        "guard",
                        rule.reason(),
                        AuditEvent.Phase.INTENT,
                        List.of(i.id()),
                        String.format(
                                Locale.ROOT,
                                "Instance %d (%s, $%.4f/hr, up %s): %s; destroying it",
                                i.id(),
                                i.gpuDisplayName(),
                                i.billedRate(),
                                HumanDuration.format(i.uptime(decidedAt)),
                                d.why())));
                targets.add(i);
            }
            try {
                DestroyReport report = destroyer.destroy(targets, rule.reason(), DestroyListener.NONE);
                Map<Long, DestroyOutcome> outcomes = new HashMap<>();
                report.outcomes().forEach(o -> outcomes.put(o.id(), o));
                for (Due d : group.getValue()) {
                    DestroyOutcome o = outcomes.get(d.instance().id());
                    actions.add(new GuardAction(
                            rule,
                            List.of(d.instance().id()),
                            d.why(),
                            new DestroyReport(o == null ? List.of() : List.of(o), report.elapsed()),
                            null));
                }
            } catch (RuntimeException e) {
                for (Due d : group.getValue()) {
                    actions.add(new GuardAction(
                            rule, List.of(d.instance().id()), d.why(), null, String.valueOf(e.getMessage())));
                }
            }
        }
        return actions;
    }

    private GuardAction actOnAccount(AccountCheck c, FleetSnapshot snapshot) {
        List<Long> ids = snapshot.live().stream().map(Instance::id).toList();
        audit.record(new AuditEvent(
                clock.instant(),
                "guard",
                c.rule().reason(),
                AuditEvent.Phase.INTENT,
                ids,
                c.why() + "; destroy on breach is on: destroying every instance"));
        try {
            DestroyReport report = destroyer.destroyEverything(c.rule().reason(), DestroyListener.NONE);
            return new GuardAction(
                    c.rule(), report.outcomes().stream().map(DestroyOutcome::id).toList(), c.why(), report, null);
        } catch (RuntimeException e) {
            // Listing failed before anything was destroyed; the next poll tries again.
            return new GuardAction(c.rule(), ids, c.why(), null, String.valueOf(e.getMessage()));
        }
    }

    // ---- keep it ----------------------------------------------------------------------------------------------

    /**
     * "Keep it": no guard destroys this instance for {@code extra} from now (stored in the book, so every process
     * on this machine honours it). Once it ends, a guard whose limit still holds warns again and then acts.
     * Returns false when the instance has no guard (a watchdog on the instance cannot be held back from here).
     */
    public boolean keep(long instanceId, Duration extra) {
        requirePositive(extra);
        Instant now = clock.instant();
        // Stores keep milliseconds; truncate here so that what is reported equals what is stored.
        Instant until = now.plus(extra).truncatedTo(ChronoUnit.MILLIS);
        if (!book.keep(instanceId, until)) {
            return false;
        }
        audit.record(new AuditEvent(
                now,
                "guard-keep",
                "guard:keep",
                AuditEvent.Phase.OUTCOME,
                List.of(instanceId),
                "kept by the user for " + HumanDuration.format(extra) + ", until " + until));
        return true;
    }

    /** "Keep it" for the account guards: no destroy-on-breach for {@code extra} from now (alerts still come). */
    public void keepAccount(Duration extra) {
        requirePositive(extra);
        Instant now = clock.instant();
        Instant until = now.plus(extra).truncatedTo(ChronoUnit.MILLIS);
        book.keepAccount(until);
        audit.record(new AuditEvent(
                now,
                "guard-keep",
                "guard:keep",
                AuditEvent.Phase.OUTCOME,
                List.of(),
                "account guards kept by the user for " + HumanDuration.format(extra) + ", until " + until));
    }

    private static void requirePositive(Duration extra) {
        if (extra == null || extra.isNegative() || extra.isZero()) {
            throw new IllegalArgumentException("Keep it needs a positive time, not " + HumanDuration.format(extra));
        }
    }

    // ---- what protects an instance ----------------------------------------------------------------------------

    /**
     * Why {@code guard} would destroy {@code instance} as soon as it is saved (its lifetime is already over, it bills
     * above the cap), or empty: the window asks before saving such a guard.
     */
    public Optional<String> wouldActNow(Instance instance, InstanceGuard guard) {
        Instant now = clock.instant();
        List<Candidate> candidates;
        synchronized (state) {
            candidates = candidates(instance, guard, now);
        }
        return candidates.stream()
                .filter(c -> c.due() != null && !now.isBefore(c.due()))
                .map(Candidate::why)
                .findFirst();
    }

    /**
     * Why saving {@code account} would destroy every live instance of {@code snapshot} at once (a cap or the floor is
     * already crossed, destroy-on-breach is on and no "Keep it" runs), or empty: the window asks before saving it.
     */
    public Optional<String> wouldActNow(AccountGuard account, FleetSnapshot snapshot) {
        Instant now = clock.instant();
        if (!account.destroyOnBreach()
                || snapshot == null
                || snapshot.live().isEmpty()
                || book.accountKeptUntil().filter(k -> k.isAfter(now)).isPresent()) {
            return Optional.empty();
        }
        return accountChecks(account, snapshot, now).stream()
                .filter(AccountCheck::breached)
                .map(AccountCheck::why)
                .findFirst();
    }

    /** What protects this instance and when it would act, for the window's column and {@code guard list}. */
    public Protection protection(Instance instance) {
        Instant now = clock.instant();
        InstanceGuard guard = book.instanceGuard(instance.id()).orElse(null);
        Instant kept = book.keptUntil(instance.id()).filter(k -> k.isAfter(now)).orElse(null);
        List<Protection.Planned> planned = new ArrayList<>();
        if (guard != null) {
            List<Candidate> candidates;
            synchronized (state) {
                candidates = candidates(instance, guard, now);
            }
            for (Candidate c : candidates) {
                planned.add(new Protection.Planned(
                        c.rule(), c.description(), c.due() == null ? null : later(c.due(), kept)));
            }
        }
        Duration watchdog = OnstartWatchdog.ttlOf(instance).orElse(null);
        Instant about = watchdog == null || instance.started() == null
                ? null
                : instance.started().plus(watchdog);
        return new Protection(
                instance.id(), planned, kept, watchdog, about, watchdog != null && OnstartWatchdog.isArmed(instance));
    }

    /** {@link #protection} for every live instance of the snapshot, in its order. */
    public Map<Long, Protection> protections(FleetSnapshot snapshot) {
        Map<Long, Protection> result = new LinkedHashMap<>();
        snapshot.live().forEach(i -> result.put(i.id(), protection(i)));
        return result;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
