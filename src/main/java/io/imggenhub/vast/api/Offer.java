package io.imggenhub.vast.api;

/** One rentable machine from {@code POST /api/v0/bundles/}; {@code id} is the ask id to rent. GPU RAM is in MB. */
public record Offer(
        long id,
        Long machineId,
        String gpuName,
        Integer numGpus,
        Double gpuRam,
        Double gpuTotalRam,
        Double dphTotal,
        Double dphBase,
        Double minBid,
        Double reliability2,
        String geolocation,
        Boolean rentable,
        Boolean rented,
        String verification,
        Double storageCost,
        Double diskSpace,
        Double inetUpCost,
        Double inetDownCost,
        Double cudaMaxGood) {

    public double hourlyCost() {
        return dphTotal == null ? Double.MAX_VALUE : dphTotal;
    }

    public int gpuCount() {
        return numGpus == null || numGpus < 1 ? 1 : numGpus;
    }

    /** Total VRAM across all GPUs in GB (Vast reports MB). */
    public double totalVramGb() {
        if (gpuTotalRam != null && gpuTotalRam > 0) {
            return gpuTotalRam / 1024.0;
        }
        return gpuRam == null ? 0.0 : gpuRam * gpuCount() / 1024.0;
    }

    /** Reliability as a percentage (Vast reports 0-1). */
    public double reliabilityPercent() {
        return reliability2 == null ? 0.0 : reliability2 * 100.0;
    }

    public String gpuDisplayName() {
        String name = gpuName == null ? "Unknown GPU" : gpuName.strip();
        return gpuCount() > 1 ? gpuCount() + "x " + name : name;
    }
}
