package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.ChargePeriod;
import io.imggenhub.vast.core.ChargeReconciler;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.Reconciliation;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.store.SpendHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "What this machine did to the account: every destroy, destroy-all, rent, emergency cleanup and"
                    + " guard action, with its reason, when the intent was written and its outcome. An intent without an"
                    + " outcome (the process died before the answer) is shown as UNCONFIRMED: check 'instances'.",
            "With --spend: the estimated spend per instance and the burn/credit points recorded by the window"
                    + " and 'watch'. Reads only the local data file; sends nothing.",
            "With --charges: what Vast actually billed per instance (GPU, disk, bandwidth) beside that estimate,"
                    + " for the last 24 h, 7 d and this month (or --since/--days), with the account total;"
                    + " destroyed instances stay listed. Reads Vast's charges (needs the API key)."
        })
final class HistoryCommand extends VastCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int IDS_SHOWN = 6;

    static final class Period {
        @Option(
                names = "--since",
                paramLabel = "DURATION",
                converter = Converters.PositiveDuration.class,
                description = "How far back to look, e.g. 2h, 90m, 3d (default: 7d).")
        Duration since;

        @Option(
                names = "--days",
                paramLabel = "N",
                converter = Converters.PositiveCount.class,
                description = "How many days back to look.")
        Integer days;

        Duration duration() {
            return since != null ? since : Duration.ofDays(days);
        }
    }

    @ArgGroup(exclusive = true)
    Period period;

    @Option(
            names = "--limit",
            paramLabel = "N",
            converter = Converters.PositiveCount.class,
            defaultValue = "200",
            description = "Show at most the N most recent events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--spend", description = "Show the estimated spend and the recorded burn/credit instead.")
    boolean spend;

    @Option(names = "--charges", description = "Show what Vast billed per instance beside the estimate.")
    boolean charges;

    @Override
    protected int execute() {
        if (charges && spend) {
            throw CliException.usage("invalid_option", "--charges and --spend are two reports; choose one.");
        }
        if (charges) {
            return charges();
        }
        LocalData data = requireData();
        Instant now = ctx().clock().instant();
        Instant from = now.minus(period == null ? Duration.ofDays(7) : period.duration());
        return spend ? spend(data, from, now) : audit(data, from);
    }

    private int charges() {
        VastServices services = connect(true);
        LocalData data = data();
        FleetSnapshot snapshot = services.repository().refresh();
        Set<Long> listed =
                snapshot.live().stream().map(io.imggenhub.vast.api.Instance::id).collect(Collectors.toSet());
        ChargeReconciler reconciler =
                new ChargeReconciler(services.client()::charges, data.history(), ctx().clock(), ctx().zone(), MAX_GAP);
        List<Reconciliation> periods = new ArrayList<>();
        if (period != null) {
            Instant now = ctx().clock().instant();
            periods.add(reconciler.reconcile(ChargePeriod.CHOSEN, now.minus(period.duration()), now, listed));
        } else {
            for (ChargePeriod p : ChargePeriod.STANDARD) {
                periods.add(reconciler.reconcile(p, listed));
            }
        }
        if (json()) {
            printJson(ChargesReport.json(periods));
            return ExitCodes.OK;
        }
        for (int i = 0; i < periods.size(); i++) {
            if (i > 0) {
                out().println();
            }
            ChargesReport.print(periods.get(i), ctx().zone(), out());
        }
        return ExitCodes.OK;
    }

    private int audit(LocalData data, Instant from) {
        AuditTrail trail = AuditTrail.of(data.audit().since(from, Integer.MAX_VALUE));
        List<AuditTrail.Entry> all = trail.entries();
        List<AuditTrail.Entry> shown = all.subList(Math.max(0, all.size() - limit), all.size());
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", data.file().toString());
            m.put("from", from.toString());
            m.put("events", shown.stream().map(HistoryCommand::eventJson).toList());
            m.put("unconfirmed_instance_ids", List.copyOf(trail.unconfirmedDestroyRequests()));
            printJson(m);
        } else if (shown.isEmpty()) {
            out().println("Nothing recorded since " + WHEN.format(from.atZone(ctx().zone())) + " in " + data.file());
        } else {
            TextTable t = new TextTable("Time", "Action", "Reason", "Phase", "Instances", "Detail");
            for (AuditTrail.Entry e : shown) {
                AuditEvent a = e.event();
                t.add(
                        WHEN.format(a.at().atZone(ctx().zone())),
                        a.action(),
                        a.reason(),
                        e.unconfirmed() ? "UNCONFIRMED" : a.phase().name(),
                        ids(a.instanceIds()),
                        Format.orDash(a.detail()));
            }
            t.print(out());
            if (shown.size() < all.size()) {
                out().println("(" + io.imggenhub.vast.core.Formats.count(all.size() - shown.size(), "older event")
                        + " not shown; raise --limit)");
            }
        }
        if (!trail.unconfirmedDestroyRequests().isEmpty()) {
            err().println("[WARN] "
                    + io.imggenhub.vast.core.Formats.count(
                            trail.unconfirmedDestroyRequests().size(), "destroy request")
                    + (trail.unconfirmedDestroyRequests().size() == 1 ? " was sent" : " were sent")
                    + " but never confirmed: "
                    + trail.unconfirmedDestroyRequests().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ". 'instances' shows whether they still bill.");
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> eventJson(AuditTrail.Entry e) {
        AuditEvent a = e.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", a.at().toString());
        m.put("action", a.action());
        m.put("reason", a.reason());
        m.put("phase", a.phase().name());
        m.put("instance_ids", a.instanceIds());
        m.put("detail", a.detail());
        m.put("unconfirmed", e.unconfirmed());
        return m;
    }

    private static String ids(List<Long> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        String head = ids.stream().limit(IDS_SHOWN).map(String::valueOf).collect(Collectors.joining(","));
        return ids.size() > IDS_SHOWN ? head + " (+" + (ids.size() - IDS_SHOWN) + ")" : head;
    }

    /** Each poll's rate held until the next, never longer than this: hours nobody watched are not invented. */
    static final Duration MAX_GAP = Duration.ofMinutes(90);

    private int spend(LocalData data, Instant from, Instant now) {
        SpendHistory history = data.history();
        double total = history.spendBetween(from, now, MAX_GAP);
        List<SpendHistory.InstanceSpend> perInstance =
                new ArrayList<>(history.spendPerInstance(from, now, MAX_GAP).values());
        perInstance.sort(
                Comparator.comparingDouble(SpendHistory.InstanceSpend::usd).reversed());
        List<SpendHistory.Point> points = history.points(from, now);
        List<SpendHistory.Point> recent = points.subList(Math.max(0, points.size() - limit), points.size());
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from.toString());
            m.put("to", now.toString());
            m.put("estimated_spend", total);
            m.put(
                    "instances",
                    perInstance.stream()
                            .map(s -> {
                                Map<String, Object> i = new LinkedHashMap<>();
                                i.put("instance_id", s.instanceId());
                                i.put("gpu", s.gpu());
                                i.put("label", s.label());
                                i.put("estimated_spend", s.usd());
                                return i;
                            })
                            .toList());
            m.put(
                    "points",
                    recent.stream()
                            .map(p -> {
                                Map<String, Object> i = new LinkedHashMap<>();
                                i.put("at", p.at().toString());
                                i.put("credit", p.credit());
                                i.put("burn_per_hour", p.burnPerHour());
                                i.put("instances", p.instanceCount());
                                return i;
                            })
                            .toList());
            printJson(m);
            return ExitCodes.OK;
        }
        if (points.isEmpty()) {
            out().println("No spend recorded since " + WHEN.format(from.atZone(ctx().zone()))
                    + ". The window and 'watch' record every poll.");
            return ExitCodes.OK;
        }
        out().println("Estimated spend since " + WHEN.format(from.atZone(ctx().zone())) + ": " + Format.usd(total)
                + " (from " + io.imggenhub.vast.core.Formats.count(points.size(), "recorded poll") + ")");
        if (!perInstance.isEmpty()) {
            out().println();
            TextTable t = new TextTable("Instance", "GPU", "Label", "Spend").alignRight(3);
            perInstance.forEach(s -> t.add(
                    String.valueOf(s.instanceId()),
                    Format.orDash(s.gpu()),
                    Format.orDash(s.label()),
                    Format.usd(s.usd())));
            t.print(out());
        }
        out().println();
        TextTable t = new TextTable("Time", "Credit", "Burn", "Instances").alignRight(1, 2, 3);
        recent.forEach(p -> t.add(
                WHEN.format(p.at().atZone(ctx().zone())),
                p.credit() == null ? "-" : Format.usd(p.credit()),
                Format.rate(p.burnPerHour()) + "/hr",
                String.valueOf(p.instanceCount())));
        t.print(out());
        return ExitCodes.OK;
    }
}
