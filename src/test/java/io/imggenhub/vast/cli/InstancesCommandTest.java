package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstancesCommandTest extends SimTest {

    @Test
    void tableShowsEveryInstanceWithCostSshAndTheTotal() {
        start();
        CliHarness.Result r = cli().run("instances");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertTrue(
                lines.get(0).matches("Instance ID\\s+GPU\\s+Status\\s+Cost/hr\\s+SSH\\s+Label\\s+Uptime"),
                lines.get(0));
        List<Instance> expected = listed();
        assertEquals(3, expected.size());
        for (Instance i : expected) {
            String row = lines.stream()
                    .filter(l -> l.strip().startsWith(i.id() + " "))
                    .findFirst()
                    .orElseThrow();
            assertTrue(row.contains(i.gpuDisplayName()), row);
            assertTrue(row.contains(String.format(Locale.ROOT, "$%.4f", i.dphTotal())), row);
            assertTrue(row.contains(i.ssh().userAtHostPort()), row);
            assertTrue(row.contains(i.status()), row);
        }
        double burn = expected.stream().mapToDouble(Instance::billedRate).sum();
        assertEquals("", lines.get(lines.size() - 2));
        assertTrue(
                lines.get(lines.size() - 1)
                        .startsWith(String.format(Locale.ROOT, "Total: $%.4f/hr for 3 instances", burn)),
                lines.get(lines.size() - 1));
        assertEquals("", r.err());
    }

    @Test
    void gpuCountIsShownWhenMoreThanOne() {
        start(SimulatorConfig.defaults().withInstances(0));
        long id = sim.state().addInstance("RTX 4090", 4, 1.6, "quad");

        String row = cli().run("instances").outLines().get(1);

        assertTrue(row.strip().startsWith(String.valueOf(id)), row);
        assertTrue(row.contains("4x RTX 4090"), row);
        assertTrue(row.contains("$1.6000"), row);
        assertTrue(row.contains("quad"), row);
    }

    @Test
    void quietPrintsEveryIdAcrossPages() {
        start(SimulatorConfig.defaults().withInstances(60));
        CliHarness.Result r = cli().run("instances", "-q");

        assertEquals(0, r.exit(), r.err());
        Set<Long> printed = r.outLines().stream().map(Long::parseLong).collect(Collectors.toSet());
        Set<Long> expected = alive().stream().map(SimInstance::id).collect(Collectors.toSet());
        assertEquals(60, expected.size());
        assertEquals(expected, printed);
        assertTrue(sim.count("GET", "/api/v1/instances/") >= 3, "60 instances take three pages of 25");
    }

    @Test
    void jsonIsAnArrayOfInstancesWithVastFieldNames() throws Exception {
        start();
        CliHarness.Result r = cli().run("instances", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode array = Json.mapper().readTree(r.out());
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        Set<Long> ids = new HashSet<>();
        for (JsonNode row : array) {
            ids.add(row.get("id").asLong());
            assertTrue(row.get("gpu_name").isTextual());
            assertTrue(row.get("dph_total").isNumber());
            assertTrue(row.has("actual_status"));
            assertFalse(row.has("gone"), "helper flags are not Vast fields");
        }
        assertEquals(alive().stream().map(SimInstance::id).collect(Collectors.toSet()), ids);
    }

    @Test
    void emptyAccountSaysSo() {
        start(SimulatorConfig.defaults().withInstances(0));
        CliHarness.Result r = cli().run("instances");

        assertEquals(0, r.exit());
        assertEquals("No active instances.\n", r.out());
    }

    @Test
    void withoutAKeyItExplainsHowToSetOneAndSendsNothing() {
        start();
        CliHarness.Result r = CliHarness.withoutKey(sim, home).run("instances");

        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("Command failed: no_api_key: "), r.err());
        assertTrue(
                r.err().contains("VAST_API_KEY")
                        && r.err().contains("--api-key")
                        && r.err().contains("vastai/vast_api_key"),
                r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void keyFromTheVastConfigFileIsUsed() throws Exception {
        start();
        java.nio.file.Path file = home.resolve(".config/vastai/vast_api_key");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, sim.apiKey() + "\n");

        CliHarness.Result r = CliHarness.withoutKey(sim, home).run("instances", "-q");

        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.outLines().size());
    }

    @Test
    void rejectedKeyExitsFourOnOneLineWithoutPrintingTheKey() {
        start();
        String wrong = "f".repeat(64);
        CliHarness.Result r = cli().run("instances", "--api-key", wrong);

        assertEquals(4, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("Command failed: auth_error: "), r.err());
        assertTrue(r.err().contains("--api-key"), "says where the key came from: " + r.err());
        assertFalse(r.all().contains(wrong));
        assertFalse(r.all().contains(sim.apiKey()));
    }

    @Test
    void verboseLogsEachRequestButNeverTheKey() {
        start();
        CliHarness.Result r = cli().run("instances", "-v");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("GET /api/v1/instances/ -> 200"), r.err());
        assertFalse(r.all().contains(sim.apiKey()));
    }

    @Test
    void urlFlagWinsOverTheEnvironment() {
        start();
        CliHarness.Result r = cli().env("VAST_URL", "http://127.0.0.1:1")
                .run("instances", "-q", "--url", sim.baseUrl().toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.outLines().size());
    }
}
