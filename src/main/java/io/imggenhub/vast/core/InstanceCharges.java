package io.imggenhub.vast.core;

/**
 * One instance in a period: what Vast billed, split as it bills (GPU, disk, bandwidth; {@code otherUsd} for item
 * kinds it may add), what we estimated from polls, and whether the instance is gone (destroyed instances still
 * cost money in the period they lived).
 */
public record InstanceCharges(
        long instanceId,
        String gpu,
        String label,
        double gpuUsd,
        double diskUsd,
        double bandwidthUsd,
        double otherUsd,
        double estimatedUsd,
        boolean destroyed) {

    public double billedUsd() {
        return gpuUsd + diskUsd + bandwidthUsd + otherUsd;
    }

    /** Billed minus estimated: positive when Vast charged more than we thought. */
    public double differenceUsd() {
        return billedUsd() - estimatedUsd;
    }
}
