package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardCommandTest extends SimTest {
    private Clock clock;
    private long id;

    private void startFrozen() {
        start(SimulatorConfig.defaults().withInstances(0).withTimeScale(0));
        clock = sim.shareClockWithClients();
        id = sim.state().addInstance("RTX 4090", 1, 0.40, "job");
    }

    private CliHarness guard() {
        return cli().clock(clock);
    }

    /**
     * Issue 11 item 3: a watchdog in the onstart is only "watchdog" once it has reported itself armed (through the
     * label, vast-api.md §3.7); before that, and forever when the image cannot send, it is "watchdog unconfirmed".
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void guardListSaysWatchdogOnlyOnceTheWatchdogReportedItselfArmed(boolean imageCannotSend) throws Exception {
        start(SimulatorConfig.defaults().withInstances(0).withTimeScale(0).withBootTime(Duration.ofMinutes(2)));
        clock = sim.shareClockWithClients();
        long offer = sim.state().offers().get(0).id();
        CliHarness.Result rent =
                guard().run("reserve", "--offer-id", String.valueOf(offer), "--ttl", "2h", "--watchdog", "--wait", "0");
        assertEquals(0, rent.exit(), rent.all());
        long rented = sim.state().instances().get(0).id();
        if (imageCannotSend) {
            sim.state().muteWatchdog(rented);
        }

        CliHarness.Result before = guard().run("guard", "list");
        assertTrue(
                before.outLines().get(1).matches(rented + "\\s+.*\\s+local \\+ watchdog unconfirmed\\s+.*"),
                before.out());
        JsonNode row = Json.mapper()
                .readTree(guard().run("guard", "list", "--json").out())
                .get("instances")
                .get(0);
        assertFalse(row.get("watchdog_armed").asBoolean());

        sim.clock().advance(Duration.ofMinutes(3));
        CliHarness.Result after = guard().run("guard", "list");

        String expected = imageCannotSend ? "local \\+ watchdog unconfirmed" : "local \\+ watchdog";
        assertTrue(after.outLines().get(1).matches(rented + "\\s+.*\\s+" + expected + "\\s+\\d{4}-.*"), after.out());
        assertEquals(
                !imageCannotSend,
                Json.mapper()
                        .readTree(guard().run("guard", "list", "--json").out())
                        .get("instances")
                        .get(0)
                        .get("watchdog_armed")
                        .asBoolean());
    }

    @Test
    void setListAndClearAGuard() throws Exception {
        startFrozen();
        CliHarness.Result set = guard().run(
                        "guard",
                        "set",
                        "--instance-id",
                        String.valueOf(id),
                        "--ttl",
                        "2h",
                        "--idle-below",
                        "5",
                        "--idle-for",
                        "30m");
        assertEquals(0, set.exit(), set.all());
        assertEquals(
                "Guarded instance " + id + ": lifetime 2 h, GPU below 5% for 30 min",
                set.outLines().get(0));
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(sim.state()
                        .instance(id)
                        .orElseThrow()
                        .startDate()
                        .atZone(ZoneOffset.UTC)
                        .plusHours(2));
        assertEquals("Next action: " + due, set.outLines().get(1));
        assertTrue(set.err().contains("only while the window or 'imggenhub-vast watch' runs"), set.err());

        CliHarness.Result list = guard().run("guard", "list");
        assertEquals(0, list.exit(), list.all());
        assertTrue(
                list.outLines().get(0).matches("Instance ID\\s+GPU\\s+\\$/hr\\s+Protection\\s+Next action\\s+Guards"),
                list.out());
        assertTrue(
                list.outLines()
                        .get(1)
                        .matches(
                                id + "\\s+RTX 4090\\s+\\$0\\.4000\\s+local only\\s+" + due
                                        + "\\s+lifetime 2 h → \\d\\d:\\d\\d · GPU below 5% for 30 min \\(not idle now\\) — only while imggenhub-vast runs"),
                list.out());
        assertEquals("Account guards: no account guards", list.outLines().get(2));

        JsonNode json =
                Json.mapper().readTree(guard().run("guard", "list", "--json").out());
        JsonNode row = json.get("instances").get(0);
        assertEquals(id, row.get("instance_id").asLong());
        assertEquals("local_only", row.get("protection").asText());
        assertEquals(List.of("ttl", "idle"), rules(row));

        CliHarness.Result clearTtl =
                guard().run("guard", "clear", "--instance-id", String.valueOf(id), "--rule", "ttl");
        assertEquals(0, clearTtl.exit(), clearTtl.all());
        assertEquals(
                "Instance " + id + " keeps: GPU below 5% for 30 min",
                clearTtl.out().strip());
        CliHarness.Result clear = guard().run("guard", "clear", "--instance-id", String.valueOf(id));
        assertEquals("Instance " + id + " is no longer guarded.", clear.out().strip());
        row = Json.mapper()
                .readTree(guard().run("guard", "list", "--json").out())
                .get("instances")
                .get(0);
        assertEquals("none", row.get("protection").asText());
        CliHarness.Result again = guard().run("guard", "clear", "--instance-id", String.valueOf(id));
        assertEquals(1, again.exit());
        assertEquals("Command failed: no_guard: instance " + id + " has no guard\n", again.err());
    }

    private static List<String> rules(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.get("rules").forEach(r -> out.add(r.get("rule").asText()));
        return out;
    }

    @Test
    void setMergesWithTheRulesAlreadyThere() throws Exception {
        startFrozen();
        assertEquals(
                0,
                guard().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "2h")
                        .exit());
        CliHarness.Result r = guard().run("guard", "set", "--instance-id", String.valueOf(id), "--max-hourly", "0.5");
        assertEquals(
                "Guarded instance " + id + ": lifetime 2 h, at most $0.50/hr",
                r.outLines().get(0));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--ttl|soon|Not a duration: \"soon\"",
                "--ttl|0m|must be longer than zero",
                "--max-hourly|0|must be an amount above $0",
                "--idle-below|150|is not a GPU utilisation above 0 and at most 100",
                "--idle-below|5|--idle-below and --idle-for go together",
                "--idle-for|30m|--idle-below and --idle-for go together",
            })
    void badGuardsExitTwoBeforeAnythingIsSentOrStored(String option, String value, String message) throws Exception {
        startFrozen();
        CliHarness.Result r = guard().run("guard", "set", "--instance-id", String.valueOf(id), option, value);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(0, sim.requests().size());
        JsonNode row = Json.mapper()
                .readTree(guard().run("guard", "list", "--json").out())
                .get("instances")
                .get(0);
        assertEquals("none", row.get("protection").asText());
    }

    @Test
    void aGuardNeedsARuleAndAnInstanceOnTheAccount() {
        startFrozen();
        CliHarness.Result none = guard().run("guard", "set", "--instance-id", String.valueOf(id));
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("Command failed: invalid_guard: Give at least one rule"), none.err());
        assertEquals(0, sim.requests().size());

        CliHarness.Result missing = guard().run("guard", "set", "--instance-id", "999999", "--ttl", "1h");
        assertEquals(1, missing.exit());
        assertTrue(
                missing.err().startsWith("Command failed: not_found: instance 999999 is not on this account"),
                missing.err());

        CliHarness.Result bare = guard().run("guard");
        assertEquals(2, bare.exit());
        assertTrue(bare.err().contains("Missing guard command"), bare.err());
    }

    @Test
    void accountGuardsAreShownAndChanged() throws Exception {
        startFrozen();
        CliHarness.Result set = guard().run("guard", "account", "--daily-cap", "20", "--credit-floor", "5");
        assertEquals(0, set.exit(), set.all());
        assertEquals(
                "Account guards: $20.00 a day, credit floor $5.00; alerts on breach",
                set.out().strip());
        CliHarness.Result destroy = guard().run("guard", "account", "--destroy-on-breach");
        assertEquals(
                "Account guards: $20.00 a day, credit floor $5.00; destroys everything on breach",
                destroy.out().strip());
        JsonNode json =
                Json.mapper().readTree(guard().run("guard", "account", "--json").out());
        assertEquals(20.0, json.get("daily_cap").asDouble());
        assertTrue(json.get("monthly_cap").isNull());
        assertTrue(json.get("destroy_on_breach").asBoolean());
        assertEquals(
                "Account guards: no account guards",
                guard().run("guard", "account", "--clear").out().strip());
        assertEquals(2, guard().run("guard", "account", "--daily-cap", "-1").exit());
    }

    @Test
    void keepNeedsAGuard() {
        startFrozen();
        CliHarness.Result r = guard().run("guard", "keep", "--instance-id", String.valueOf(id), "--for", "30m");
        assertEquals(1, r.exit());
        assertTrue(
                r.err().startsWith("Command failed: no_guard: instance " + id + " has no guard to hold back"), r.err());

        assertEquals(
                0,
                guard().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        CliHarness.Result kept = guard().run("guard", "keep", "--instance-id", String.valueOf(id), "--for", "30m");
        assertEquals(0, kept.exit(), kept.all());
        assertTrue(kept.out().startsWith("Kept instance " + id + ": no guard destroys it until "), kept.out());
        CliHarness.Result neither = guard().run("guard", "keep", "--for", "30m");
        assertEquals(2, neither.exit());
    }

    @Test
    void guardsBelongToOneServer() throws Exception {
        startFrozen();
        assertEquals(
                0,
                guard().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        try (var other = io.imggenhub.vast.sim.VastSimulator.start(
                SimulatorConfig.defaults().withInstances(0))) {
            CliHarness.Result r = CliHarness.against(other, home).run("guard", "account");
            assertEquals(0, r.exit(), r.all());
            CliHarness.Result clear =
                    CliHarness.against(other, home).run("guard", "clear", "--instance-id", String.valueOf(id));
            assertEquals(1, clear.exit(), "the other server has no guard for this id");
        }
    }
}
