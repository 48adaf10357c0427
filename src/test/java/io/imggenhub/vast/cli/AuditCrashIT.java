package io.imggenhub.vast.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.store.LocalData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost": a destroy-all killed with SIGKILL in the middle leaves an audit log that says which destroys were
 * sent and which were never confirmed. Every intent is committed before its request goes out, so anything the
 * simulator destroyed has an intent on record, whenever the kill came.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // runs the built launcher as processes
class AuditCrashIT {
    @TempDir
    Path home;

    private VastSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aDestroyAllKilledMidwayLeavesEveryIntentOnRecord() throws Exception {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(40));
        sim.faults().latency(Duration.ofMillis(300));
        Set<Long> all = sim.state().instances().stream().map(SimInstance::id).collect(Collectors.toSet());
        Path data = home.resolve("data");

        LauncherProcess p = LauncherProcess.start(
                home, data, "destroy-all", "--yes", "--url", sim.baseUrl().toString(), "--api-key", sim.apiKey());
        // The bulk request's intent is committed before it goes out; with 300 ms of latency the kill then comes
        // while it is on the wire (one bulk request carries all 40, so waiting for the server to record a DELETE
        // would be waiting for its answer).
        Path file = data.resolve("history.db");
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10)).until(() -> requestIntents(file) > 0);
        p.kill9();
        assertTrue(p.process.waitFor(30, TimeUnit.SECONDS));
        p.javaProcesses().forEach(h -> assertFalse(h.isAlive(), "killed: " + h.pid()));

        List<AuditEvent> events;
        try (LocalData local = LocalData.open(data.resolve("history.db"))) {
            events = local.audit().since(Instant.EPOCH, Integer.MAX_VALUE);
        }
        Set<Long> requested = ids(events, "destroy-request", AuditEvent.Phase.INTENT);
        Set<Long> answered = ids(events, "destroy-request", AuditEvent.Phase.OUTCOME);
        Set<Long> accepted = events.stream()
                .filter(e -> e.action().equals("destroy-request")
                        && e.phase() == AuditEvent.Phase.OUTCOME
                        && e.detail().equals("accepted"))
                .flatMap(e -> e.instanceIds().stream())
                .collect(Collectors.toSet());
        Set<Long> unconfirmed = new HashSet<>(requested);
        unconfirmed.removeAll(answered);
        Set<Long> destroyed = all.stream().filter(sim.state()::isDestroyed).collect(Collectors.toSet());

        assertTrue(events.stream().allMatch(e -> e.reason().equals("destroy-all")), events.toString());
        assertTrue(
                requested.containsAll(destroyed),
                "every destroy the server carried out was on record first: " + "destroyed " + destroyed + ", intents "
                        + requested);
        assertTrue(destroyed.containsAll(accepted), "every accepted outcome really happened");
        Set<Long> destroyedUnanswered = new HashSet<>(destroyed);
        destroyedUnanswered.removeAll(answered);
        assertTrue(
                unconfirmed.containsAll(destroyedUnanswered),
                "what was destroyed without an answer on record is listed as unconfirmed");
        assertFalse(unconfirmed.isEmpty(), "the kill came while requests were in flight: " + events.size() + " events");
        assertTrue(answered.size() < all.size(), "killed in the middle, not after the end");
        assertTrue(
                events.stream()
                        .noneMatch(e -> e.action().equals("destroy-all") && e.phase() == AuditEvent.Phase.OUTCOME),
                "the run never finished");

        LauncherProcess history = LauncherProcess.start(home, data, "history", "--json");
        assertTrue(history.process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, history.process.exitValue(), history.err.get());
        JsonNode json = Json.mapper().readTree(history.out.get());
        Set<Long> reported = new HashSet<>();
        json.get("unconfirmed_instance_ids").forEach(n -> reported.add(n.asLong()));
        assertEquals(unconfirmed, reported);
        for (JsonNode e : json.get("events")) {
            if (e.get("action").asText().equals("destroy-request")
                    && e.get("phase").asText().equals("INTENT")) {
                long id = e.get("instance_ids").get(0).asLong();
                assertEquals(unconfirmed.contains(id), e.get("unconfirmed").asBoolean(), e.toString());
            }
        }
        assertTrue(history.err.get().contains(" sent but never confirmed"), history.err.get());
    }

    private static int requestIntents(Path file) {
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM audit WHERE action = 'destroy-request' AND phase = 'INTENT'")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException notYet) {
            return 0;
        }
    }

    private static Set<Long> ids(List<AuditEvent> events, String action, AuditEvent.Phase phase) {
        return events.stream()
                .filter(e -> e.action().equals(action) && e.phase() == phase)
                .flatMap(e -> e.instanceIds().stream())
                .collect(Collectors.toSet());
    }
}
