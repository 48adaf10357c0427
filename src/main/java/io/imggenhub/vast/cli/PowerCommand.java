package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.PowerSwitch;
import io.imggenhub.vast.core.VastServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stop} and {@code start}: one instance's state, through {@code PUT /api/v0/instances/{id}/}. */
abstract class PowerCommand extends VastCommand {
    @Option(
            names = "--instance-id",
            required = true,
            paramLabel = "ID",
            converter = Converters.PositiveId.class,
            description = "The instance (see 'instances').")
    long instanceId;

    abstract boolean running();

    @Override
    protected int execute() {
        VastServices services = connect(true);
        Instance target = instanceOnAccount(services, instanceId);
        PowerSwitch power = services.powerSwitch();
        if (running()) {
            power.start(target, "manual");
            out().println("starting instance " + target.id() + ".");
            err().println("Its GPU bills again once it runs (" + Format.rate(target.hourlyCost()) + "/hr).");
        } else {
            power.stop(target, "manual");
            out().println("stopping instance " + target.id() + ".");
            err().println(PowerSwitch.stopNote(target));
        }
        return ExitCodes.OK;
    }

    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description = {
                "Stop one instance: its GPU stops billing, but its disk stays and still bills storage."
                        + " 'start' resumes it; 'destroy' ends the storage cost too."
            })
    static final class Stop extends PowerCommand {
        @Override
        boolean running() {
            return false;
        }
    }

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = {"Start a stopped instance again: it bills its full rate once it runs."})
    static final class Start extends PowerCommand {
        @Override
        boolean running() {
            return true;
        }
    }
}
