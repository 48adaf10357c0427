package io.imggenhub.vast.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.store.SpendHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defect 3: "Estimated spend in range: $0.05" while the credit visibly fell about $2 (the demo bills 20×
 * faster than the wall clock the estimate uses). The line now says what the estimate is and puts the credit's real
 * fall next to it.
 */
class HistorySpendLineTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theEstimateIsLabelledAndTheCreditFallStandsNextToIt() {
        List<SpendHistory.InstanceSpend> spend = List.of(
                new SpendHistory.InstanceSpend(1, "RTX 4090", null, 0.03),
                new SpendHistory.InstanceSpend(2, "A100", null, 0.02));
        List<SpendHistory.Point> points = List.of(
                new SpendHistory.Point(T0, 40.0, 4.0, 2),
                new SpendHistory.Point(T0.plusSeconds(60), 39.0, 4.0, 2),
                new SpendHistory.Point(T0.plusSeconds(120), 37.99, 4.0, 2));
        assertEquals(
                "Estimated spend in range (polled rates × time): $0.05 · credit fell $2.01 in the same time"
                        + " (Vast's own figure)",
                HistoryView.spendLine(spend, points));
    }

    @Test
    void aTopUpIsCalledOneAndNoCreditFigureAddsNothing() {
        List<SpendHistory.Point> up = List.of(
                new SpendHistory.Point(T0, 5.0, 1.0, 1), new SpendHistory.Point(T0.plusSeconds(60), 25.0, 1.0, 1));
        assertEquals(
                "Estimated spend in range (polled rates × time): $0.00 · credit rose $20.00 (a top-up)",
                HistoryView.spendLine(List.of(), up));
        assertEquals(
                "Estimated spend in range (polled rates × time): $0.00",
                HistoryView.spendLine(List.of(), List.of(new SpendHistory.Point(T0, null, 0, 0))));
    }
}
