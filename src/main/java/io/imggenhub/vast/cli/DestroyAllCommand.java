package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyProgress;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.VastServices;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "destroy-all",
        mixinStandardHelpOptions = true,
        description = {
            "Destroy every instance on the account to stop all billing. Up to 64 instances go in one"
                    + " bulk request as soon as a page of the list has arrived, paced to Vast's limits (list 1 s, bulk"
                    + " destroy 3 s); one failure never stops the rest; then the list is read again until each instance"
                    + " is gone, and one still listed is destroyed again. Progress goes to stderr; by the deadline a"
                    + " report says what is still billing (exit 1). Asks first on a terminal; without one it needs --yes."
        })
final class DestroyAllCommand extends VastCommand {
    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Option(
            names = "--deadline",
            paramLabel = "DURATION",
            converter = Converters.PositiveDuration.class,
            description = "Give up after this long (e.g. 90s, 5m) and report what is still billing (default: 3m).")
    java.time.Duration deadline;

    @Override
    protected int execute() {
        requireConfirmationPossible(yes, "destroy all instances");
        VastServices services = connect(true);
        if (deadline != null) {
            services = services.withDestroyerSettings(
                    services.destroyer().settings().withDeadline(deadline));
        }
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
        if (report.listingProblem() != null) {
            err().println("[WARN] " + report.listingProblem());
        }
        return report.allStopped() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Nobody to ask: the first page's instances are being destroyed while the next page loads. */
    private DestroyReport destroyWhileListing(VastServices services) {
        return services.destroyer().destroyEverything("destroy-all", new Announcing());
    }

    /** Null when the person says no. */
    private DestroyReport destroyAfterAsking(VastServices services) {
        List<Instance> targets = services.client().listInstances().stream()
                .filter(i -> !i.isGone())
                .toList();
        if (!targets.isEmpty()) {
            double rate = targets.stream().mapToDouble(Instance::billedRate).sum();
            if (!confirm(
                    "Destroy all " + io.imggenhub.vast.core.Formats.count(targets.size(), "instance") + ", billing "
                            + Format.rate(rate) + "/hr in total? This is irreversible and deletes their data.")) {
                return null;
            }
        }
        return services.destroyer().destroy(targets, "destroy-all", new Announcing());
    }

    /** "Found N…" on stdout once the list is complete; a progress line on stderr at most every second. */
    private final class Announcing implements DestroyListener {
        private long lastPrinted = System.nanoTime();

        @Override
        public void starting(List<Instance> targets) {
            announce(targets);
        }

        @Override
        public synchronized void progress(DestroyProgress progress) {
            long now = System.nanoTime();
            if (now - lastPrinted >= 1_000_000_000L) {
                lastPrinted = now;
                err().println("[destroy-all] " + progress.line());
                err().flush();
            }
        }
    }

    private void announce(List<Instance> targets) {
        if (!targets.isEmpty() && !json()) {
            // The original tool's line, word for word (seed: original-tool-notes.md); scripts read it.
            out().println("Found " + targets.size() + " active instance(s). Destroying all...");
            out().flush();
        }
    }
}
