package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.OfferQuery;
import io.imggenhub.vast.api.RentRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a user wants to rent. Units are people's: VRAM in GB, reliability in percent, price in $/hr. The same
 * filter is sent to Vast as a query and applied again to the answer, so an offer that slips through a lenient
 * server is still never rented.
 *
 * @param gpuName          Vast's spelling ("RTX 4090", "Tesla P40"); underscores stand for spaces; null = any
 * @param minVramGb        total VRAM across the machine's GPUs
 * @param maxHourlyPrice   all-in $/hr
 * @param minReliability   percent, 0-100
 * @param numGpus          exact GPU count; null = any
 * @param spot             search interruptible (bid) offers instead of on-demand
 * @param limit            how many offers to show
 * @param diskGb           the disk that will be rented: priced into every offer ({@code allocated_storage})
 * @param includeUnverified also unverified hosts (Vast's CLI shows verified ones only by default)
 */
public record OfferFilter(
        String gpuName,
        Double minVramGb,
        Double maxHourlyPrice,
        Double minReliability,
        Integer numGpus,
        boolean spot,
        int limit,
        double diskGb,
        boolean includeUnverified) {

    public static final OfferFilter DEFAULT = new OfferFilter(null, null, null, null, null, false, 20);

    /** Verified hosts only, priced with the default disk. */
    public OfferFilter(
            String gpuName,
            Double minVramGb,
            Double maxHourlyPrice,
            Double minReliability,
            Integer numGpus,
            boolean spot,
            int limit) {
        this(
                gpuName,
                minVramGb,
                maxHourlyPrice,
                minReliability,
                numGpus,
                spot,
                limit,
                RentRequest.DEFAULT_DISK_GB,
                false);
    }

    public OfferFilter {
        if (!(diskGb > 0) || Double.isInfinite(diskGb)) {
            throw new IllegalArgumentException("the disk must be a positive number of GB, not " + diskGb);
        }
        gpuName = gpuName == null || gpuName.isBlank() ? null : gpuName.strip().replace('_', ' ');
        check(minVramGb, "minimum VRAM");
        check(maxHourlyPrice, "maximum hourly price");
        if (minReliability != null && (minReliability < 0 || minReliability > 100)) {
            throw new IllegalArgumentException(
                    "minimum reliability must be a percentage from 0 to 100, not " + minReliability);
        }
        if (numGpus != null && numGpus < 1) {
            throw new IllegalArgumentException("the GPU count must be at least 1, not " + numGpus);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, not " + limit);
        }
    }

    private static void check(Double value, String what) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException("the " + what + " must not be negative, not " + value);
        }
    }

    public OfferFilter withDisk(double gb) {
        return new OfferFilter(
                gpuName, minVramGb, maxHourlyPrice, minReliability, numGpus, spot, limit, gb, includeUnverified);
    }

    public OfferFilter withUnverified(boolean include) {
        return new OfferFilter(
                gpuName, minVramGb, maxHourlyPrice, minReliability, numGpus, spot, limit, diskGb, include);
    }

    /** The query for Vast: its CLI's default filters, ours, priced with the disk to rent, cheapest first. */
    public OfferQuery toQuery(int serverLimit) {
        OfferQuery q =
                OfferQuery.cliDefaults(includeUnverified).interruptible(spot).allocatedStorage(diskGb);
        if (gpuName != null) {
            q.eq("gpu_name", gpuName);
        }
        if (minVramGb != null) {
            // Vast's CLI multiplies GB by 1000 for its MB fields; a 24 GB card reports 24576.
            q.gte("gpu_total_ram", minVramGb * 1000);
        }
        if (maxHourlyPrice != null) {
            q.lte("dph_total", maxHourlyPrice);
        }
        if (minReliability != null) {
            q.gte("reliability2", minReliability / 100.0);
        }
        if (numGpus != null) {
            q.eq("num_gpus", numGpus);
        }
        return q.orderBy("dph_total", true).limit(serverLimit);
    }

    public boolean matches(Offer offer) {
        if (Boolean.FALSE.equals(offer.rentable()) || Boolean.TRUE.equals(offer.rented()) || offer.dphTotal() == null) {
            return false;
        }
        if (!includeUnverified && offer.verification() != null && !"verified".equals(offer.verification())) {
            return false;
        }
        if (gpuName != null
                && (offer.gpuName() == null
                        || !offer.gpuName()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals(gpuName.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (minVramGb != null && vramMb(offer) < minVramGb * 1000) {
            return false;
        }
        if (maxHourlyPrice != null && offer.hourlyCost() > maxHourlyPrice) {
            return false;
        }
        if (minReliability != null && offer.reliabilityPercent() < minReliability) {
            return false;
        }
        return numGpus == null || offer.gpuCount() == numGpus;
    }

    private static double vramMb(Offer offer) {
        if (offer.gpuTotalRam() != null) {
            return offer.gpuTotalRam();
        }
        return offer.gpuRam() == null ? 0 : offer.gpuRam() * offer.gpuCount();
    }

    /** The matching offers, cheapest first (ties: more reliable first), at most {@link #limit()}. */
    public List<Offer> apply(List<Offer> offers) {
        return offers.stream()
                .filter(this::matches)
                .sorted(Comparator.comparingDouble(Offer::hourlyCost)
                        .thenComparing(Comparator.comparingDouble(Offer::reliabilityPercent)
                                .reversed())
                        .thenComparingLong(Offer::id))
                .limit(limit)
                .toList();
    }
}
