package io.imggenhub.vast.core;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit trail. An action writes an INTENT before its request goes out and an OUTCOME after, so that
 * a crash in between still shows what was attempted.
 */
public record AuditEvent(Instant at, String action, String reason, Phase phase, List<Long> instanceIds, String detail) {

    public enum Phase {
        INTENT,
        OUTCOME
    }

    public AuditEvent {
        instanceIds = List.copyOf(instanceIds);
    }
}
