package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.VastServices;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "instances",
        mixinStandardHelpOptions = true,
        description = "List your instances with what each costs per hour, how to reach it, and the total burn.")
final class InstancesCommand extends VastCommand {
    @Option(
            names = {"-q", "--quiet"},
            description = "Print instance ids only, one per line.")
    boolean quiet;

    @Override
    protected int execute() {
        VastServices services = connect(true);
        // Destroyed rows linger in Vast's list for a moment; they no longer bill.
        List<Instance> live = services.client().listInstances().stream()
                .filter(i -> !i.isGone())
                .toList();
        if (json()) {
            printJson(live);
        } else if (quiet) {
            live.forEach(i -> out().println(i.id()));
        } else if (live.isEmpty()) {
            out().println("No active instances.");
        } else {
            printTable(live, ctx().clock().instant());
        }
        return ExitCodes.OK;
    }

    private void printTable(List<Instance> live, Instant now) {
        TextTable table =
                new TextTable("Instance ID", "GPU", "Status", "Cost/hr", "SSH", "Label", "Uptime").alignRight(0, 3);
        for (Instance i : live) {
            Instance.SshAddress ssh = i.ssh();
            table.add(
                    String.valueOf(i.id()),
                    i.gpuDisplayName(),
                    i.status(),
                    Format.rate(i.hourlyCost()),
                    ssh == null ? "-" : ssh.userAtHostPort(),
                    Format.orDash(i.label()),
                    i.started() == null ? "-" : Format.age(i.uptime(now)));
        }
        table.print(out());
        double burn = live.stream().mapToDouble(Instance::billedRate).sum();
        double listed = live.stream().mapToDouble(Instance::hourlyCost).sum();
        out().println();
        out().println("Total: " + Format.rate(burn) + "/hr for "
                + io.imggenhub.vast.core.Formats.count(live.size(), "instance")
                + (Math.abs(listed - burn) > 1e-9 ? " (stopped instances bill storage only)" : ""));
    }
}
