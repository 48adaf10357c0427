package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.AlertThresholds;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.SpendWatch;
import io.imggenhub.vast.core.VastServices;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(
        name = "account",
        mixinStandardHelpOptions = true,
        description = "Credit (and balance), what the running instances burn per hour, and how long the credit lasts at"
                + " that rate. Credit at or below zero is shown as used up.")
final class AccountCommand extends VastCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    @Override
    protected int execute() {
        VastServices services = connect(true);
        FleetSnapshot snapshot = services.repository().refresh();
        Optional<Duration> runway = snapshot.runway();
        // Used up is now, not a moment in the past that the runway arithmetic would produce.
        Optional<Instant> zeroAt = snapshot.creditUsedUp() ? Optional.empty() : snapshot.creditZeroAt();
        Double balance = snapshot.account() == null ? null : snapshot.account().balance();
        int live = snapshot.live().size();
        // The window's alert rules with their default limits, applied to this one look at the account.
        SpendWatch watch = new SpendWatch(AlertThresholds.DEFAULT, ctx().clock(), ctx().zone());
        watch.onSnapshot(snapshot);
        List<Alert> alerts = watch.active();
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("credit", snapshot.credit());
            m.put("credit_used_up", snapshot.creditUsedUp());
            m.put("balance", balance);
            m.put("burn_per_hour", snapshot.burnPerHour());
            m.put("burn_per_day", snapshot.burnPerDay());
            m.put("runway_hours", runway.map(d -> d.toSeconds() / 3600.0).orElse(null));
            m.put("credit_zero_at", zeroAt.map(Instant::toString).orElse(null));
            m.put("instances_billing", snapshot.billingCount());
            m.put("instances", live);
            m.put("fetched_at", snapshot.fetchedAt().toString());
            m.put(
                    "alerts",
                    alerts.stream()
                            .map(a -> {
                                Map<String, Object> alert = new LinkedHashMap<>();
                                alert.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
                                alert.put("title", a.title());
                                alert.put("message", a.message());
                                return alert;
                            })
                            .toList());
            printJson(m);
            return ExitCodes.OK;
        }
        TextTable t = new TextTable("", "");
        t.add(
                "Credit:",
                Format.usd(snapshot.credit())
                        + (snapshot.creditUsedUp()
                                ? " (used up: Vast refuses to rent; renting runs the emergency cleanup)"
                                : ""));
        if (balance != null && Math.abs(balance) >= 0.005) {
            // Vast reports 0 while credit is positive; a deficit of a cent or more shows here too.
            t.add("Balance:", Format.usd(balance) + (balance < 0 ? " (overdrawn)" : ""));
        }
        t.add("Burn:", Format.rate(snapshot.burnPerHour()) + "/hr (" + Format.usd(snapshot.burnPerDay()) + "/day)");
        if (runway.isEmpty()) {
            t.add("Runway:", "unlimited (nothing is billing)");
        } else if (snapshot.credit() <= 0) {
            t.add("Runway:", "none: the credit is used up while instances still bill");
        } else {
            t.add(
                    "Runway:",
                    Format.hours(runway.get()) + " (credit reaches $0 around "
                            + WHEN.format(zeroAt.get().atZone(ctx().zone())) + ")");
        }
        t.add("Instances billing:", snapshot.billingCount() + " of " + live);
        t.printWithoutHeader(out());
        for (Alert a : alerts) {
            out().println(TerminalText.safe("[ALERT] " + a.title() + ": " + a.message()));
        }
        return ExitCodes.OK;
    }
}
