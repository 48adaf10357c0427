package io.imggenhub.vast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reserve",
        mixinStandardHelpOptions = true,
        description = {
            "Rent one offer (see 'offers'), wait until it runs, and print how to reach it over SSH.",
            "On demand unless --bid (interruptible: outbid means stopped, still paying for storage).",
            "If Vast answers insufficient_credit, or the credit is at or below zero while instances bill, every"
                    + " instance is destroyed at once to stop the bleeding (exit 3), unless --no-emergency-cleanup."
        })
final class ReserveCommand extends RentingCommand {
    @Option(
            names = "--offer-id",
            required = true,
            paramLabel = "ID",
            converter = Converters.PositiveId.class,
            description = "The offer to rent (the Offer ID column of 'offers').")
    long offerId;

    @Override
    protected int execute() {
        checkRentOptions();
        var services = connect(true);
        return rentAndReport(services, offerId, null, rentOptions.request());
    }
}
