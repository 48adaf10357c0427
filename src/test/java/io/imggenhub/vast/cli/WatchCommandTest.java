package io.imggenhub.vast.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.sim.SimulatorConfig;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code watch} against the simulator on one frozen clock shared with the commands: advancing it ages the
 * instances, moves billing and the guards' "now" together, so nothing waits for real time to pass.
 */
class WatchCommandTest extends SimTest {
    private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ";
    private Clock clock;
    private long id;
    private long other;

    private void startFrozen() {
        start(SimulatorConfig.defaults().withInstances(0).withTimeScale(0).withCredit(100));
        clock = sim.shareClockWithClients();
        id = sim.state().addInstance("RTX 4090", 1, 0.40, "job");
        other = sim.state().addInstance("RTX 3060", 1, 0.10, "other");
    }

    private CliHarness at() {
        return cli().clock(clock);
    }

    private List<JsonNode> audit() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        Json.mapper()
                .readTree(at().run("history", "--json").out())
                .get("events")
                .forEach(events::add);
        return events;
    }

    @Test
    void anInstancePastItsTtlIsDestroyedWithinOnePollAndTheAuditNamesTheGuard() throws Exception {
        startFrozen();
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());

        CliHarness.Result young = at().run("watch", "--once");
        assertEquals(0, young.exit(), young.all());
        assertEquals(
                List.of(),
                young.outLines().stream().filter(l -> l.contains("[GUARD]")).toList());
        assertTrue(
                young.outLines().get(0).matches(STAMP + "2 instances, \\$0\\.5000/hr, credit \\$100\\.00"),
                young.out());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));

        sim.clock().advance(Duration.ofMinutes(61));
        CliHarness.Result r = at().run("watch", "--once");

        assertEquals(0, r.exit(), r.all());
        assertTrue(
                r.outLines().stream()
                        .anyMatch(l -> l.matches(
                                STAMP + "\\[GUARD] Guard destroyed instance " + id + ": lifetime 1 h reached\\.")),
                r.out());
        assertTrue(sim.state().isDestroyed(id));
        assertFalse(sim.state().isDestroyed(other), "only the guarded instance");
        CliHarness.Result one = at().run("watch", "--once");
        assertTrue(one.outLines().get(0).matches(STAMP + "1 instance, \\$.*"), "a real singular: " + one.out());
        List<JsonNode> events = audit();
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.get("action").asText().equals("guard")
                                && e.get("reason").asText().equals("guard:ttl")
                                && e.get("detail").asText().contains("lifetime 1 h reached")),
                events.toString());
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.get("action").asText().equals("destroy")
                                && e.get("reason").asText().equals("guard:ttl")
                                && e.get("phase").asText().equals("OUTCOME")),
                events.toString());
        assertTrue(events.stream().noneMatch(e -> e.get("unconfirmed").asBoolean()), events.toString());
    }

    /** Issue 11 item 4: a guard whose destroy failed once let {@code watch --once} exit 0. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"500", "ghost"})
    void onceExitsOneAndSaysStillBillingWhenAGuardsDestroyFailed(String fault) {
        startFrozen();
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        if (fault.equals("ghost")) {
            sim.faults().ignoreDestroy(id); // vast-api.md §3.3: accepted is not done
        } else {
            sim.faults().failDestroy(id, 500);
        }
        sim.clock().advance(Duration.ofMinutes(61));

        CliHarness.Result r = at().run("watch", "--once");

        assertEquals(1, r.exit(), r.all());
        assertFalse(sim.state().isDestroyed(id));
        assertTrue(
                r.outLines().stream()
                        .anyMatch(l -> l.matches(STAMP + "\\[ERROR] STILL BILLING: instance " + id
                                + " \\(RTX 4090, \\$0\\.4000/hr\\): .*")),
                r.out());
        assertTrue(
                r.outLines().stream().anyMatch(l -> l.matches(STAMP + "\\[ERROR] STILL BILLING: 1 instance at .*")),
                r.out());
    }

    @Test
    void keepItHoldsTheActionBackUntilItEnds() throws Exception {
        startFrozen();
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        sim.clock().advance(Duration.ofMinutes(61));
        assertEquals(
                0,
                at().run("guard", "keep", "--instance-id", String.valueOf(id), "--for", "30m")
                        .exit());

        CliHarness.Result kept = at().run("watch", "--once");
        assertEquals(0, kept.exit(), kept.all());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"), kept.out());
        assertFalse(sim.state().isDestroyed(id));

        sim.clock().advance(Duration.ofMinutes(26));
        CliHarness.Result warned = at().run("watch", "--once");
        assertTrue(
                warned.outLines().stream()
                        .anyMatch(l -> l.matches(STAMP + "\\[WARN] Instance " + id
                                + " \\(RTX 4090\\) will be destroyed at \\d\\d:\\d\\d: lifetime 1 h reached\\. 'guard keep --instance-id "
                                + id + " --for 1h' holds it back\\.")),
                warned.out());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));

        sim.clock().advance(Duration.ofMinutes(5));
        CliHarness.Result acted = at().run("watch", "--once");
        assertTrue(acted.out().contains("[GUARD] Guard destroyed instance " + id), acted.out());
        assertTrue(sim.state().isDestroyed(id));
    }

    @Test
    void eachPollIsRecordedSoHistoryShowsTheSpend() throws Exception {
        startFrozen();
        assertEquals(0, at().run("watch", "--once").exit());
        sim.clock().advance(Duration.ofMinutes(30));
        assertEquals(0, at().run("watch", "--once").exit());

        CliHarness.Result r = at().run("history", "--spend", "--json");

        assertEquals(0, r.exit(), r.all());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(2, json.get("points").size(), r.out());
        // Half an hour at $0.50/hr.
        assertEquals(0.25, json.get("estimated_spend").asDouble(), 1e-6, r.out());
        assertEquals(id, json.get("instances").get(0).get("instance_id").asLong());
        assertEquals(0.20, json.get("instances").get(0).get("estimated_spend").asDouble(), 1e-6);
        CliHarness.Result table = at().run("history", "--spend");
        assertTrue(table.outLines().get(0).startsWith("Estimated spend since "), table.out());
        assertTrue(table.outLines().get(0).endsWith(": $0.25 (from 2 recorded polls)"), table.out());
    }

    @Test
    void alertsAreLinesToo() {
        startFrozen();
        sim.state().addInstance("H100 SXM", 8, 20.0, "big");
        CliHarness.Result r = at().run("watch", "--once");
        assertTrue(
                r.outLines().stream().anyMatch(l -> l.matches(STAMP + "\\[ALERT] High spend: Burning \\$20\\.50/hr.*")),
                r.out());
    }

    @Test
    void aFailedPollIsPrintedAndOnceExitsOne() {
        startFrozen();
        sim.faults().serverErrorRate(1.0);
        CliHarness.Result r = at().run("watch", "--once");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.outLines().get(0).matches(STAMP + "\\[ERROR] Poll failed: .*"), r.out());
    }

    @Test
    void theLoopSurvivesFailuresAndStopsWhenAsked() throws Exception {
        startFrozen();
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--ttl", "1h")
                        .exit());
        sim.clock().advance(Duration.ofMinutes(61));
        sim.faults().serverErrorRate(1.0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VastCli.commandLine(at().context(out, err));
        WatchCommand watch = cl.getSubcommands().get("watch").getCommand();
        CompletableFuture<Integer> running =
                CompletableFuture.supplyAsync(() -> cl.execute("watch", "--interval", "0.05s"));

        await().atMost(30, TimeUnit.SECONDS).until(() -> out.toString().contains("[ERROR] Poll failed: "));
        sim.faults().serverErrorRate(0);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> out.toString().contains("[GUARD] Guard destroyed instance " + id));
        watch.requestStop();

        assertEquals(0, running.get(30, TimeUnit.SECONDS), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(
                lines.get(0).matches(STAMP + "Watching " + sim.baseUrl() + " every .*Ctrl-C stops\\."), out.toString());
        assertTrue(lines.get(lines.size() - 1).matches(STAMP + "Stopped\\."), out.toString());
        assertTrue(sim.state().isDestroyed(id));
    }

    @Test
    void badIntervalIsUsage() {
        startFrozen();
        CliHarness.Result r = at().run("watch", "--interval", "0s");
        assertEquals(2, r.exit());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void aRunningWatchCountsIdleTimeAndDestroysAnIdleInstance() throws Exception {
        startFrozen();
        sim.state().setGpuUtil(id, 1);
        sim.state().setGpuUtil(other, 80);
        assertEquals(
                0,
                at().run("guard", "set", "--instance-id", String.valueOf(id), "--idle-below", "5", "--idle-for", "30m")
                        .exit());
        StringWriter out = new StringWriter();
        CommandLine cl = VastCli.commandLine(at().context(out, new StringWriter()));
        WatchCommand watch = cl.getSubcommands().get("watch").getCommand();
        long before = sim.count("GET", "/api/v1/instances/");
        CompletableFuture<Integer> running =
                CompletableFuture.supplyAsync(() -> cl.execute("watch", "--interval", "0.05s"));
        // Polls run one after another: once the second has listed, the first has seen the GPU idle.
        await().atMost(30, TimeUnit.SECONDS).until(() -> sim.count("GET", "/api/v1/instances/") >= before + 2);
        assertFalse(sim.state().isDestroyed(id), "idle only since the first poll");

        sim.clock().advance(Duration.ofMinutes(31));
        await().atMost(30, TimeUnit.SECONDS).until(() -> sim.state().isDestroyed(id));
        watch.requestStop();

        assertEquals(0, running.get(30, TimeUnit.SECONDS));
        assertTrue(
                out.toString().contains("[GUARD] Guard destroyed instance " + id + ": GPU below 5% for 30 min."),
                out.toString());
        assertFalse(sim.state().isDestroyed(other), "a busy instance stays");
    }

    @Test
    void aDailyCapBreachIsAnAlertAndDestroysOnlyWhenAskedTo() throws Exception {
        startFrozen();
        CliHarness morning = at().zone(java.time.ZoneOffset.ofTotalSeconds(
                (int) (6 * 3600 - Math.floorMod(clock.instant().getEpochSecond(), 86_400L))));
        assertEquals(0, morning.run("guard", "account", "--daily-cap", "0.2").exit());
        assertEquals(0, morning.run("watch", "--once").exit());
        sim.clock().advance(Duration.ofMinutes(30));

        CliHarness.Result alert = morning.run("watch", "--once");
        assertTrue(
                alert.outLines().stream()
                        .anyMatch(l -> l.matches(STAMP
                                + "\\[ALERT] Daily spend cap reached: \\$0\\.25 spent today \\(\\$0\\.25 billed by Vast up to \\d\\d:\\d\\d,"
                                + " about \\$0\\.00 estimated since\\) \\(cap \\$0\\.20\\)\\.")),
                alert.out());
        assertEquals(0, sim.count("DELETE", "/api/v0/instances/"));

        assertEquals(0, morning.run("guard", "account", "--destroy-on-breach").exit());
        CliHarness.Result destroyed = morning.run("watch", "--once");
        assertTrue(
                destroyed.out().contains("[GUARD] Guard destroyed 2 instances: daily cap $0.20 reached"),
                destroyed.out());
        assertTrue(alive().isEmpty());
        assertTrue(audit().stream()
                .anyMatch(e -> e.get("reason").asText().equals("guard:daily-cap")
                        && e.get("action").asText().equals("destroy-all")
                        && e.get("phase").asText().equals("OUTCOME")));
    }
}
