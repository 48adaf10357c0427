package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.VastServices;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "destroy",
        mixinStandardHelpOptions = true,
        description = {
            "Destroy one instance: billing stops, its data is deleted. Asks first on a terminal;"
                    + " without one it needs --yes. Then checks that the instance is gone from the list."
        })
final class DestroyCommand extends VastCommand {
    @Option(
            names = "--instance-id",
            required = true,
            paramLabel = "ID",
            converter = Converters.PositiveId.class,
            description = "The instance to destroy (see 'instances').")
    long instanceId;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    protected int execute() {
        requireConfirmationPossible(yes, "destroy instance " + instanceId);
        VastServices services = connect(true);
        Instance target = instanceOnAccount(services, instanceId);
        if (!yes
                && !confirm("Destroy instance " + target.id() + " (" + target.gpuDisplayName() + ", "
                        + Format.rate(target.hourlyCost()) + "/hr)? This is irreversible and deletes its data.")) {
            err().println("Aborted. Nothing was destroyed.");
            return ExitCodes.USAGE;
        }
        DestroyOutcome outcome = services.destroyer().destroyOne(target, "manual", DestroyListener.NONE);
        if (json()) {
            printJson(DestroyLines.json(outcome));
        }
        switch (outcome.status()) {
            case DESTROYED -> {
                if (!json()) {
                    out().println("Successfully destroyed instance " + target.id());
                }
                return ExitCodes.OK;
            }
            case ALREADY_GONE -> {
                if (!json()) {
                    out().println("Instance " + target.id() + " was already gone");
                }
                return ExitCodes.OK;
            }
            default -> {
                DestroyLines.warnStillBilling(new DestroyReport(List.of(outcome), Duration.ZERO), err(), "");
                throw new CliException(
                        ExitCodes.FAILED,
                        outcome.status() == DestroyOutcome.Status.STILL_BILLING ? "still_billing" : "destroy_failed",
                        "instance " + target.id() + ": " + outcome.reason());
            }
        }
    }
}
