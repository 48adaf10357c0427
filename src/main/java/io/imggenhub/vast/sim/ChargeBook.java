package io.imggenhub.vast.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the simulated account was billed, per instance and per kind (vast-api.md §3.8, §4.2): GPU time while active,
 * disk for every second the instance exists, bandwidth per GB moved. Kept for destroyed instances too, since
 * they cost money in the period they lived. Not thread-safe: {@link SimState} calls it under its lock.
 *
 * <p>Time-based charges are stored as runs of one rate, extended while the rate stays the same, so a range query
 * can clip them to any {@code [gte, lte]} exactly; one-off charges (bandwidth) are stored at their instant.
 */
final class ChargeBook {
    enum Kind {
        GPU("gpu"),
        DISK("disk"),
        BANDWIDTH_DOWN("bwd"),
        BANDWIDTH_UP("bwu");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    /** A stretch of time billed at one $/hr. */
    private static final class Run {
        final Kind kind;
        final Instant start;
        Instant end;
        final double perHour;

        Run(Kind kind, Instant start, Instant end, double perHour) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.perHour = perHour;
        }
    }

    /** Bytes moved at one instant, billed per GB. */
    private record Transfer(Kind kind, Instant at, double gb, double perGb) {}

    /** Everything billed to one instance. */
    private static final class Account {
        final long id;
        final String label;
        final Instant created;
        final List<Run> runs = new ArrayList<>();
        final Map<Kind, Run> open = new HashMap<>();
        final List<Transfer> transfers = new ArrayList<>();

        Account(long id, String label, Instant created) {
            this.id = id;
            this.label = label;
            this.created = created;
        }
    }

    /** One instance's billed amounts clipped to a range: what a {@code /charges/} result is made of. */
    record InstanceCharges(
            long instanceId,
            String label,
            Instant start,
            Instant end,
            List<Map<String, Object>> items,
            double amount) {}

    private final Map<Long, Account> accounts = new LinkedHashMap<>();

    /** Bills {@code perHour} to the instance from {@code from} to {@code to}; contiguous equal rates merge. */
    void bill(SimInstance instance, Kind kind, Instant from, Instant to, double perHour) {
        if (perHour <= 0 || !to.isAfter(from)) {
            return;
        }
        Account account = account(instance);
        Run last = account.open.get(kind);
        if (last != null && last.end.equals(from) && last.perHour == perHour) {
            last.end = to;
            return;
        }
        Run run = new Run(kind, from, to, perHour);
        account.runs.add(run);
        account.open.put(kind, run);
    }

    /** Bills a transfer of {@code gb} at {@code perGb}; returns the USD. */
    double transfer(SimInstance instance, Kind kind, Instant at, double gb, double perGb) {
        if (gb <= 0 || perGb <= 0) {
            return 0.0;
        }
        account(instance).transfers.add(new Transfer(kind, at, gb, perGb));
        return gb * perGb;
    }

    private Account account(SimInstance instance) {
        return accounts.computeIfAbsent(instance.id(), id -> new Account(id, instance.label(), instance.startDate()));
    }

    /** Every instance billed anything in {@code [from, to]}, each clipped to the range, by instance id. */
    List<InstanceCharges> between(Instant from, Instant to) {
        List<InstanceCharges> result = new ArrayList<>();
        for (Account account : accounts.values()) {
            InstanceCharges charges = clip(account, from, to);
            if (charges != null) {
                result.add(charges);
            }
        }
        return result;
    }

    /** Everything ever billed, unrounded: what the credit fell by. */
    double total() {
        double usd = 0;
        for (Account a : accounts.values()) {
            for (Run r : a.runs) {
                usd += r.perHour * hours(r.start, r.end);
            }
            for (Transfer t : a.transfers) {
                usd += t.gb() * t.perGb();
            }
        }
        return usd;
    }

    private static InstanceCharges clip(Account account, Instant from, Instant to) {
        // One item per kind and rate, as Vast's "96.000 hours at $0.389/hour" lines read.
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Instant first = null;
        Instant last = null;
        for (Run r : account.runs) {
            Instant a = r.start.isAfter(from) ? r.start : from;
            Instant b = r.end.isBefore(to) ? r.end : to;
            if (!b.isAfter(a)) {
                continue;
            }
            String key = r.kind.wire + "@" + r.perHour;
            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
            sum[0] += hours(a, b);
            sum[1] += r.perHour * hours(a, b);
            Map<String, Object> item = items.computeIfAbsent(key, k -> newItem(r.kind, r.perHour, "hour"));
            widen(item, a, b);
            first = first == null || a.isBefore(first) ? a : first;
            last = last == null || b.isAfter(last) ? b : last;
        }
        for (Transfer t : account.transfers) {
            if (t.at().isBefore(from) || t.at().isAfter(to)) {
                continue;
            }
            String key = t.kind().wire + "@" + t.perGb();
            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
            sum[0] += t.gb();
            sum[1] += t.gb() * t.perGb();
            widen(items.computeIfAbsent(key, k -> newItem(t.kind(), t.perGb(), "GB")), t.at(), t.at());
            first = first == null || t.at().isBefore(first) ? t.at() : first;
            last = last == null || t.at().isAfter(last) ? t.at() : last;
        }
        if (items.isEmpty()) {
            return null;
        }
        double amount = 0;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : items.entrySet()) {
            double[] sum = sums.get(e.getKey());
            Map<String, Object> item = e.getValue();
            String unit = (String) item.remove("unit");
            double rate = (double) item.get("rate");
            item.put("quantity", sum[0]);
            item.put(
                    "description",
                    String.format(
                            Locale.ROOT,
                            "%.3f %s at $%.3f/%s",
                            sum[0],
                            "hour".equals(unit) ? "hours" : "GB",
                            rate,
                            unit));
            item.put("amount", round3(sum[1]));
            amount += sum[1];
            out.add(item);
        }
        return new InstanceCharges(account.id, account.label, first, last, out, round3(amount));
    }

    private static Map<String, Object> newItem(Kind kind, double rate, String unit) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("start", null);
        item.put("end", null);
        item.put("type", kind.wire);
        item.put("description", null);
        item.put("rate", rate);
        item.put("unit", unit);
        return item;
    }

    private static void widen(Map<String, Object> item, Instant a, Instant b) {
        Long start = (Long) item.get("start");
        Long end = (Long) item.get("end");
        long sa = a.getEpochSecond();
        long sb = b.getEpochSecond();
        item.put("start", start == null ? sa : Math.min(start, sa));
        item.put("end", end == null ? sb : Math.max(end, sb));
    }

    static double round3(double usd) {
        return Math.round(usd * 1000.0) / 1000.0;
    }

    private static double hours(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 3.6e12;
    }
}
