package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Charge;
import io.imggenhub.vast.api.ChargeItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts what Vast billed ({@code /api/v0/charges/}, vast-api.md §3.8) beside what we estimated from polls, per
 * instance, for a period. Instances no longer listed stay in the result, marked destroyed. One charges query per
 * call (paged by the client); no JavaFX, so the window, the CLI and tests share it.
 */
public final class ChargeReconciler {
    private final ChargeSource charges;
    private final EstimateBook estimates;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration maxGap;

    public ChargeReconciler(ChargeSource charges, EstimateBook estimates, Clock clock, ZoneId zone, Duration maxGap) {
        this.charges = charges;
        this.estimates = estimates;
        this.clock = clock;
        this.zone = zone;
        this.maxGap = maxGap;
    }

    /** The period up to now; {@code listedIds} are the instances the account lists now (the rest are destroyed). */
    public Reconciliation reconcile(ChargePeriod period, Set<Long> listedIds) {
        Instant now = clock.instant();
        return reconcile(period, period.from(now, zone), now, listedIds);
    }

    public Reconciliation reconcile(ChargePeriod period, Instant from, Instant to, Set<Long> listedIds) {
        List<Charge> billed = charges.charges(from, to);
        Map<Long, EstimateBook.Estimate> estimated = estimates.estimatesPerInstance(from, to, maxGap);
        Map<Long, double[]> byInstance = new LinkedHashMap<>();
        double billedTotal = 0;
        Instant billedUntil = null;
        for (Charge c : billed) {
            billedTotal += c.usd();
            Instant end = c.endInstant();
            if (end != null && (billedUntil == null || end.isAfter(billedUntil))) {
                billedUntil = end;
            }
            Long id = c.instanceId();
            if (id == null) {
                continue;
            }
            double[] sums = byInstance.computeIfAbsent(id, k -> new double[4]);
            double gpu = c.usd(ChargeItem.Kind.GPU);
            double disk = c.usd(ChargeItem.Kind.DISK);
            double bandwidth = c.usd(ChargeItem.Kind.BANDWIDTH);
            sums[0] += gpu;
            sums[1] += disk;
            sums[2] += bandwidth;
            // Whatever the items do not explain (other kinds, rounding of the result's amount) stays visible.
            sums[3] += c.usd() - gpu - disk - bandwidth;
        }
        Map<Long, String> labels = new LinkedHashMap<>();
        billed.forEach(c -> {
            if (c.instanceId() != null && c.label() != null) {
                labels.put(c.instanceId(), c.label());
            }
        });
        List<InstanceCharges> rows = new ArrayList<>();
        Set<Long> ids = new java.util.LinkedHashSet<>(byInstance.keySet());
        ids.addAll(estimated.keySet());
        for (long id : ids) {
            double[] sums = byInstance.getOrDefault(id, new double[4]);
            EstimateBook.Estimate e = estimated.get(id);
            String label = labels.getOrDefault(id, e == null ? null : e.label());
            rows.add(new InstanceCharges(
                    id,
                    e == null ? null : e.gpu(),
                    label,
                    sums[0],
                    sums[1],
                    sums[2],
                    Math.abs(sums[3]) < 0.005 ? 0.0 : sums[3],
                    e == null ? 0.0 : e.usd(),
                    listedIds != null && !listedIds.contains(id)));
        }
        rows.sort(Comparator.comparingDouble(InstanceCharges::billedUsd)
                .reversed()
                .thenComparingLong(InstanceCharges::instanceId));
        double estimatedTotal = estimated.values().stream()
                .mapToDouble(EstimateBook.Estimate::usd)
                .sum();
        return new Reconciliation(period, from, to, rows, billedTotal, estimatedTotal, billedUntil);
    }
}
