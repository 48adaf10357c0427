package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.core.AuditEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Audit events as the Audit tab lists them, newest first, with every INTENT that no OUTCOME answered marked: the
 * app stopped (or crashed) between sending a request and hearing back, so the account must be checked.
 */
final class AuditRows {
    /** One line of the Audit tab. */
    record Row(AuditEvent event, boolean unconfirmed) {}

    private AuditRows() {}

    /** @param oldestFirst events as {@code AuditLog.since} returns them */
    static List<Row> of(List<AuditEvent> oldestFirst) {
        boolean[] answered = new boolean[oldestFirst.size()];
        for (int i = 0; i < oldestFirst.size(); i++) {
            AuditEvent outcome = oldestFirst.get(i);
            if (outcome.phase() != AuditEvent.Phase.OUTCOME) {
                continue;
            }
            int lastWithoutIds = -1;
            for (int j = 0; j < i; j++) {
                AuditEvent intent = oldestFirst.get(j);
                if (answered[j]
                        || intent.phase() != AuditEvent.Phase.INTENT
                        || !intent.action().equals(outcome.action())) {
                    continue;
                }
                if (intent.instanceIds().isEmpty()) {
                    lastWithoutIds = j;
                } else if (outcome.instanceIds().isEmpty()
                        || !Collections.disjoint(intent.instanceIds(), outcome.instanceIds())) {
                    answered[j] = true;
                }
            }
            // An intent without ids (a rent) is answered by the next outcome of its action, and only one.
            if (lastWithoutIds >= 0) {
                answered[lastWithoutIds] = true;
            }
        }
        List<Row> rows = new ArrayList<>(oldestFirst.size());
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            AuditEvent e = oldestFirst.get(i);
            rows.add(new Row(e, e.phase() == AuditEvent.Phase.INTENT && !answered[i]));
        }
        return rows;
    }
}
