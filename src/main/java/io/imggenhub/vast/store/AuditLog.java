package io.imggenhub.vast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.AuditSink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The durable audit trail. Each event is committed before {@link #record} returns, so an intent written before a
 * request survives a SIGKILL that comes right after it, unless another program holds the file's write lock: the
 * audit must never block a destroy, so then the events wait in memory (in order), a warning says so once, and a
 * background writer commits them as soon as the lock frees. Closing tries once more.
 */
public final class AuditLog implements AuditSink {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() {};
    /** How long a write waits for another program's lock before the event is kept in memory instead. */
    private static final int WAIT_FOR_LOCK_MILLIS = 100;

    private static final long RETRY_MILLIS = 200;

    private final Database db;
    private final ArrayDeque<AuditEvent> waiting = new ArrayDeque<>();
    private volatile Consumer<String> warnings = LOG::warning;
    private boolean warned;
    private Thread writer;
    private final Object drainLock = new Object();

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Where the "audit kept in memory" warning goes (the CLI's stderr, the window's banner); logged by default. */
    public void onWarning(Consumer<String> sink) {
        this.warnings = sink;
    }

    @Override
    public void record(AuditEvent event) {
        synchronized (this) {
            if (!waiting.isEmpty()) {
                waiting.addLast(event);
                return;
            }
        }
        try {
            insert(event, WAIT_FOR_LOCK_MILLIS);
        } catch (StoreException e) {
            if (!Database.isLocked(e)) {
                throw e;
            }
            keep(event);
        }
    }

    /** How many events wait in memory for the lock to free. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Writes what waits, waiting the usual time for the lock; what still cannot be written is reported. */
    public void flush() {
        try {
            drain(5000);
        } catch (StoreException e) {
            int lost = waitingCount();
            if (lost > 0) {
                warnings.accept(io.imggenhub.vast.core.Formats.count(lost, "audit event") + " could not be written to "
                        + db.file() + " (" + e.getMessage() + "); they are lost.");
            }
        }
    }

    private synchronized void keep(AuditEvent event) {
        waiting.addLast(event);
        if (!warned) {
            warned = true;
            warnings.accept("The history database " + db.file() + " is locked by another program: audit events are"
                    + " kept in memory and written when the lock frees. Destroying goes on.");
        }
        if (writer == null || !writer.isAlive()) {
            writer = new Thread(this::writeWhenFree, "audit-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void writeWhenFree() {
        while (true) {
            try {
                if (drain(WAIT_FOR_LOCK_MILLIS)) {
                    return;
                }
            } catch (StoreException e) {
                if (!Database.isLocked(e)) {
                    LOG.warning("Writing the waiting audit events failed: " + e.getMessage());
                    return;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes waiting events in order; true when none is left. One drain at a time (writer thread, close). */
    private boolean drain(int busyMillis) {
        synchronized (drainLock) {
            return drainLocked(busyMillis);
        }
    }

    private boolean drainLocked(int busyMillis) {
        while (true) {
            AuditEvent next;
            synchronized (this) {
                next = waiting.peekFirst();
                if (next == null) {
                    return true;
                }
            }
            insert(next, busyMillis);
            synchronized (this) {
                waiting.removeFirst();
            }
        }
    }

    private void insert(AuditEvent event, int busyMillis) {
        String ids;
        try {
            ids = Json.mapper().writeValueAsString(event.instanceIds());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.withBusyTimeout(busyMillis, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO audit(at_ms, action, reason, phase, instance_ids, detail) VALUES (?,?,?,?,?,?)")) {
                s.setLong(1, event.at().toEpochMilli());
                s.setString(2, event.action());
                s.setString(3, event.reason());
                s.setString(4, event.phase().name());
                s.setString(5, ids);
                s.setString(6, event.detail());
                return s.executeUpdate();
            }
        });
    }

    /** Events from {@code since} on, oldest first, at most {@code limit}. */
    public List<AuditEvent> since(Instant since, int limit) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT at_ms, action, reason, phase, instance_ids, detail FROM audit WHERE at_ms >= ? "
                            + "ORDER BY at_ms, id LIMIT ?")) {
                s.setLong(1, since.toEpochMilli());
                s.setInt(2, limit);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new AuditEvent(
                                Instant.ofEpochMilli(rs.getLong(1)),
                                rs.getString(2),
                                rs.getString(3),
                                AuditEvent.Phase.valueOf(rs.getString(4)),
                                parseIds(rs.getString(5)),
                                rs.getString(6)));
                    }
                }
                return events;
            }
        });
    }

    private static List<Long> parseIds(String json) {
        try {
            return Json.mapper().readValue(json, IDS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
