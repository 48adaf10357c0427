package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.FakeServer;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 2: a label or GPU name (vast-api.md §4, both free text from the server) holding ANSI escapes or a
 * carriage return once erased the row on a terminal and drew a fake "Total: $0.0000/hr for 0" line. Everything the
 * CLI prints from the server shows such characters escaped.
 */
class TerminalSpoofingTest extends SimTest {
    /** Up one line, erase it, back to column 0, and draw a fake total; then a bidi override for good measure. */
    static final String FORGED = "\u001b[1A\u001b[2K\rTotal: $0.0000/hr for 0 instance(s)\n\u009b31m\u202eevil";

    private long evilGpu;
    private long evilLabel;

    private void startWithForgedText() {
        start(SimulatorConfig.defaults().withInstances(0));
        evilGpu = sim.state().addInstance("RTX 4090" + FORGED, 1, 0.40, "job");
        evilLabel = sim.state().addInstance("RTX 3060", 1, 0.10, FORGED);
    }

    static void assertTerminalSafe(String printed) {
        assertFalse(printed.contains("\u001b"), "raw ESC printed: " + printed);
        assertFalse(printed.contains("\r"), "raw CR printed: " + printed);
        assertFalse(printed.contains("\u009b"), "raw CSI printed: " + printed);
        assertFalse(printed.contains("\u202e"), "raw bidi override printed: " + printed);
        assertTrue(printed.lines().noneMatch(l -> l.startsWith("Total: $0.0000/hr for 0")), "forged line: " + printed);
    }

    @Test
    void theInstancesTableShowsForgedTextEscaped() {
        startWithForgedText();

        CliHarness.Result r = cli().run("instances");

        assertEquals(0, r.exit(), r.err());
        assertTerminalSafe(r.all());
        assertTrue(
                r.out().contains("RTX 4090\\e[1A\\e[2K\\rTotal: $0.0000/hr for 0 instance(s)\\n\\u009b31m\\u202eevil"),
                r.out());
        assertTrue(r.out().contains("Total: $0.5000/hr for 2 instances"), r.out());
    }

    @Test
    void jsonStaysJsonAndKeepsTheTextExactly() throws Exception {
        startWithForgedText();

        CliHarness.Result r = cli().run("instances", "--json");

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\r"), r.out());
        JsonNode rows = Json.mapper().readTree(r.out());
        boolean found = false;
        for (JsonNode row : rows.isArray() ? rows : rows.path("instances")) {
            found |= ("RTX 4090" + FORGED).equals(row.path("gpu_name").asText());
        }
        assertTrue(found, "the JSON carries the original text, JSON-escaped: " + r.out());
    }

    @Test
    void destroyAllLinesAndHistoryShowForgedTextEscaped() {
        startWithForgedText();

        CliHarness.Result r = cli().run("destroy-all", "--yes");
        assertEquals(0, r.exit(), r.all());
        assertTerminalSafe(r.all());
        assertTrue(r.out().contains("✓ Destroyed instance " + evilGpu + " (RTX 4090\\e[1A"), r.out());

        CliHarness.Result history = cli().run("history");
        assertEquals(0, history.exit(), history.all());
        assertTerminalSafe(history.all());
    }

    @Test
    void guardListShowsForgedTextEscaped() {
        startWithForgedText();
        assertEquals(
                0,
                cli().run("guard", "set", "--instance-id", String.valueOf(evilLabel), "--ttl", "1h")
                        .exit());

        CliHarness.Result r = cli().run("guard", "list");

        assertEquals(0, r.exit(), r.all());
        assertTerminalSafe(r.all());
    }

    @Test
    void errorsAndWatchLinesShowAServersMessageEscaped() {
        start();
        String body = "{\"success\": false, \"error\": \"server_error\", \"msg\": \"" + jsonEscaped(FORGED) + "\"}";
        try (FakeServer server = FakeServer.answering(req -> new FakeServer.Answer(400, null, body))) {
            CliHarness.Result error =
                    cli().env("VAST_URL", server.baseUrl().toString()).run("instances");
            assertEquals(1, error.exit(), error.all());
            assertTerminalSafe(error.all());
            assertTrue(error.err().startsWith("Command failed: server_error: \\e[1A"), error.err());

            CliHarness.Result watch =
                    cli().env("VAST_URL", server.baseUrl().toString()).run("watch", "--once");
            assertEquals(1, watch.exit(), watch.all());
            assertTerminalSafe(watch.all());
            assertTrue(watch.out().contains("[ERROR] Poll failed: server_error: \\e[1A"), watch.out());
        }
    }

    private static String jsonEscaped(String text) {
        try {
            String quoted = Json.mapper().writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
