package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of a destroy run. The ✓/✗ lines and the k/N line are the original tool's documented output; they are
 * printed from the verified report, so a ✓ is never contradicted by a later STILL BILLING.
 */
final class DestroyLines {
    private DestroyLines() {}

    static String outcome(DestroyOutcome o) {
        String gpu = TerminalText.safe(o.instance().gpuDisplayName());
        String reason = TerminalText.safe(o.reason());
        return switch (o.status()) {
            case DESTROYED -> "✓ Destroyed instance " + o.id() + " (" + gpu + ")";
            case ALREADY_GONE -> "✓ Destroyed instance " + o.id() + " (" + gpu + ", already gone)";
            case FAILED -> "✗ Failed to destroy instance " + o.id() + ": " + reason;
            case STILL_BILLING -> "✗ Failed to destroy instance " + o.id() + ": STILL BILLING: " + reason;
        };
    }

    static String summary(DestroyReport report) {
        // The original tool's line, kept word for word for scripts that read it (seed: original-tool-notes.md).
        return "Destroyed " + report.stopped() + "/" + report.total() + " instance(s)";
    }

    /** The loud part, on stderr: every instance that may still be billing, and what it costs. */
    static void warnStillBilling(DestroyReport report, PrintWriter err, String prefix) {
        List<DestroyOutcome> left = report.failures();
        if (left.isEmpty()) {
            return;
        }
        double rate = left.stream().mapToDouble(o -> o.instance().hourlyCost()).sum();
        for (DestroyOutcome o : left) {
            err.println(prefix + "STILL BILLING: instance " + o.id() + " ("
                    + TerminalText.safe(o.instance().gpuDisplayName()) + ", "
                    + Format.rate(o.instance().hourlyCost()) + "/hr): " + TerminalText.safe(o.reason()));
        }
        err.println(prefix + "STILL BILLING: " + io.imggenhub.vast.core.Formats.count(left.size(), "instance") + " at "
                + Format.rate(rate)
                + "/hr in total. Retry, or destroy them in the Vast console: https://cloud.vast.ai/instances/");
    }

    /** The report for {@code --json}: per instance its id, GPU, rate, outcome and reason. */
    static Map<String, Object> json(DestroyReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("total", report.total());
        root.put("destroyed", report.stopped());
        root.put("still_billing", report.failures().size());
        root.put("elapsed_ms", report.elapsed().toMillis());
        root.put("listing_problem", report.listingProblem());
        root.put("outcomes", report.outcomes().stream().map(DestroyLines::json).toList());
        return root;
    }

    static Map<String, Object> json(DestroyOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("gpu_name", o.instance().gpuName());
        m.put("num_gpus", o.instance().gpuCount());
        m.put("dph_total", o.instance().dphTotal());
        m.put("status", o.status().name().toLowerCase(Locale.ROOT));
        m.put("stopped_billing", o.stoppedBilling());
        m.put("reason", o.reason());
        return m;
    }
}
