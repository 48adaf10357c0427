package io.imggenhub.vast.core;

/** Where destroys, rents and cleanups are recorded. The store provides a durable one; tests may collect in memory. */
@FunctionalInterface
public interface AuditSink {
    AuditSink NONE = event -> {};

    void record(AuditEvent event);
}
