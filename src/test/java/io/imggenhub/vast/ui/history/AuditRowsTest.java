package io.imggenhub.vast.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.core.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which intents the Audit tab marks as never answered. */
class AuditRowsTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private static AuditEvent e(int s, String action, AuditEvent.Phase phase, List<Long> ids) {
        return new AuditEvent(T.plusSeconds(s), action, "manual", phase, ids, "");
    }

    @Test
    void aBatchOutcomeAnswersEveryPageIntentOfItsDestroyAndNothingElse() {
        var rows = AuditRows.of(List.of(
                e(0, "destroy-all", AuditEvent.Phase.INTENT, List.of(1L, 2L)),
                e(1, "destroy-all", AuditEvent.Phase.INTENT, List.of(3L)),
                e(2, "destroy", AuditEvent.Phase.INTENT, List.of(9L)),
                e(3, "destroy-all", AuditEvent.Phase.OUTCOME, List.of(1L, 2L, 3L))));
        assertEquals(
                List.of(false, true, false, false),
                rows.stream().map(AuditRows.Row::unconfirmed).toList(),
                "newest first; only the destroy of 9 is unanswered");
        assertEquals(List.of(9L), rows.get(1).event().instanceIds());
    }

    @Test
    void aRentOutcomeAnswersOnlyTheLatestRentIntent() {
        var rows = AuditRows.of(List.of(
                e(0, "rent", AuditEvent.Phase.INTENT, List.of()),
                e(1, "rent", AuditEvent.Phase.INTENT, List.of()),
                e(2, "rent", AuditEvent.Phase.OUTCOME, List.of(7L))));
        assertEquals(
                List.of(false, false, true),
                rows.stream().map(AuditRows.Row::unconfirmed).toList(),
                "the first rent's answer was lost (a crash): it stays marked");
    }
}
