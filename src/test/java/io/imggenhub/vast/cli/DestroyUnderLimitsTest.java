package io.imggenhub.vast.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.RecordedRequest;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.store.LocalData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * destroy-all and the emergency cleanup against a simulator that enforces Vast's documented limits
 * (vast-api.md §3.3, §5; scaled to 2 % for the suite, the benchmark runs them at full scale), and the faults the
 * old one-DELETE-per-instance destroyer did not survive. Each test says how many instances are left, the exit
 * code and how many requests were answered 429.
 */
class DestroyUnderLimitsTest extends SimTest {

    private long deletes() {
        return sim.requests().stream().filter(r -> r.method().equals("DELETE")).count();
    }

    private long bulkDeletes() {
        return sim.requests().stream()
                .filter(r -> r.method().equals("DELETE")
                        && r.path().replaceAll("/+", "/").equals("/api/v0/instances/"))
                .count();
    }

    @Test
    void destroyAllOfOneHundredUsesTwoBulkRequestsAndMeetsNo429() {
        start(SimulatorConfig.defaults().withInstances(100));

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit(), r.all());
        assertEquals(
                "Destroyed 100/100 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertTrue(alive().isEmpty());
        assertEquals(0, sim.faults().rateLimitedCount());
        assertEquals(2, bulkDeletes(), "100 ids in chunks of at most 64");
        assertEquals(2, deletes(), "no single DELETEs");
    }

    @Test
    void theEmergencyCleanupOfFortyIsOneBulkRequest() {
        start(SimulatorConfig.defaults().withInstances(40));
        sim.state().setCredit(0);

        CliHarness.Result r = cli().run(
                        "reserve",
                        "--offer-id",
                        String.valueOf(sim.state().offers().get(0).id()),
                        "--force");

        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().contains("[ERROR] All instances destroyed to prevent further costs."), r.err());
        assertTrue(alive().isEmpty());
        assertEquals(0, sim.faults().rateLimitedCount());
        assertEquals(1, deletes(), "40 ids fit one bulk request");
    }

    @Test
    void aGhostDestroyIsDestroyedAgainThenReportedAsStillBilling() {
        start(SimulatorConfig.defaults().withInstances(10));
        long ghost = sim.state().instances().get(4).id();
        sim.faults().ignoreDestroy(ghost);

        CliHarness.Result r = cli().destroyerSettings(new io.imggenhub.vast.core.Destroyer.Settings(
                        6, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(50)))
                .run("destroy-all", "--yes");

        assertEquals(1, r.exit(), r.all());
        assertEquals("Destroyed 9/10 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertTrue(r.err().contains("STILL BILLING: instance " + ghost), r.err());
        assertEquals(List.of(ghost), alive().stream().map(i -> i.id()).toList());
        assertEquals(2, bulkDeletes(), "the ghost was destroyed once more before it was reported");
        assertEquals(0, sim.faults().rateLimitedCount());
    }

    @Test
    void aBulk400FallsBackToSingleDeletesForThatChunk() {
        start(SimulatorConfig.defaults().withInstances(4));
        long refused = sim.state().instances().get(1).id();
        sim.faults().failDestroy(refused, 400);

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(1, r.exit(), r.all());
        assertEquals("Destroyed 3/4 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertEquals(List.of(refused), alive().stream().map(i -> i.id()).toList());
        assertEquals(1, bulkDeletes());
        assertEquals(4, deletes() - bulkDeletes(), "one single DELETE per id of the refused chunk");
        assertEquals(0, sim.faults().rateLimitedCount(), "singles paced 3 s (x scale) apart");
    }

    @Test
    void serverErrorsAndDroppedConnectionsResendTheSameChunk() {
        // The destroyer gets its targets (as the window and the guards do), so the faults hit the bulk requests.
        start(SimulatorConfig.defaults().withInstances(5));
        io.imggenhub.vast.api.VastClient client =
                new io.imggenhub.vast.api.VastClient(io.imggenhub.vast.api.ClientSettings.of(
                        sim.baseUrl(), new io.imggenhub.vast.config.ApiKey(sim.apiKey(), "t")));
        var targets = client.listInstances();
        sim.faults().serverErrorNext(1);
        var destroyer = new io.imggenhub.vast.core.Destroyer(
                client, CliHarness.FAST, io.imggenhub.vast.core.AuditSink.NONE, java.time.Clock.systemUTC());
        sim.clearRequests();
        var report = destroyer.destroy(targets, "test", io.imggenhub.vast.core.DestroyListener.NONE);
        assertTrue(report.allStopped());
        assertTrue(alive().isEmpty());
        List<Integer> statuses = sim.requests().stream()
                .filter(q -> q.method().equals("DELETE"))
                .map(RecordedRequest::status)
                .toList();
        assertEquals(List.of(500, 200), statuses, "the same chunk again after the 5xx");

        sim.close();
        start(SimulatorConfig.defaults().withInstances(5));
        client = new io.imggenhub.vast.api.VastClient(io.imggenhub.vast.api.ClientSettings.of(
                sim.baseUrl(), new io.imggenhub.vast.config.ApiKey(sim.apiKey(), "t")));
        targets = client.listInstances();
        sim.faults().dropConnectionNext(1);
        destroyer = new io.imggenhub.vast.core.Destroyer(
                client, CliHarness.FAST, io.imggenhub.vast.core.AuditSink.NONE, java.time.Clock.systemUTC());
        sim.clearRequests();
        report = destroyer.destroy(targets, "test", io.imggenhub.vast.core.DestroyListener.NONE);
        assertTrue(report.allStopped());
        assertTrue(alive().isEmpty());
        assertEquals(
                List.of(0, 200),
                sim.requests().stream()
                        .filter(q -> q.method().equals("DELETE"))
                        .map(RecordedRequest::status)
                        .toList(),
                "the same chunk again after the dropped connection");
        assertEquals(0, sim.faults().rateLimitedCount());
    }

    @Test
    void aBulk404IsVerifiedByListingSinceTheyMayBeGoneAlready() {
        start(SimulatorConfig.defaults().withInstances(3));
        io.imggenhub.vast.api.VastClient client =
                new io.imggenhub.vast.api.VastClient(io.imggenhub.vast.api.ClientSettings.of(
                        sim.baseUrl(), new io.imggenhub.vast.config.ApiKey(sim.apiKey(), "t")));
        var targets = client.listInstances();
        targets.forEach(i -> sim.state().destroy(i.id()));
        sim.clearRequests();

        var report = new io.imggenhub.vast.core.Destroyer(
                        client, CliHarness.FAST, io.imggenhub.vast.core.AuditSink.NONE, java.time.Clock.systemUTC())
                .destroy(targets, "test", io.imggenhub.vast.core.DestroyListener.NONE);

        assertTrue(report.allStopped(), report.toString());
        assertTrue(report.outcomes().stream()
                .allMatch(o -> o.status() == io.imggenhub.vast.core.DestroyOutcome.Status.ALREADY_GONE));
        assertEquals(
                List.of(404),
                sim.requests().stream()
                        .filter(q -> q.method().equals("DELETE"))
                        .map(RecordedRequest::status)
                        .toList());
        assertTrue(sim.count("GET", "/api/v1/instances/") >= 1, "verified through the list");
    }

    @Test
    void aServerThatAnswers429ToEverySecondDeleteNoLongerHangsIt() {
        start(SimulatorConfig.defaults().withInstances(30));
        sim.faults().rateLimitEveryNthDelete(2);

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit(), r.all());
        assertEquals(
                "Destroyed 30/30 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertTrue(alive().isEmpty());
        assertEquals(deletes() / 2, sim.faults().rateLimitedCount());
    }

    @Test
    void theSimulatorsFaultMixEndsWithAReportByTheDeadline() {
        start(SimulatorConfig.defaults().withInstances(200));
        sim.faults()
                .serverErrorRate(0.2)
                .dropConnectionRate(0.1)
                .malformedJsonRate(0.1)
                .rateLimitRate(0.1);

        CliHarness.Result r = cli().destroyerSettings(new io.imggenhub.vast.core.Destroyer.Settings(
                        12, Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofMillis(50)))
                .run("destroy-all", "--yes", "--deadline", "60s");

        assertTrue(r.exit() == 0 || r.exit() == 1, r.all());
        String last = r.outLines().get(r.outLines().size() - 1);
        assertTrue(last.matches("Destroyed \\d+/\\d+ instance\\(s\\)"), r.all());
        assertTrue(r.err().contains("[destroy-all] listed"), "progress was printed: " + r.err());
        if (r.exit() == 0) {
            assertTrue(alive().isEmpty());
        } else {
            assertTrue(r.err().contains("STILL BILLING") || r.err().contains("more may be billing"), r.err());
        }
    }

    @Test
    void aFailingListPageIsRetriedAndAListingThatStaysBrokenStillDestroysWhatWasListed() {
        start(SimulatorConfig.defaults().withInstances(60));
        sim.faults().serverErrorNext(1);

        CliHarness.Result retried = cli().run("destroy-all", "--yes");

        assertEquals(0, retried.exit(), retried.all());
        assertTrue(alive().isEmpty());
        sim.close();

        start(SimulatorConfig.defaults().withInstances(60));
        sim.faults().failLaterListPages(1000);

        CliHarness.Result broken = cli().run("destroy-all", "--yes");

        assertEquals(1, broken.exit(), broken.all());
        assertEquals(
                "Destroyed 25/25 instance(s)",
                broken.outLines().get(broken.outLines().size() - 1));
        assertTrue(broken.err().contains("listing failed after 1 page ("), broken.err());
        assertTrue(broken.err().contains("more may be billing"), broken.err());
        assertEquals(35, alive().size(), "page 1 was destroyed, pages 2-3 could not be read");
    }

    @Test
    void endlessPagesAreBoundedByTheFirstPagesCount() {
        start(SimulatorConfig.defaults().withInstances(30));
        sim.faults().endlessPages(true);

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertTrue(alive().isEmpty(), r.all());
        assertEquals(1, r.exit(), "the list never ended: the report says more may be billing");
        assertTrue(r.err().contains("the list did not end"), r.err());
        long pages = sim.requests().stream()
                .filter(q -> q.method().equals("GET")
                        && q.query() != null
                        && !q.query().contains("select_filters"))
                .count();
        assertTrue(pages <= io.imggenhub.vast.api.InstancePage.pageBound(30), "pages read: " + pages);
    }

    @Test
    void aLockedLocalDatabaseNeverBlocksTheDestroy() throws Exception {
        start(SimulatorConfig.defaults().withInstances(8));
        Path dataDir = home.resolve("data");
        Path file = dataDir.resolve("history.db");
        LocalData.open(file).close();
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement holder = other.createStatement();
        holder.execute("BEGIN IMMEDIATE");
        holder.execute("INSERT INTO audit(at_ms, action, reason, phase, instance_ids, detail) "
                + "VALUES (0, 'other', 'other', 'INTENT', '[]', 'holding the write lock')");
        AtomicReference<CliHarness.Result> result = new AtomicReference<>();
        CliHarness cli = cli().env("IMGGENHUB_VAST_DATA", dataDir.toString());
        Thread run = new Thread(() -> result.set(cli.run("destroy-all", "--yes")));
        run.start();
        try {
            // The bulk request goes out while the lock is still held: its intent waits in memory.
            await().atMost(Duration.ofSeconds(30)).until(() -> deletes() >= 1);
        } finally {
            holder.execute("ROLLBACK");
            other.close();
        }
        run.join(60_000);

        CliHarness.Result r = result.get();
        assertEquals(0, r.exit(), r.all());
        assertTrue(alive().isEmpty());
        assertTrue(r.err().contains("locked by another program"), r.err());
        assertEquals(0, sim.faults().rateLimitedCount());
        try (LocalData data = LocalData.open(file)) {
            var events = data.audit().since(java.time.Instant.EPOCH, 100);
            assertTrue(
                    events.stream()
                            .anyMatch(e -> e.action().equals("destroy-all")
                                    && e.detail().startsWith("stopped 8/8")),
                    "written once the lock freed: " + events);
        }
    }

    @Test
    void aRowThatSaysDestroyedButStillRunsIsShownAndDestroyed() {
        start(SimulatorConfig.defaults().withInstances(3));
        long stuck = sim.state().instances().get(1).id();
        sim.state().markDestroyPending(stuck);

        CliHarness.Result shown = cli().run("instances");
        assertEquals(0, shown.exit(), shown.all());
        assertTrue(shown.out().contains(String.valueOf(stuck)), "billing, so listed: " + shown.out());

        CliHarness.Result r = cli().run("destroy-all", "--yes");

        assertEquals(0, r.exit(), r.all());
        assertEquals("Destroyed 3/3 instance(s)", r.outLines().get(r.outLines().size() - 1));
        assertTrue(alive().isEmpty());
        assertEquals(0, sim.faults().rateLimitedCount());
    }
}
