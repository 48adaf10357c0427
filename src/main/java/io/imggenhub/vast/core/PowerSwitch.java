package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.VastApi;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Stop and start, the cheaper alternative to destroying: a stopped instance stops paying for its GPU but keeps its
 * disk, which still bills storage. Written to the audit log like every action that changes what the account pays.
 */
public final class PowerSwitch {
    private final VastApi client;
    private final AuditSink audit;
    private final Clock clock;

    public PowerSwitch(VastApi client, AuditSink audit, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void stop(Instance instance, String reason) {
        change(instance, false, reason);
    }

    public void start(Instance instance, String reason) {
        change(instance, true, reason);
    }

    private void change(Instance instance, boolean running, String reason) {
        String action = running ? "start" : "stop";
        List<Long> ids = List.of(instance.id());
        audit.record(new AuditEvent(
                clock.instant(),
                action,
                reason,
                AuditEvent.Phase.INTENT,
                ids,
                action + " " + instance.id() + " (" + instance.gpuDisplayName() + ")"));
        try {
            client.setInstanceState(instance.id(), running);
        } catch (RuntimeException e) {
            audit.record(new AuditEvent(
                    clock.instant(), action, reason, AuditEvent.Phase.OUTCOME, ids, "failed: " + e.getMessage()));
            throw e;
        }
        audit.record(new AuditEvent(clock.instant(), action, reason, AuditEvent.Phase.OUTCOME, ids, "accepted"));
    }

    /** What a stopped instance goes on paying, for the words around Stop: its storage. */
    public static String stopNote(Instance instance) {
        double storage = instance.storageTotalCost() != null
                ? instance.storageTotalCost()
                : instance.diskSpace() != null && instance.storageCost() != null
                        ? instance.diskSpace() * instance.storageCost() / 720.0
                        : 0;
        return "Stop halts GPU billing but keeps the disk, which still bills storage (about "
                + Formats.ratePerHour(storage) + "). Destroy it to stop that too.";
    }
}
