package io.imggenhub.vast.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rented machine as {@code GET /api/v1/instances/} reports it (vast-api.md §4). Every field may be null in real
 * data; the helper methods give the values a cost monitor needs with safe defaults.
 */
public record Instance(
        long id,
        Long machineId,
        String gpuName,
        Integer numGpus,
        String actualStatus,
        String intendedStatus,
        String curState,
        String nextState,
        Double dphTotal,
        Double dphBase,
        Double storageCost,
        Double storageTotalCost,
        Double diskSpace,
        String sshHost,
        Integer sshPort,
        String publicIpaddr,
        Map<String, List<PortBinding>> ports,
        String label,
        Double startDate,
        Double gpuUtil,
        Double gpuRam,
        String imageUuid,
        String imageRuntype,
        String statusMsg,
        Boolean isBid,
        Double minBid,
        String geolocation,
        String onstart,
        List<List<String>> extraEnv) {

    /** A docker-style port mapping, {@code "22/tcp": [{"HostIp": "0.0.0.0", "HostPort": "20000"}]}. */
    public record PortBinding(
            @com.fasterxml.jackson.annotation.JsonProperty("HostIp")
            String hostIp,

            @com.fasterxml.jackson.annotation.JsonProperty("HostPort")
            String hostPort) {}

    public Instance {
        // Real rows carry trailing spaces and newlines in string fields (vast-api.md §3.1).
        gpuName = strip(gpuName);
        actualStatus = strip(actualStatus);
        intendedStatus = strip(intendedStatus);
        curState = strip(curState);
        sshHost = strip(sshHost);
        publicIpaddr = strip(publicIpaddr);
        label = strip(label);
        ports = ports == null ? Map.of() : ports;
        extraEnv = extraEnv == null ? List.of() : extraEnv;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** The all-in $/hr Vast bills for this instance ({@code dph_total} already includes storage). */
    public double hourlyCost() {
        return dphTotal == null ? 0.0 : dphTotal;
    }

    /** What this instance costs per hour right now: the full rate while it runs, storage only when stopped. */
    public double billedRate() {
        if (isGone() || "offline".equals(actualStatus)) {
            return 0.0;
        }
        if (isStopped()) {
            if (storageTotalCost != null) {
                return storageTotalCost;
            }
            if (diskSpace != null && storageCost != null) {
                return diskSpace * storageCost / 720.0;
            }
            return 0.0;
        }
        return hourlyCost();
    }

    public int gpuCount() {
        return numGpus == null || numGpus < 1 ? 1 : numGpus;
    }

    public String gpuDisplayName() {
        String name = gpuName == null || gpuName.isBlank() ? "Unknown GPU" : gpuName;
        return gpuCount() > 1 ? gpuCount() + "x " + name : name;
    }

    /** A short status for people: the container state, or what it is moving towards while it has none. */
    public String status() {
        if (actualStatus != null && !actualStatus.isBlank()) {
            return actualStatus;
        }
        return intendedStatus == null || intendedStatus.isBlank() ? "unknown" : "provisioning";
    }

    public boolean isStopped() {
        return "stopped".equals(actualStatus) || "exited".equals(actualStatus) || "stopped".equals(curState);
    }

    /**
     * Gone once its container is: {@code actual_status} destroyed or terminated, as Vast's own client reads it.
     * A wish to destroy ({@code intended_status: destroyed}) or a released slot ({@code cur_state: unloaded}) counts
     * only while there is no container status at all: a row that says destroyed but still runs is billing, and
     * must be shown and destroyed, not hidden.
     */
    public boolean isGone() {
        if ("destroyed".equals(actualStatus) || "terminated".equals(actualStatus)) {
            return true;
        }
        boolean noContainerStatus = actualStatus == null || actualStatus.isBlank();
        return noContainerStatus && ("destroyed".equals(intendedStatus) || "unloaded".equals(curState));
    }

    public Instant started() {
        return startDate == null ? null : Instant.ofEpochMilli((long) (startDate * 1000));
    }

    public Duration uptime(Instant now) {
        Instant start = started();
        if (start == null || now.isBefore(start)) {
            return Duration.ZERO;
        }
        return Duration.between(start, now);
    }

    /**
     * Estimated spend so far: what it bills now over its whole lifetime, so a stopped instance counts its storage,
     * not the GPU rate it no longer pays (Vast's invoices are authoritative).
     */
    public double estimatedCost(Instant now) {
        return billedRate() * uptime(now).toMillis() / 3_600_000.0;
    }

    /**
     * The SSH address the way Vast's CLI builds it: the direct port mapping when the instance has one,
     * otherwise the proxy host and port. Null while the instance has neither.
     */
    public SshAddress ssh() {
        List<PortBinding> direct = ports.get("22/tcp");
        if (direct != null && !direct.isEmpty() && publicIpaddr != null && !publicIpaddr.isBlank()) {
            try {
                return new SshAddress(
                        publicIpaddr, Integer.parseInt(direct.get(0).hostPort().strip()));
            } catch (NumberFormatException | NullPointerException ignored) {
                // fall through to the proxy address
            }
        }
        if (sshHost != null && !sshHost.isBlank() && sshPort != null && sshPort > 0) {
            int port = imageRuntype != null && imageRuntype.contains("jupyter") ? sshPort + 1 : sshPort;
            return new SshAddress(sshHost, port);
        }
        return null;
    }

    public record SshAddress(String host, int port) {
        /** {@code root@host:port}, the form the original tool printed. */
        public String userAtHostPort() {
            return "root@" + host + ":" + port;
        }

        public String command() {
            return "ssh -p " + port + " root@" + host;
        }
    }
}
