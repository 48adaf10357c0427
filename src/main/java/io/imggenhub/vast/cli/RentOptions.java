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

    @Option(names = "--min-runway", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            defaultValue = "2h", description = "Refuse to rent (exit 2) when the credit would last less than this at"
            + " the current burn plus this offer (default: ${DEFAULT-VALUE}).")
    java.time.Duration minRunway;

    @Option(names = "--force", description = "Rent even when the credit would last less than --min-runway.")
    boolean force;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Guard the new instance: destroy it once it has existed this long (acts while the window"
                    + " or 'watch' runs; add --watchdog to have the instance destroy itself).")
    java.time.Duration ttl;

    @Option(names = "--watchdog", description = "With --ttl: also put a watchdog in the instance's onstart that"
            + " destroys it after the TTL even when this machine is off.")
    boolean watchdog;

    RentRequest request() {
        return RentRequest.of(image, diskGb, label);
    }
}
