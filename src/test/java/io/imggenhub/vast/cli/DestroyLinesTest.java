package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator always lets an accepted destroy disappear, so the STILL BILLING texts are checked here on a report
 * as the Destroyer builds it.
 */
class DestroyLinesTest {

    private static Instance instance(long id, String gpu, int n, double rate) throws Exception {
        return Json.mapper()
                .readValue(
                        "{\"id\":" + id + ",\"gpu_name\":\"" + gpu + "\",\"num_gpus\":" + n + ",\"dph_total\":" + rate
                                + ",\"actual_status\":\"running\"}",
                        Instance.class);
    }

    @Test
    void everyOutcomeHasItsLineAndSurvivorsAreLoud() throws Exception {
        DestroyReport report = new DestroyReport(
                List.of(
                        new DestroyOutcome(
                                instance(1, "Tesla P40", 1, 0.11), DestroyOutcome.Status.DESTROYED, "accepted"),
                        new DestroyOutcome(
                                instance(2, "RTX 4090", 2, 0.9), DestroyOutcome.Status.ALREADY_GONE, "already gone"),
                        new DestroyOutcome(
                                instance(3, "RTX 3090", 1, 0.25), DestroyOutcome.Status.FAILED, "http_400: nope"),
                        new DestroyOutcome(
                                instance(4, "A100 PCIE", 1, 1.0),
                                DestroyOutcome.Status.STILL_BILLING,
                                "still listed 60 s after Vast accepted the destroy")),
                Duration.ofSeconds(3));

        assertEquals(
                List.of(
                        "✓ Destroyed instance 1 (Tesla P40)",
                        "✓ Destroyed instance 2 (2x RTX 4090, already gone)",
                        "✗ Failed to destroy instance 3: http_400: nope",
                        "✗ Failed to destroy instance 4: STILL BILLING: still listed 60 s after Vast accepted the destroy"),
                report.outcomes().stream().map(DestroyLines::outcome).toList());
        assertEquals("Destroyed 2/4 instance(s)", DestroyLines.summary(report));

        StringWriter err = new StringWriter();
        DestroyLines.warnStillBilling(report, new PrintWriter(err, true), "");
        assertEquals(
                List.of(
                        "STILL BILLING: instance 3 (RTX 3090, $0.2500/hr): http_400: nope",
                        "STILL BILLING: instance 4 (A100 PCIE, $1.0000/hr): still listed 60 s after Vast accepted the destroy",
                        "STILL BILLING: 2 instances at $1.2500/hr in total. Retry, or destroy them in the Vast console:"
                                + " https://cloud.vast.ai/instances/"),
                err.toString().lines().toList());
    }
}
