package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.GuardEngine;
import io.imggenhub.vast.core.guard.GuardRule;
import io.imggenhub.vast.core.guard.IdleRule;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.core.guard.Protection;
import io.imggenhub.vast.store.GuardStore;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "guard",
        mixinStandardHelpOptions = true,
        description = {
            "Guards that destroy an instance when it lives too long, idles or costs too much, and"
                    + " account caps. Kept in the local data file per server, shared with the window and 'watch';"
                    + " they act only while the window or 'watch' runs (see 'guard list')."
        },
        subcommands = {
            GuardCommand.Set.class,
            GuardCommand.Clear.class,
            GuardCommand.Account.class,
            GuardCommand.ListGuards.class,
            GuardCommand.Keep.class
        })
final class GuardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing guard command: set, clear, account, list or keep");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Guard one instance. Rules given here replace the same rules of its guard; others stay.")
    static final class Set extends VastCommand {
        @Option(
                names = "--instance-id",
                required = true,
                paramLabel = "ID",
                converter = Converters.PositiveId.class,
                description = "The instance to guard (see 'instances').")
        long instanceId;

        @Option(
                names = "--ttl",
                paramLabel = "DURATION",
                converter = Converters.PositiveDuration.class,
                description = "Destroy it once it has existed this long, e.g. 2h, 90m, 1h30m.")
        Duration ttl;

        @Option(
                names = "--idle-below",
                paramLabel = "PCT",
                converter = Converters.IdlePercent.class,
                description = "Destroy it once its GPU stays below PCT% for --idle-for.")
        Double idleBelow;

        @Option(
                names = "--idle-for",
                paramLabel = "DURATION",
                converter = Converters.PositiveDuration.class,
                description = "How long the GPU must stay below --idle-below, e.g. 30m.")
        Duration idleFor;

        @Option(
                names = "--max-hourly",
                paramLabel = "USD",
                converter = Converters.PositiveUsd.class,
                description = "Destroy it as soon as it bills more than USD per hour.")
        Double maxHourly;

        @Override
        protected int execute() {
            if ((idleBelow == null) != (idleFor == null)) {
                throw CliException.usage(
                        "invalid_guard",
                        "--idle-below and --idle-for go together: e.g." + " --idle-below 5 --idle-for 30m");
            }
            if (ttl == null && idleBelow == null && maxHourly == null) {
                throw CliException.usage(
                        "invalid_guard",
                        "Give at least one rule: --ttl, --idle-below with" + " --idle-for, or --max-hourly");
            }
            requireData();
            VastServices services = connect(true);
            Instance instance = services.client()
                    .getInstance(instanceId)
                    .filter(i -> !i.isGone())
                    .orElseThrow(() -> new CliException(
                            ExitCodes.FAILED,
                            "not_found",
                            "instance " + instanceId + " is not on this account; 'instances' lists what is"));
            GuardStore store = data().guards(server());
            InstanceGuard guard = store.instanceGuard(instanceId).orElse(null);
            try {
                if (guard == null) {
                    guard = new InstanceGuard(
                            instanceId, ttl, idleBelow == null ? null : new IdleRule(idleBelow, idleFor), maxHourly);
                } else {
                    if (ttl != null) {
                        guard = guard.withMaxLifetime(ttl);
                    }
                    if (idleBelow != null) {
                        guard = guard.withIdle(new IdleRule(idleBelow, idleFor));
                    }
                    if (maxHourly != null) {
                        guard = guard.withMaxHourly(maxHourly);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw CliException.usage("invalid_guard", e.getMessage());
            }
            store.setInstanceGuard(guard, ctx().clock().instant());
            GuardEngine engine = GuardEngine.forServices(services, store, data().history(), ctx().zone());
            Protection p = engine.protection(instance);
            if (json()) {
                printJson(protectionJson(instance, p, ctx()));
            } else {
                out().println("Guarded instance " + instanceId + ": " + guard.describe());
                p.nextActionAt().ifPresent(at -> out().println("Next action: " + WHEN.format(at.atZone(ctx().zone()))
                        + (at.isAfter(ctx().clock().instant())
                                ? ""
                                : " (due now: the next poll of the window or 'watch' destroys it)")));
                warnLocalOnly(this);
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description = "Remove an instance's guard, or one rule of it.")
    static final class Clear extends VastCommand {
        @Option(
                names = "--instance-id",
                required = true,
                paramLabel = "ID",
                converter = Converters.PositiveId.class,
                description = "The guarded instance.")
        long instanceId;

        @Option(
                names = "--rule",
                paramLabel = "RULE",
                converter = RuleConverter.class,
                description = "Only this rule: ttl, idle or max-hourly (default: the whole guard).")
        GuardRule rule;

        @Override
        protected int execute() {
            GuardStore store = requireData().guards(server());
            Optional<InstanceGuard> guard = store.instanceGuard(instanceId);
            if (guard.isEmpty()) {
                throw new CliException(ExitCodes.FAILED, "no_guard", "instance " + instanceId + " has no guard");
            }
            Optional<InstanceGuard> left =
                    rule == null ? Optional.empty() : guard.get().without(rule);
            if (left.isPresent()) {
                store.setInstanceGuard(left.get(), ctx().clock().instant());
                out().println("Instance " + instanceId + " keeps: " + left.get().describe());
            } else {
                store.removeInstanceGuard(instanceId);
                out().println("Instance " + instanceId + " is no longer guarded.");
            }
            return ExitCodes.OK;
        }
    }

    static final class RuleConverter implements CommandLine.ITypeConverter<GuardRule> {
        @Override
        public GuardRule convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "ttl" -> GuardRule.TTL;
                case "idle" -> GuardRule.IDLE;
                case "max-hourly" -> GuardRule.MAX_HOURLY;
                default ->
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not a rule: ttl, idle or max-hourly");
            };
        }
    }

    @Command(
            name = "account",
            mixinStandardHelpOptions = true,
            description = {
                "Account guards: alert (and with --destroy-on-breach destroy every instance) when today's"
                        + " or this month's estimated spend reaches a cap, or the credit falls to a floor. Without"
                        + " options it shows them. Spend is estimated from the polls the window and 'watch' record."
            })
    static final class Account extends VastCommand {
        @Option(
                names = "--daily-cap",
                paramLabel = "USD",
                converter = Converters.PositiveUsd.class,
                description = "Estimated spend per calendar day (local time).")
        Double dailyCap;

        @Option(
                names = "--monthly-cap",
                paramLabel = "USD",
                converter = Converters.PositiveUsd.class,
                description = "Estimated spend per calendar month.")
        Double monthlyCap;

        @Option(
                names = "--credit-floor",
                paramLabel = "USD",
                converter = Converters.NonNegative.class,
                description = "Breach when the credit is at or below USD.")
        Double creditFloor;

        @Option(
                names = "--destroy-on-breach",
                arity = "0..1",
                paramLabel = "true|false",
                description = "Destroy every instance on a breach (off by default: alerts only).")
        Boolean destroyOnBreach;

        @Option(names = "--clear", description = "Remove every account guard.")
        boolean clear;

        @Override
        protected int execute() {
            GuardStore store = requireData().guards(server());
            AccountGuard guard = clear ? AccountGuard.NONE : store.accountGuard();
            boolean change = clear;
            if (dailyCap != null) {
                guard = guard.withDailyCap(dailyCap);
                change = true;
            }
            if (monthlyCap != null) {
                guard = guard.withMonthlyCap(monthlyCap);
                change = true;
            }
            if (creditFloor != null) {
                guard = guard.withCreditFloor(creditFloor);
                change = true;
            }
            if (destroyOnBreach != null) {
                guard = guard.withDestroyOnBreach(destroyOnBreach);
                change = true;
            }
            if (change) {
                store.setAccountGuard(guard);
            }
            if (json()) {
                printJson(accountJson(guard));
            } else {
                out().println("Account guards: " + guard.describe());
                if (change && !guard.isEmpty()) {
                    warnLocalOnly(this);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every live instance with what protects it and when that would act, and the account guards.")
    static final class ListGuards extends VastCommand {
        @Override
        protected int execute() {
            VastServices services = connect(true);
            FleetSnapshot snapshot = services.repository().refresh();
            GuardStore store = data().guards(server());
            GuardEngine engine = GuardEngine.forServices(services, store, data().history(), ctx().zone());
            Map<Long, Protection> protections = engine.protections(snapshot);
            java.util.Set<Long> live = protections.keySet();
            List<Long> unlisted = store.instanceGuards().stream()
                    .map(InstanceGuard::instanceId)
                    .filter(id -> !live.contains(id))
                    .toList();
            if (json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(
                        "instances",
                        snapshot.live().stream()
                                .map(i -> protectionJson(i, protections.get(i.id()), ctx()))
                                .toList());
                m.put("guards_of_unlisted_instances", unlisted);
                m.put("account", accountJson(store.accountGuard()));
                printJson(m);
                return ExitCodes.OK;
            }
            if (snapshot.live().isEmpty()) {
                out().println("No active instances.");
            } else {
                TextTable t = new TextTable("Instance ID", "GPU", "$/hr", "Protection", "Next action", "Guards");
                t.alignRight(2);
                for (Instance i : snapshot.live()) {
                    Protection p = protections.get(i.id());
                    t.add(
                            String.valueOf(i.id()),
                            i.gpuDisplayName(),
                            Format.rate(i.billedRate()),
                            coverage(p),
                            p.nextActionAt()
                                    .map(at -> WHEN.format(at.atZone(ctx().zone())))
                                    .orElse("-"),
                            p.summary(ctx().zone()));
                }
                t.print(out());
            }
            if (!unlisted.isEmpty()) {
                out().println("Guards kept for instances not listed now: " + unlisted);
            }
            out().println("Account guards: " + store.accountGuard().describe());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "keep",
            mixinStandardHelpOptions = true,
            description = "\"Keep it\": hold back every guard action on an instance (or with --account the"
                    + " destroy-on-breach) for a while. The window and 'watch' on this machine honour it.")
    static final class Keep extends VastCommand {
        @Option(
                names = "--instance-id",
                paramLabel = "ID",
                converter = Converters.PositiveId.class,
                description = "The guarded instance to keep.")
        Long instanceId;

        @Option(names = "--account", description = "Hold back the account guards' destroy-on-breach instead.")
        boolean account;

        @Option(
                names = "--for",
                required = true,
                paramLabel = "DURATION",
                converter = Converters.PositiveDuration.class,
                description = "How long, e.g. 30m, 2h.")
        Duration duration;

        @Override
        protected int execute() {
            if ((instanceId == null) == !account) {
                throw CliException.usage("invalid_keep", "Give either --instance-id ID or --account");
            }
            requireData();
            VastServices services = connect(false);
            GuardEngine engine =
                    GuardEngine.forServices(services, data().guards(server()), data().history(), ctx().zone());
            Instant until = ctx().clock().instant().plus(duration);
            if (account) {
                engine.keepAccount(duration);
                out().println("Account guards will not destroy anything until "
                        + WHEN.format(until.atZone(ctx().zone())) + ".");
            } else if (engine.keep(instanceId, duration)) {
                out().println("Kept instance " + instanceId + ": no guard destroys it until "
                        + WHEN.format(until.atZone(ctx().zone())) + ".");
            } else {
                throw new CliException(
                        ExitCodes.FAILED,
                        "no_guard",
                        "instance " + instanceId + " has no guard to hold back ('guard list' shows what is guarded)");
            }
            return ExitCodes.OK;
        }
    }

    private static void warnLocalOnly(VastCommand command) {
        command.err()
                .println("[INFO] Guards act only while the window or 'imggenhub-vast watch' runs on this machine.");
    }

    private static String coverage(Protection p) {
        return switch (p.coverage()) {
            case NONE -> "none";
            case LOCAL_ONLY -> "local only";
            case WATCHDOG_ONLY -> p.watchdogWord();
            case LOCAL_AND_WATCHDOG -> "local + " + p.watchdogWord();
        };
    }

    static Map<String, Object> protectionJson(Instance i, Protection p, CliContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", i.id());
        m.put("gpu", i.gpuDisplayName());
        m.put("dph_total", i.billedRate());
        m.put("protection", p.coverage().name().toLowerCase(Locale.ROOT));
        m.put("next_action_at", p.nextActionAt().map(Instant::toString).orElse(null));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Protection.Planned r : p.rules()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", r.rule().reason().substring("guard:".length()));
            rule.put("description", r.description());
            rule.put("due_at", r.due().map(Instant::toString).orElse(null));
            rules.add(rule);
        }
        m.put("rules", rules);
        m.put("kept_until", p.keptUntil() == null ? null : p.keptUntil().toString());
        m.put(
                "watchdog_ttl_seconds",
                p.watchdogTtl() == null ? null : p.watchdogTtl().toSeconds());
        m.put("watchdog_armed", p.watchdogTtl() == null ? null : p.watchdogArmed());
        m.put("summary", p.summary(ctx.zone()));
        return m;
    }

    static Map<String, Object> accountJson(AccountGuard g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("daily_cap", g.dailyCap());
        m.put("monthly_cap", g.monthlyCap());
        m.put("credit_floor", g.creditFloor());
        m.put("destroy_on_breach", g.destroyOnBreach());
        m.put("description", g.describe());
        return m;
    }
}
