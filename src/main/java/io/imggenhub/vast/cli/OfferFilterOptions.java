package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.core.OfferFilter;
import picocli.CommandLine.Option;

/** The offer filters that {@code offers} and {@code auto} share, in people's units. */
public final class OfferFilterOptions {
    @Option(
            names = "--gpu-name",
            paramLabel = "NAME",
            description = "GPU model as Vast spells it, e.g. \"RTX 4090\", \"Tesla P40\" (underscores for spaces).")
    String gpuName;

    @Option(
            names = "--min-vram",
            paramLabel = "GB",
            converter = Converters.NonNegative.class,
            description = "Minimum total GPU memory in GB.")
    Double minVramGb;

    @Option(
            names = "--max-hourly-price",
            paramLabel = "USD",
            converter = Converters.NonNegative.class,
            description = "Maximum all-in price in $/hr, storage for the disk included.")
    Double maxHourlyPrice;

    @Option(
            names = "--min-reliability",
            paramLabel = "PCT",
            converter = Converters.Percent.class,
            description = "Minimum host reliability in percent (0-100).")
    Double minReliability;

    @Option(
            names = "--num-gpus",
            paramLabel = "N",
            converter = Converters.PositiveCount.class,
            description = "Exact number of GPUs.")
    Integer numGpus;

    @Option(
            names = "--spot",
            negatable = true,
            description = "Interruptible (bid) offers instead of on-demand; --no-spot for on-demand (the default).")
    boolean spot;

    @Option(
            names = "--include-unverified",
            description = "Also offers from unverified hosts (Vast's CLI, and this one, show verified hosts only).")
    boolean includeUnverified;

    @Option(
            names = "--limit",
            paramLabel = "N",
            converter = Converters.PositiveCount.class,
            defaultValue = "20",
            description = "How many offers to show (default: ${DEFAULT-VALUE}).")
    int limit;

    OfferFilter toFilter() {
        return new OfferFilter(
                gpuName,
                minVramGb,
                maxHourlyPrice,
                minReliability,
                numGpus,
                spot,
                limit,
                RentRequest.DEFAULT_DISK_GB,
                includeUnverified);
    }
}
