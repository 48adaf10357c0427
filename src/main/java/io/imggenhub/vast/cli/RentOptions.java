package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.RentRequest;
import picocli.CommandLine.Option;

/** What {@code reserve} and {@code auto} rent with, and how long they wait for it. */
public final class RentOptions {
    /** The default disk as picocli wants it: a constant string (see {@link RentRequest#DEFAULT_DISK_GB}). */
    static final String DEFAULT_DISK = "20";

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            defaultValue = RentRequest.DEFAULT_IMAGE,
            description = "Docker image (default: ${DEFAULT-VALUE}; at most 1024 characters).")
    String image;

    @Option(
            names = "--disk-size",
            paramLabel = "GB",
            converter = Converters.DiskGb.class,
            defaultValue = DEFAULT_DISK,
            description = "Disk in GB, 8 or more (default: ${DEFAULT-VALUE}). Its storage is part of the $/hr billed,"
                    + " and of every price shown and checked.")
    double diskGb;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            description = "Label for the instance, at most 256 characters (default: imggenhub-<unix time>-<random>,"
                    + " unique per rent); also how a lost answer is found.")
    String label;

    @Option(
            names = "--bid",
            paramLabel = "USD",
            converter = Converters.Bid.class,
            description = {
                "Rent as interruptible with this bid in $/hr for the machine, $0.001 to $128 (storage is"
                        + " billed on top). 'auto --spot' bids min_bid + --bid-margin unless this is given.",
                "Interruptible means: when someone bids more, the instance is stopped (outbid). A stopped instance"
                        + " keeps its disk and keeps paying for storage until it is destroyed."
            })
    Double bid;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            converter = Converters.Seconds.class,
            defaultValue = "300",
            description = "How long to wait for the instance to run and offer SSH, at most 86400 (default:"
                    + " ${DEFAULT-VALUE}; 0: do not wait).")
    long waitSeconds;

    @Option(
            names = "--no-emergency-cleanup",
            description = "On insufficient credit, do NOT destroy every instance (the default destroys them all).")
    boolean noEmergencyCleanup;

    @Option(
            names = "--min-runway",
            paramLabel = "DURATION",
            converter = Converters.PositiveDuration.class,
            defaultValue = "2h",
            description = "Refuse to rent (exit 2) when the credit would last less than this at"
                    + " the current burn plus the price this rental is billed (bid or on-demand, with the disk) (default:"
                    + " ${DEFAULT-VALUE}).")
    java.time.Duration minRunway;

    @Option(
            names = "--force",
            description = "Rent even when the credit would last less than --min-runway, or when"
                    + " the offer's price cannot be found to check it. Credit at or below zero is never overridden.")
    boolean force;

    @Option(
            names = "--ttl",
            paramLabel = "DURATION",
            converter = Converters.PositiveDuration.class,
            description = "Guard the new instance: destroy it once it has existed this long (acts while the window"
                    + " or 'watch' runs; add --watchdog to have the instance destroy itself).")
    java.time.Duration ttl;

    @Option(
            names = "--watchdog",
            description = "With --ttl: also put a watchdog in the instance's onstart that"
                    + " destroys it after the TTL even when this machine is off.")
    boolean watchdog;

    RentRequest request() {
        return RentRequest.of(image, diskGb, label).withBid(bid);
    }
}
