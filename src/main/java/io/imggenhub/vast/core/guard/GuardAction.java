package io.imggenhub.vast.core.guard;

import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.Formats;
import java.util.List;

/**
 * A destroy a guard carried out (through the shared destroyer) in one poll.
 *
 * @param why    the human reason written to the audit log before the destroy, e.g. "lifetime 2 h reached"
 * @param report the destroyer's outcome; null when the destroy could not start (then {@code error} says why)
 */
public record GuardAction(GuardRule rule, List<Long> instanceIds, String why, DestroyReport report, String error) {

    public GuardAction {
        instanceIds = List.copyOf(instanceIds);
    }

    /** Every targeted instance stopped billing. */
    public boolean succeeded() {
        return error == null && report != null && report.allStopped();
    }

    public String message() {
        String what = rule.isAccountRule()
                ? "all instances"
                : instanceIds.size() == 1 ? "instance " + instanceIds.get(0) : instanceIds.size() + " instances";
        if (error != null) {
            return "Guard could not destroy " + what + " (" + why + "): " + error;
        }
        if (report.allStopped()) {
            return "Guard destroyed " + (rule.isAccountRule() ? Formats.count(report.stopped(), "instance") : what)
                    + ": " + why + ".";
        }
        return "Guard destroyed " + report.stopped() + "/" + Formats.count(report.total(), "instance") + " (" + why
                + "); still billing: "
                + report.failures().stream().map(o -> String.valueOf(o.id())).toList();
    }
}
