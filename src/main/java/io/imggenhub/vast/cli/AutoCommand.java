package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.core.OfferFilter;
import io.imggenhub.vast.core.VastServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "auto", mixinStandardHelpOptions = true,
        description = {"Rent the cheapest offer that matches every filter, pass --prompt to it as env PROMPT,"
                + " wait until it runs and print how to reach it.",
                "If Vast answers insufficient_credit, every instance is destroyed at once (exit 3), unless"
                        + " --no-emergency-cleanup."})
final class AutoCommand extends RentingCommand {
    @Mixin
    OfferFilterOptions filters;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Text passed to the instance as env PROMPT.")
    String prompt;

    @Override
    protected int execute() {
        checkRentOptions();
        OfferFilter filter = filters.toFilter();
        VastServices services = connect(true);
        Offer offer = services.deployer(false).cheapest(filter);
        err().println("Cheapest match: offer " + offer.id() + ", " + TerminalText.safe(offer.gpuDisplayName()) + ", "
                + Format.number(offer.totalVramGb(), 0) + " GB, " + Format.rate(offer.hourlyCost()) + "/hr, "
                + Format.number(offer.reliabilityPercent(), 1) + "% reliable, " + TerminalText.safe(Format.orDash(offer.geolocation())));
        err().flush();
        RentRequest request = rentOptions.request();
        if (prompt != null) {
            request = request.withEnvVar("PROMPT", prompt);
        }
        if (filter.spot() && offer.minBid() != null) {
            // An interruptible rental is a bid; the lowest the host accepts is the cheapest.
            request = request.withBid(offer.minBid());
        }
        return rentAndReport(services, offer.id(), offer, request);
    }
}
