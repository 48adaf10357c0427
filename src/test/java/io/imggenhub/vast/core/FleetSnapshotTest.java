package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSnapshotTest {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static Instance instance(long id, String status, double dph, double disk, double storageCostPerGbMonth) {
        double storagePerHour = disk * storageCostPerGbMonth / 720;
        return InstanceBuilder.running(id, dph)
                .gpuName("RTX 3090")
                .actualStatus(status)
                .curState("stopped".equals(status) ? "stopped" : "running")
                .dphBase(dph - storagePerHour)
                .storageCost(storageCostPerGbMonth)
                .storageTotalCost(storagePerHour)
                .diskSpace(disk)
                .sshHost("ssh5.vast.ai")
                .sshPort(10000 + (int) id)
                .publicIpaddr("1.2.3.4\n")
                .ports(Map.of())
                .startDate((double) NOW.minus(Duration.ofHours(2)).getEpochSecond())
                .gpuUtil(50.0)
                .gpuRam(24576.0)
                .imageUuid("img")
                .imageRuntype("ssh")
                .isBid(false)
                .geolocation("US")
                .build();
    }

    @Test
    void burnCountsRunningAtFullRateAndStoppedAtStorageOnly() {
        var running = instance(1, "running", 0.30, 72, 0.1); // storage 0.01/hr
        var stopped = instance(2, "exited", 0.50, 72, 0.1); // pays 0.01/hr storage only
        var snapshot = new FleetSnapshot(List.of(running, stopped), account(12.0), NOW);

        assertEquals(0.31, snapshot.burnPerHour(), 1e-9);
        assertEquals(0.31 * 24, snapshot.burnPerDay(), 1e-9);
        assertEquals(2, snapshot.billingCount());
    }

    @Test
    void runwayIsCreditOverBurnAndGivesTheClockTimeOfZero() {
        var snapshot = new FleetSnapshot(List.of(instance(1, "running", 0.5, 10, 0.0)), account(3.0), NOW);
        assertEquals(Duration.ofHours(6), snapshot.runway().orElseThrow());
        assertEquals(NOW.plus(Duration.ofHours(6)), snapshot.creditZeroAt().orElseThrow());
    }

    @Test
    void nothingBillingMeansNoRunway() {
        assertTrue(new FleetSnapshot(List.of(), account(3.0), NOW).runway().isEmpty());
    }

    @Test
    void destroyedRowsStillListedDoNotBill() {
        var gone = InstanceBuilder.running(3, 1.2)
                .gpuName("A100")
                .actualStatus("destroyed")
                .intendedStatus("destroyed")
                .curState("unloaded")
                .build();
        var snapshot = new FleetSnapshot(List.of(gone), account(1.0), NOW);
        assertEquals(0.0, snapshot.burnPerHour());
        assertTrue(snapshot.live().isEmpty());
    }

    @Test
    void costSoFarIsRateTimesUptime() {
        var running = instance(1, "running", 0.25, 0, 0);
        assertEquals(0.5, running.estimatedCost(NOW), 1e-9);
    }

    @Test
    void sshUsesTheProxyAddressUntilADirectPortIsMapped() {
        var proxied = instance(1, "running", 0.25, 0, 0);
        assertEquals("root@ssh5.vast.ai:10001", proxied.ssh().userAtHostPort());
        assertEquals("ssh -p 10001 root@ssh5.vast.ai", proxied.ssh().command());

        var direct = InstanceBuilder.running(2, 0.2)
                .gpuName("RTX 3090")
                .sshHost("ssh5.vast.ai")
                .sshPort(10002)
                .publicIpaddr(" 183.89.209.74\n")
                .ports(Map.of("22/tcp", List.of(new Instance.PortBinding("0.0.0.0", "56836"))))
                .imageRuntype("ssh")
                .build();
        assertEquals("root@183.89.209.74:56836", direct.ssh().userAtHostPort());
    }

    private static Account account(double credit) {
        return new Account(1L, "u", "e", credit, 0.0, null, null);
    }
}
