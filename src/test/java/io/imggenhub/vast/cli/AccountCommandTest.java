package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccountCommandTest extends SimTest {

    @Test
    void showsCreditBurnRunwayAndBillingInstances() {
        start(SimulatorConfig.defaults().withTimeScale(0));
        double burn = listed().stream().mapToDouble(Instance::billedRate).sum();
        double credit = sim.state().credit();

        CliHarness.Result r = cli().run("account");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        // Anything after the four lines is an alert from the window's rules.
        assertTrue(
                lines.size() >= 4 && lines.subList(4, lines.size()).stream().allMatch(l -> l.startsWith("[ALERT] ")),
                r.out());
        assertTrue(lines.get(0).matches("Credit:\\s+\\$" + String.format(Locale.ROOT, "%.2f", credit)), lines.get(0));
        assertTrue(
                lines.get(1).matches("Burn:\\s+\\$" + String.format(Locale.ROOT, "%.4f", burn) + "/hr .*"),
                lines.get(1));
        // One duration format for the CLI and the window (issue 12): "13 h 16 m", not "13.3 h".
        String runway =
                io.imggenhub.vast.core.Formats.duration(java.time.Duration.ofSeconds((long) (credit / burn * 3600)));
        assertTrue(
                lines.get(2)
                        .matches("Runway:\\s+(" + runway + "|\\d+ h \\d+ m)"
                                + " \\(credit reaches \\$0 around \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+\\)"),
                lines.get(2));
        assertTrue(lines.get(3).matches("Instances billing:\\s+3 of 3"), lines.get(3));
    }

    @Test
    void jsonCarriesTheSameNumbers() throws Exception {
        start(SimulatorConfig.defaults().withTimeScale(0));
        double burn = listed().stream().mapToDouble(Instance::billedRate).sum();
        double credit = sim.state().credit();

        CliHarness.Result r = cli().run("account", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode node = Json.mapper().readTree(r.out());
        assertEquals(credit, node.get("credit").asDouble(), 1e-9);
        assertEquals(burn, node.get("burn_per_hour").asDouble(), 1e-9);
        assertEquals(credit / burn, node.get("runway_hours").asDouble(), 1e-3);
        Instant zero = Instant.parse(node.get("credit_zero_at").asText());
        Instant fetched = Instant.parse(node.get("fetched_at").asText());
        assertEquals(credit / burn * 3600, zero.getEpochSecond() - fetched.getEpochSecond(), 2);
        assertEquals(3, node.get("instances_billing").asInt());
    }

    @Test
    void nothingBillingMeansNoRunwayLimit() {
        start(SimulatorConfig.defaults().withInstances(0));
        CliHarness.Result r = cli().run("account");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("unlimited (nothing is billing)"), r.out());
        assertTrue(r.out().contains("0 of 0"), r.out());
    }

    @Test
    void activeAlertsFollowTheTable() throws Exception {
        start(SimulatorConfig.defaults().withInstances(0).withTimeScale(0));
        sim.state().addInstance("RTX 4090", 8, 3.20, "big");
        sim.state().setCredit(10);

        CliHarness.Result r = cli().run("account");

        assertEquals(0, r.exit(), r.err());
        List<String> alerts =
                r.outLines().stream().filter(l -> l.startsWith("[ALERT] ")).toList();
        assertTrue(
                alerts.stream().anyMatch(l -> l.startsWith("[ALERT] High spend: Burning $3.20/hr (limit $1.00/hr)")),
                r.out());
        assertTrue(
                alerts.stream().anyMatch(l -> l.startsWith("[ALERT] Credit running out: Credit $10.00 lasts 3.1 h")),
                r.out());
        JsonNode json = Json.mapper().readTree(cli().run("account", "--json").out());
        assertEquals(2, json.get("alerts").size(), json.toString());
    }

    @Test
    void noAlertWhenSpendIsCalm() {
        start(SimulatorConfig.defaults().withInstances(0).withTimeScale(0));
        sim.state().addInstance("RTX 3060", 1, 0.10, "small");
        sim.state().setCredit(100);

        CliHarness.Result r = cli().run("account");

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("[ALERT]"), r.out());
    }

    /** Issue 10 §4: credit at or below zero is an emergency: "used up", no "reaches $0" time, balance overdrawn. */
    @Test
    void overdrawnCreditIsShownAsUsedUp() throws Exception {
        start(io.imggenhub.vast.sim.SimulatorConfig.defaults().withTimeScale(0));
        sim.state().setCredit(-0.04);

        CliHarness.Result r = cli().run("account");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Credit:             -$0.04 (used up"), r.out());
        assertTrue(r.out().contains("-$0.04 (overdrawn)"), r.out());
        assertFalse(r.out().contains("reaches $0"), r.out());
        var json = io.imggenhub.vast.api.Json.mapper()
                .readTree(cli().run("account", "--json").out());
        assertTrue(json.get("credit_used_up").asBoolean());
        assertEquals(-0.04, json.get("balance").asDouble(), 1e-9);
        assertTrue(json.get("credit_zero_at").isNull());
    }
}
