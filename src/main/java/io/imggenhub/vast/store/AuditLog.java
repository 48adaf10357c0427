package io.imggenhub.vast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.core.AuditSink;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable audit trail. Each event is committed before {@link #record} returns, so an intent written before a
 * request survives a SIGKILL that comes right after it.
 */
public final class AuditLog implements AuditSink {
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() { };
    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(AuditEvent event) {
        String ids;
        try {
            ids = Json.mapper().writeValueAsString(event.instanceIds());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.with(c -> {
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
                        events.add(new AuditEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                AuditEvent.Phase.valueOf(rs.getString(4)), parseIds(rs.getString(5)), rs.getString(6)));
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
