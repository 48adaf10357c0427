package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.VastServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "destroy-all", mixinStandardHelpOptions = true,
        description = {"Destroy every instance on the account to stop all billing. Requests go out concurrently,"
                + " back off together when Vast rate-limits, and one failure never stops the rest; then the list is"
                + " read again until each instance is gone. Anything that survives is reported as STILL BILLING"
                + " (exit 1). Asks first on a terminal; without one it needs --yes."})
final class DestroyAllCommand extends VastCommand {
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    protected int execute() {
        requireConfirmationPossible(yes, "destroy all instances");
        VastServices services = connect(true);
        DestroyReport report = yes ? destroyWhileListing(services) : destroyAfterAsking(services);
        if (report == null) {
            err().println("Aborted. Nothing was destroyed.");
            return ExitCodes.USAGE;
        }
        if (json()) {
            printJson(DestroyLines.json(report));
        } else if (report.total() == 0) {
            out().println("No active instances to destroy.");
        } else {
            for (DestroyOutcome o : report.outcomes()) {
                out().println(DestroyLines.outcome(o));
            }
            out().println();
            out().println(DestroyLines.summary(report));
        }
        DestroyLines.warnStillBilling(report, err(), "");
        return report.allStopped() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Nobody to ask: the first page's instances are being destroyed while the next page loads. */
    private DestroyReport destroyWhileListing(VastServices services) {
        return services.destroyer().destroyEverything("destroy-all", new DestroyListener() {
            @Override
            public void starting(List<Instance> targets) {
                announce(targets);
            }
        });
    }

    /** Null when the person says no. */
    private DestroyReport destroyAfterAsking(VastServices services) {
        List<Instance> targets = services.client().listInstances().stream().filter(i -> !i.isGone()).toList();
        if (!targets.isEmpty()) {
            double rate = targets.stream().mapToDouble(Instance::billedRate).sum();
            if (!confirm("Destroy all " + targets.size() + " instance(s), billing " + Format.rate(rate)
                    + "/hr in total? This is irreversible and deletes their data.")) {
                return null;
            }
        }
        return services.destroyer().destroy(targets, "destroy-all", new DestroyListener() {
            @Override
            public void starting(List<Instance> targets) {
                announce(targets);
            }
        });
    }

    private void announce(List<Instance> targets) {
        if (!targets.isEmpty() && !json()) {
            out().println("Found " + targets.size() + " active instance(s). Destroying all...");
            out().flush();
        }
    }
}
