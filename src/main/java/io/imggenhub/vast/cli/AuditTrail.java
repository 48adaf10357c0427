package io.imggenhub.vast.cli;

import io.imggenhub.vast.core.AuditEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log read back: which intents never got an outcome. An intent is confirmed by a later outcome of the same
 * action and reason that names its instances (or, for an intent without instances such as a rent, by the next
 * outcome of that action and reason). A guard's intent is confirmed by the destroy it started. What stays open
 * after a crash is exactly what was attempted but never confirmed.
 */
final class AuditTrail {
    private static final Pattern REQUEST_KEY = Pattern.compile("request [0-9a-f]+ on \\S+: ");

    /** One event and whether its intent is still open. */
    record Entry(AuditEvent event, boolean unconfirmed) {}

    private final List<Entry> entries;
    private final Set<Long> unconfirmedRequests;

    private AuditTrail(List<Entry> entries, Set<Long> unconfirmedRequests) {
        this.entries = entries;
        this.unconfirmedRequests = unconfirmedRequests;
    }

    static AuditTrail of(List<AuditEvent> events) {
        // open intents, by event index, with the ids each still waits for
        Map<Integer, Set<Long>> open = new LinkedHashMap<>();
        Map<Integer, Boolean> openWithoutIds = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            if (e.phase() == AuditEvent.Phase.INTENT) {
                if (e.instanceIds().isEmpty()) {
                    openWithoutIds.put(i, true);
                } else {
                    open.put(i, new LinkedHashSet<>(e.instanceIds()));
                }
                continue;
            }
            for (Map.Entry<Integer, Set<Long>> o : open.entrySet()) {
                AuditEvent intent = events.get(o.getKey());
                if (confirms(e, intent)) {
                    o.getValue().removeAll(e.instanceIds());
                }
            }
            open.values().removeIf(Set::isEmpty);
            openWithoutIds.keySet().stream()
                    .filter(k -> sameKind(e, events.get(k)))
                    .findFirst()
                    .ifPresent(openWithoutIds::remove);
        }
        List<Entry> entries = new ArrayList<>(events.size());
        Set<Long> requests = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            boolean unconfirmed = open.containsKey(i) || openWithoutIds.containsKey(i);
            entries.add(new Entry(events.get(i), unconfirmed));
            if (unconfirmed && "destroy-request".equals(events.get(i).action())) {
                requests.addAll(open.get(i));
            }
        }
        return new AuditTrail(entries, requests);
    }

    private static boolean confirms(AuditEvent outcome, AuditEvent intent) {
        if (!outcome.reason().equals(intent.reason())) {
            return false;
        }
        if (outcome.action().equals(intent.action())) {
            return true;
        }
        // The guard writes why before it hands the instances to the destroyer, which writes the outcome.
        return "guard".equals(intent.action())
                && ("destroy".equals(outcome.action()) || "destroy-all".equals(outcome.action()));
    }

    /**
     * A rent's intent names its request and server ({@code request 1a2b3c on host:port: ...}): only an outcome of
     * that same request confirms it, so a rent on another server or by another process never does, and an
     * orphaned rental stays UNCONFIRMED.
     */
    private static boolean sameKind(AuditEvent outcome, AuditEvent intent) {
        if (!outcome.reason().equals(intent.reason()) || !outcome.action().equals(intent.action())) {
            return false;
        }
        String key = requestKey(intent);
        return key == null || key.equals(requestKey(outcome));
    }

    private static String requestKey(AuditEvent event) {
        Matcher m = REQUEST_KEY.matcher(event.detail() == null ? "" : event.detail());
        return m.lookingAt() ? m.group() : null;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Instances whose destroy request went out (or was about to) and whose answer was never recorded. */
    Set<Long> unconfirmedDestroyRequests() {
        return unconfirmedRequests;
    }
}
