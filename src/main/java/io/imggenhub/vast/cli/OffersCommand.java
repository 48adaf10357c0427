package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.core.VastServices;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "offers",
        aliases = "list",
        mixinStandardHelpOptions = true,
        description = {"Search the market for rentable GPUs, cheapest first. Works without an API key."})
final class OffersCommand extends VastCommand {
    @Mixin
    OfferFilterOptions filters;

    @Option(
            names = "--disk-size",
            paramLabel = "GB",
            converter = Converters.DiskGb.class,
            defaultValue = RentOptions.DEFAULT_DISK,
            description = "Price the offers with this much disk, as"
                    + " 'reserve' and 'auto' would rent them (default: ${DEFAULT-VALUE}); $/hr includes its storage.")
    double diskGb;

    @Override
    protected int execute() {
        var filter = filters.toFilter().withDisk(diskGb);
        VastServices services = connect(false);
        List<Offer> offers = services.deployer(false).search(filter);
        if (json()) {
            printJson(offers);
            return ExitCodes.OK;
        }
        if (offers.isEmpty()) {
            out().println("No offers match these filters.");
            return ExitCodes.OK;
        }
        TextTable table =
                new TextTable("Offer ID", "GPU", "VRAM (GB)", "$/hr", "Reliab%", "Location").alignRight(0, 2, 3, 4);
        for (Offer o : offers) {
            table.add(
                    String.valueOf(o.id()),
                    o.gpuDisplayName(),
                    Format.number(o.totalVramGb(), 0),
                    Format.rate(o.hourlyCost()),
                    Format.number(o.reliabilityPercent(), 1),
                    Format.orDash(o.geolocation()));
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
