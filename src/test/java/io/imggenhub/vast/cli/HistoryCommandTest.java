package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.core.AuditEvent;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.store.Database;
import io.imggenhub.vast.store.LocalData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryCommandTest extends SimTest {

    private Path dataDir() {
        return home.resolve("data");
    }

    private CliHarness data() {
        return cli().env("IMGGENHUB_VAST_DATA", dataDir().toString());
    }

    private List<JsonNode> events(CliHarness.Result r) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        Json.mapper().readTree(r.out()).get("events").forEach(list::add);
        return list;
    }

    @Test
    void everyDestroyRentAndCleanupIsRecordedWithItsReason() throws Exception {
        start();
        long one = alive().get(0).id();
        assertEquals(
                0,
                data().run("destroy", "--instance-id", String.valueOf(one), "--yes")
                        .exit());
        assertEquals(0, data().run("destroy-all", "--yes").exit());
        sim.state().addInstance("RTX 4090", 1, 0.5, "left");
        sim.state().setCredit(0);
        assertEquals(
                3,
                data().run(
                                "reserve",
                                "--offer-id",
                                String.valueOf(sim.state().offers().get(0).id()),
                                "--force")
                        .exit());

        CliHarness.Result r = data().run("history", "--json");

        assertEquals(0, r.exit(), r.all());
        List<JsonNode> events = events(r);
        JsonNode first = events.get(0);
        assertEquals(
                List.of("at", "action", "reason", "phase", "instance_ids", "detail", "unconfirmed"),
                iterable(first.fieldNames()));
        assertTrue(has(events, "destroy", "manual", "INTENT", one), r.out());
        assertTrue(has(events, "destroy", "manual", "OUTCOME", one), r.out());
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.get("action").asText().equals("destroy-all")
                                && e.get("reason").asText().equals("destroy-all")
                                && e.get("phase").asText().equals("OUTCOME")),
                r.out());
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.get("action").asText().equals("rent")
                                && e.get("reason").asText().equals("insufficient_credit")
                                && e.get("detail").asText().startsWith("not sent: credit is $0.00")),
                r.out());
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.get("reason").asText().equals("insufficient_credit")
                                && e.get("phase").asText().equals("OUTCOME")),
                r.out());
        // Intents come before their outcomes, and every one was confirmed.
        assertTrue(events.stream().noneMatch(e -> e.get("unconfirmed").asBoolean()), r.out());
        assertEquals(
                0,
                Json.mapper().readTree(r.out()).get("unconfirmed_instance_ids").size());
        assertEquals("", r.err());

        CliHarness.Result table = data().run("history");
        assertEquals(0, table.exit(), table.all());
        assertTrue(
                table.outLines().get(0).matches("Time\\s+Action\\s+Reason\\s+Phase\\s+Instances\\s+Detail"),
                table.out());
        assertTrue(
                table.outLines().stream()
                        .anyMatch(l -> l.matches(
                                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+destroy-request\\s+manual\\s+OUTCOME\\s+"
                                        + one + "\\s+accepted")),
                table.out());
    }

    private static boolean has(List<JsonNode> events, String action, String reason, String phase, long id) {
        return events.stream()
                .anyMatch(e -> e.get("action").asText().equals(action)
                        && e.get("reason").asText().equals(reason)
                        && e.get("phase").asText().equals(phase)
                        && e.get("instance_ids").toString().equals("[" + id + "]"));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void anIntentWithoutAnOutcomeIsShownAsUnconfirmed() throws Exception {
        start();
        Instant t = Instant.now().minusSeconds(60);
        try (LocalData d = LocalData.open(
                Database.defaultFile(Map.of("IMGGENHUB_VAST_DATA", dataDir().toString()), home))) {
            d.audit()
                    .record(new AuditEvent(
                            t,
                            "destroy-all",
                            "destroy-all",
                            AuditEvent.Phase.INTENT,
                            List.of(7L, 8L),
                            "destroying 2 instance(s)"));
            d.audit()
                    .record(new AuditEvent(
                            t, "destroy-request", "destroy-all", AuditEvent.Phase.INTENT, List.of(7L), "attempt 1"));
            d.audit()
                    .record(new AuditEvent(
                            t, "destroy-request", "destroy-all", AuditEvent.Phase.INTENT, List.of(8L), "attempt 1"));
            d.audit()
                    .record(new AuditEvent(
                            t, "destroy-request", "destroy-all", AuditEvent.Phase.OUTCOME, List.of(8L), "accepted"));
        }

        CliHarness.Result r = data().run("history", "--json");

        assertEquals(0, r.exit(), r.all());
        List<JsonNode> events = events(r);
        assertEquals(
                List.of(true, true, false, false),
                events.stream().map(e -> e.get("unconfirmed").asBoolean()).toList(),
                r.out());
        assertEquals(
                "[7]",
                Json.mapper().readTree(r.out()).get("unconfirmed_instance_ids").toString());
        assertTrue(r.err().startsWith("[WARN] 1 destroy request was sent but never confirmed: 7."), r.err());

        CliHarness.Result table = data().run("history");
        assertTrue(
                table.outLines().get(2).matches(".*destroy-request\\s+destroy-all\\s+UNCONFIRMED\\s+7\\s+attempt 1"),
                table.out());
        assertTrue(
                table.outLines().get(3).matches(".*destroy-request\\s+destroy-all\\s+INTENT\\s+8\\s+attempt 1"),
                table.out());
    }

    @Test
    void sinceAndLimitChooseTheEvents() throws Exception {
        start();
        try (LocalData d = LocalData.open(dataDir().resolve("history.db"))) {
            Instant now = Instant.now();
            for (int h = 5; h >= 1; h--) {
                d.audit()
                        .record(new AuditEvent(
                                now.minusSeconds(h * 3600L),
                                "rent",
                                "manual",
                                AuditEvent.Phase.OUTCOME,
                                List.of((long) h),
                                "rented offer " + h));
            }
        }
        assertEquals(List.of(2L, 1L), ids(data().run("history", "--since", "150m", "--json")));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids(data().run("history", "--days", "1", "--json")));
        CliHarness.Result limited = data().run("history", "--limit", "2");
        assertEquals(4, limited.outLines().size(), limited.out());
        assertTrue(limited.outLines().get(2).endsWith("rented offer 1"), limited.out());
        assertEquals(
                "(3 older events not shown; raise --limit)", limited.outLines().get(3));

        CliHarness.Result both = data().run("history", "--since", "1h", "--days", "1");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("Command failed: usage: "), both.err());
        CliHarness.Result bad = data().run("history", "--since", "soon");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("Not a duration: \"soon\""), bad.err());
    }

    private List<Long> ids(CliHarness.Result r) throws Exception {
        assertEquals(0, r.exit(), r.all());
        return events(r).stream()
                .map(e -> e.get("instance_ids").get(0).asLong())
                .toList();
    }

    @Test
    void aDamagedFileStillLetsDestroyAllWorkButHistorySaysWhatIsWrong() throws Exception {
        start(SimulatorConfig.defaults().withInstances(4));
        Files.createDirectories(dataDir());
        Path file = dataDir().resolve("history.db");
        Files.writeString(file, "this is not a database, it was overwritten by accident ".repeat(200));

        CliHarness.Result destroy = data().run("destroy-all", "--yes");

        assertEquals(0, destroy.exit(), destroy.all());
        assertTrue(alive().isEmpty());
        assertTrue(
                destroy.err().startsWith("[WARN] The history database " + file + " is damaged or not a database."),
                destroy.err());
        assertTrue(destroy.err().contains("Nothing will be remembered until this is fixed."), destroy.err());

        CliHarness.Result history = data().run("history");
        assertEquals(1, history.exit(), history.all());
        assertEquals(
                "Command failed: local_data: The history database " + file + " is damaged or not a database."
                        + " Move it aside (it will be created anew) or point IMGGENHUB_VAST_DATA elsewhere.\n",
                history.err());
        assertEquals("", history.out());
    }

    @Test
    void commandsThatOnlyReadNeverOpenTheFile() throws Exception {
        start();
        Files.createDirectories(dataDir());
        Files.writeString(dataDir().resolve("history.db"), "not a database ".repeat(100));

        CliHarness.Result r = data().run("instances");

        assertEquals(0, r.exit(), r.all());
        assertEquals("", r.err(), "no warning: the damaged file was not even opened");
    }

    @Test
    void nothingRecordedYet() {
        start();
        CliHarness.Result r = data().run("history");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Nothing recorded since "), r.out());
        assertFalse(r.out().contains("Time"), r.out());
    }
}
