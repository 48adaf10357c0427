package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.InstanceCharges;
import io.imggenhub.vast.core.Reconciliation;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code history --charges} prints a {@link Reconciliation}: a table per period, or its JSON shape. */
final class ChargesReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ChargesReport() {}

    static void print(Reconciliation r, ZoneId zone, PrintWriter out) {
        out.println("Charges " + r.period().label() + " ("
                + WHEN.format(r.from().atZone(zone)) + " to "
                + WHEN.format(r.to().atZone(zone)) + "): billed by Vast " + Format.usd(r.billedUsd())
                + ", estimated " + Format.usd(r.estimatedUsd()) + ", difference " + signed(r.differenceUsd())
                + (r.billedUntil() == null
                        ? "; Vast has billed nothing in this range yet"
                        : "; billed up to " + WHEN.format(r.billedUntil().atZone(zone))));
        if (r.instances().isEmpty()) {
            out.println("No instance was billed or estimated in this range.");
            return;
        }
        TextTable t = new TextTable(
                        "Instance",
                        "GPU",
                        "Label",
                        "GPU $",
                        "Disk $",
                        "Bandwidth $",
                        "Billed",
                        "Estimated",
                        "Difference",
                        "State")
                .alignRight(3, 4, 5, 6, 7, 8);
        for (InstanceCharges i : r.instances()) {
            t.add(
                    String.valueOf(i.instanceId()),
                    Format.orDash(i.gpu()),
                    Format.orDash(i.label()),
                    Format.usd(i.gpuUsd()),
                    Format.usd(i.diskUsd()),
                    Format.usd(i.bandwidthUsd()),
                    Format.usd(i.billedUsd()),
                    Format.usd(i.estimatedUsd()),
                    signed(i.differenceUsd()),
                    i.destroyed() ? "destroyed" : "listed");
        }
        t.print(out);
    }

    /** {@code +$1.20} or {@code -$0.05}: a difference reads with its sign. */
    static String signed(double usd) {
        return io.imggenhub.vast.core.Formats.signedMoney(usd);
    }

    static Map<String, Object> json(Reconciliation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", r.period().name().toLowerCase(Locale.ROOT));
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("billed", r.billedUsd());
        m.put("estimated", r.estimatedUsd());
        m.put("difference", r.differenceUsd());
        m.put("billed_until", r.billedUntil() == null ? null : r.billedUntil().toString());
        m.put(
                "instances",
                r.instances().stream().map(ChargesReport::instanceJson).toList());
        return m;
    }

    private static Map<String, Object> instanceJson(InstanceCharges i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", i.instanceId());
        m.put("gpu", i.gpu());
        m.put("label", i.label());
        m.put("gpu_charges", i.gpuUsd());
        m.put("disk_charges", i.diskUsd());
        m.put("bandwidth_charges", i.bandwidthUsd());
        m.put("other_charges", i.otherUsd());
        m.put("billed", i.billedUsd());
        m.put("estimated", i.estimatedUsd());
        m.put("difference", i.differenceUsd());
        m.put("destroyed", i.destroyed());
        return m;
    }

    static Map<String, Object> json(List<Reconciliation> periods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("periods", periods.stream().map(ChargesReport::json).toList());
        return m;
    }
}
