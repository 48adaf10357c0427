package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.core.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10 §6: a rent's outcome confirms only its own request on its own server. */
class AuditTrailRentTest {
    private static AuditEvent event(AuditEvent.Phase phase, List<Long> ids, String detail) {
        return new AuditEvent(Instant.EPOCH, "rent", "manual", phase, ids, detail);
    }

    @Test
    void anOrphanedRentStaysUnconfirmedWhenAnotherProcessOrServerConfirmsItsOwn() {
        List<AuditEvent> events = List.of(
                event(AuditEvent.Phase.INTENT, List.of(), "request aaaaaaaaaaaa on 127.0.0.1:4001: offer 1, label a"),
                event(AuditEvent.Phase.INTENT, List.of(), "request bbbbbbbbbbbb on 127.0.0.1:4002: offer 2, label b"),
                event(AuditEvent.Phase.OUTCOME, List.of(28116358L), "request bbbbbbbbbbbb on 127.0.0.1:4002: rented"));

        List<Boolean> unconfirmed = AuditTrail.of(events).entries().stream()
                .map(AuditTrail.Entry::unconfirmed)
                .toList();

        assertEquals(List.of(true, false, false), unconfirmed);
    }
}
