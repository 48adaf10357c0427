package io.imggenhub.vast.core;

import java.time.Instant;
import java.util.List;

/**
 * Vast's charges beside our estimate for one period. {@code billedUsd} is every charge in the range, instances and
 * anything else (volumes), so it is what the credit fell by; {@code billedUntil} is the end of the newest charge
 * (null when Vast billed nothing in the range).
 */
public record Reconciliation(
        ChargePeriod period,
        Instant from,
        Instant to,
        List<InstanceCharges> instances,
        double billedUsd,
        double estimatedUsd,
        Instant billedUntil) {

    public Reconciliation {
        instances = List.copyOf(instances);
    }

    public double differenceUsd() {
        return billedUsd - estimatedUsd;
    }

    public long destroyedCount() {
        return instances.stream().filter(InstanceCharges::destroyed).count();
    }
}
