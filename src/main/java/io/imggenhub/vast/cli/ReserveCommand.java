package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.RentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reserve", mixinStandardHelpOptions = true,
        description = {"Rent one offer (see 'offers'), wait until it runs, and print how to reach it over SSH.",
                "If Vast answers insufficient_credit, every instance is destroyed at once to stop the bleeding"
                        + " (exit 3), unless --no-emergency-cleanup."})
final class ReserveCommand extends RentingCommand {
    @Option(names = "--offer-id", required = true, paramLabel = "ID", converter = Converters.PositiveId.class,
            description = "The offer to rent (the Offer ID column of 'offers').")
    long offerId;

    @Option(names = "--bid", paramLabel = "USD", converter = Converters.NonNegative.class,
            description = "Rent as interruptible with this bid in $/hr (default: on-demand).")
    Double bid;

    @Override
    protected int execute() {
        checkRentOptions();
        var services = connect(true);
        RentRequest request = rentOptions.request().withBid(bid);
        return rentAndReport(services, offerId, null, request);
    }
}
