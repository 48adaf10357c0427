package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.core.Deployer;
import io.imggenhub.vast.core.OfferFilter;
import io.imggenhub.vast.core.VastServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "auto",
        mixinStandardHelpOptions = true,
        description = {
            "Rent the cheapest offer that matches every filter, pass --prompt to it as env PROMPT,"
                    + " wait until it runs and print how to reach it.",
            "With --spot it rents interruptible at min_bid + --bid-margin (or --bid): when outbid, the instance is"
                    + " stopped and keeps paying for storage until destroyed.",
            "If Vast answers insufficient_credit, or the credit is at or below zero while instances bill, every"
                    + " instance is destroyed at once (exit 3), unless --no-emergency-cleanup."
        })
final class AutoCommand extends RentingCommand {
    @Mixin
    OfferFilterOptions filters;

    @Option(
            names = "--prompt",
            paramLabel = "TEXT",
            description = "Text passed to the instance as the environment variable PROMPT (at most 256 characters).")
    String prompt;

    @Option(
            names = "--bid-margin",
            paramLabel = "PCT",
            converter = Converters.Percent.class,
            defaultValue = "20",
            description = "With --spot and without --bid: bid this many percent above the"
                    + " offer's min_bid (default: ${DEFAULT-VALUE}); a bid of exactly min_bid is outbid at once.")
    double bidMarginPercent;

    @Override
    protected int execute() {
        checkRentOptions();
        if (prompt != null) {
            checkSendable(rentOptions.request().withEnvVar("PROMPT", prompt));
        }
        OfferFilter filter = filters.toFilter().withDisk(rentOptions.diskGb);
        VastServices services = connect(true);
        Offer offer = services.deployer(false).cheapest(filter);
        err().println("Cheapest match: offer " + offer.id() + ", " + TerminalText.safe(offer.gpuDisplayName()) + ", "
                + Format.number(offer.totalVramGb(), 0) + " GB, " + Format.rate(offer.hourlyCost()) + "/hr with "
                + Format.number(rentOptions.diskGb, 0) + " GB disk, "
                + Format.number(offer.reliabilityPercent(), 1) + "% reliable, "
                + TerminalText.safe(Format.orDash(offer.geolocation())));
        err().flush();
        RentRequest request = rentOptions.request();
        if (prompt != null) {
            request = request.withEnvVar("PROMPT", prompt);
        }
        if (filter.spot() && offer.minBid() != null) {
            // A bid of exactly min_bid is outbid at once: bid a margin above it, or what the user said.
            request = request.withBid(
                    rentOptions.bid != null ? rentOptions.bid : Deployer.bidAbove(offer.minBid(), bidMarginPercent));
        }
        return rentAndReport(services, offer.id(), offer, request);
    }
}
