package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.RentRequest;
import picocli.CommandLine.Option;

/** What {@code reserve} and {@code auto} rent with, and how long they wait for it. */
public final class RentOptions {
    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = RentRequest.DEFAULT_IMAGE,
            description = "Docker image (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--disk-size", paramLabel = "GB", converter = Converters.Positive.class, defaultValue = "20",
            description = "Disk in GB (default: ${DEFAULT-VALUE}).")
    double diskGb;

    @Option(names = "--label", paramLabel = "TEXT",
            description = "Label for the instance (default: imggenhub-<unix time>); also how a lost answer is found.")
    String label;

    @Option(names = "--wait", paramLabel = "SECONDS", converter = Converters.Seconds.class, defaultValue = "300",
            description = "How long to wait for the instance to run and offer SSH (default: ${DEFAULT-VALUE}; 0: do not wait).")
    long waitSeconds;

    @Option(names = "--no-emergency-cleanup",
            description = "On insufficient credit, do NOT destroy every instance (the default destroys them all).")
    boolean noEmergencyCleanup;

    RentRequest request() {
        return RentRequest.of(image, diskGb, label);
    }
}
