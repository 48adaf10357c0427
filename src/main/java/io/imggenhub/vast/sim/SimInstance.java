package io.imggenhub.vast.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * One rented machine. {@link SimState} owns the live objects and changes them under its lock; everything handed
 * out through the public API is a snapshot, so readers never see a half-made change.
 *
 * <p>States follow Vast (vast-api.md §6): a rental boots {@code created → loading → running}; a stop (by the user,
 * or because credit ran out) leaves {@code actual_status: exited, intended_status: stopped, cur_state: stopped};
 * a destroy leaves {@code destroyed / destroyed / unloaded} until the instance vanishes.
 */
public final class SimInstance {
    /** What a new instance is made of; the lifecycle fields start from {@link #boot} or {@link #markRunning}. */
    record Spec(
            long id,
            Long offerId,
            Machine machine,
            double dphBase,
            double storageCost,
            double diskSpaceGb,
            boolean bid,
            double minBid,
            double inetUpCost,
            double inetDownCost,
            String label,
            String image,
            String runtype,
            String onstart,
            List<List<String>> extraEnv,
            Instant startDate) {}

    private final Spec spec;
    private final String jupyterToken;
    private final String sshHost;
    private final int sshPort;
    private final String sshIdx;
    private final int hostPortBase;
    private final String localIpaddrs;
    private double gpuUtil;
    private final double gpuTemp;
    private final double cpuUtil;
    private final double diskUsage;
    private final double memLimit;
    private final double memUsage;

    private String label;
    private String actualStatus;
    private String intendedStatus;
    private String curState;
    private String nextState;
    private String statusMsg;
    /** When the current boot phase ends; null when nothing is booting. */
    private Instant phaseEndsAt;

    private Duration loadingFor = Duration.ZERO;
    private Instant runningSince;
    private boolean everRan;
    private Long destroyedAtNanos;
    /** When the container first ran: the on-instance watchdog's clock starts there (see {@link #watchdogDueAt}). */
    private Instant firstRunningAt;

    private final Duration watchdogTtl;
    /** The image has no curl, wget, python3 or perl: the watchdog script can neither report nor destroy. */
    private boolean watchdogMute;

    private boolean watchdogReported;

    SimInstance(Spec spec, Random random) {
        this.spec = spec;
        this.label = spec.label();
        this.watchdogTtl = WatchdogMarker.ttl(spec.onstart());
        byte[] token = new byte[32];
        random.nextBytes(token);
        this.jupyterToken = HexFormat.of().formatHex(token);
        int proxy = 1 + random.nextInt(9);
        this.sshHost = "ssh" + proxy + ".vast.ai";
        this.sshPort = 10_000 + random.nextInt(30_000);
        this.sshIdx = String.valueOf(proxy);
        this.hostPortBase = 20_000 + random.nextInt(40_000);
        this.localIpaddrs = "192.168." + random.nextInt(8) + "." + (2 + random.nextInt(250)) + " 172.17.0.1\n";
        this.gpuUtil = Machine.round(35 + random.nextDouble() * 64, 1);
        this.gpuTemp = 48 + random.nextInt(30);
        this.cpuUtil = Machine.round(0.02 + random.nextDouble() * 0.6, 3);
        this.diskUsage =
                Machine.round(Math.min(spec.diskSpaceGb(), 2 + random.nextDouble() * spec.diskSpaceGb() * 0.7), 2);
        this.memLimit = Math.round(spec.machine().cpuRamMb() / 1024.0 * 100) / 100.0;
        this.memUsage = Machine.round(this.memLimit * (0.05 + random.nextDouble() * 0.4), 3);
    }

    private SimInstance(SimInstance o) {
        this.spec = o.spec;
        this.jupyterToken = o.jupyterToken;
        this.sshHost = o.sshHost;
        this.sshPort = o.sshPort;
        this.sshIdx = o.sshIdx;
        this.hostPortBase = o.hostPortBase;
        this.localIpaddrs = o.localIpaddrs;
        this.gpuUtil = o.gpuUtil;
        this.gpuTemp = o.gpuTemp;
        this.cpuUtil = o.cpuUtil;
        this.diskUsage = o.diskUsage;
        this.memLimit = o.memLimit;
        this.memUsage = o.memUsage;
        this.label = o.label;
        this.actualStatus = o.actualStatus;
        this.intendedStatus = o.intendedStatus;
        this.curState = o.curState;
        this.nextState = o.nextState;
        this.statusMsg = o.statusMsg;
        this.phaseEndsAt = o.phaseEndsAt;
        this.loadingFor = o.loadingFor;
        this.runningSince = o.runningSince;
        this.everRan = o.everRan;
        this.destroyedAtNanos = o.destroyedAtNanos;
        this.firstRunningAt = o.firstRunningAt;
        this.watchdogTtl = o.watchdogTtl;
        this.watchdogMute = o.watchdogMute;
        this.watchdogReported = o.watchdogReported;
    }

    SimInstance snapshot() {
        return new SimInstance(this);
    }

    // ---- public reading ---------------------------------------------------------------------------------------

    public long id() {
        return spec.id();
    }

    public String gpuName() {
        return spec.machine().gpu().name();
    }

    public int numGpus() {
        return spec.machine().numGpus();
    }

    public String actualStatus() {
        return actualStatus;
    }

    public String intendedStatus() {
        return intendedStatus;
    }

    public String curState() {
        return curState;
    }

    /** The all-in $/hr: GPU rate plus storage, what Vast shows as {@code dph_total}. */
    public double dphTotal() {
        return spec.dphBase() + storageTotalCost();
    }

    public double dphBase() {
        return spec.dphBase();
    }

    /** $/hr for the allocated disk: {@code disk_space × storage_cost / 720}. */
    public double storageTotalCost() {
        return spec.diskSpaceGb() * spec.storageCost() / 720.0;
    }

    public double diskSpace() {
        return spec.diskSpaceGb();
    }

    public String label() {
        return label;
    }

    public String imageUuid() {
        return spec.image();
    }

    public String onstart() {
        return spec.onstart();
    }

    /** Environment and port flags as Vast lists them: {@code [key, value]} pairs. */
    public List<List<String>> extraEnv() {
        return spec.extraEnv();
    }

    public String sshHost() {
        return sshHost;
    }

    public int sshPort() {
        return sshPort;
    }

    public Instant startDate() {
        return spec.startDate();
    }

    public boolean isBid() {
        return spec.bid();
    }

    /** The ask this instance was rented from; empty for the starting fleet and {@link SimState#addInstance}. */
    public OptionalLong offerId() {
        return spec.offerId() == null ? OptionalLong.empty() : OptionalLong.of(spec.offerId());
    }

    public boolean isDestroyed() {
        return destroyedAtNanos != null;
    }

    /** GPU utilisation in percent that the list reports while the instance runs (0 otherwise). */
    public double gpuUtil() {
        return gpuUtil;
    }

    /** The TTL of the imggenhub-vast watchdog in this instance's onstart script, if it carries one. */
    public Optional<Duration> watchdogTtl() {
        return Optional.ofNullable(watchdogTtl);
    }

    /** What this instance costs per hour right now: full rate while loading or running, storage when stopped. */
    public double billedRate() {
        return gpuRate() + diskRate();
    }

    /** The GPU part of the billed rate: {@code dph_base} while loading or running, else nothing. */
    double gpuRate() {
        return !isDestroyed() && ("running".equals(actualStatus) || "loading".equals(actualStatus))
                ? spec.dphBase()
                : 0.0;
    }

    /** The disk part: storage for every second the instance exists, stopped or not (vast-api.md §4.2). */
    double diskRate() {
        return isDestroyed() ? 0.0 : storageTotalCost();
    }

    /** What one boot's image download costs: bandwidth down, billed when loading starts (vast-api.md §4.2). */
    public double imagePullCost() {
        return SimState.IMAGE_PULL_GB * spec.inetDownCost();
    }

    /** $/GB downloaded, what an image pull costs per GB. */
    double inetDownCost() {
        return spec.inetDownCost();
    }

    @Override
    public String toString() {
        return "SimInstance[" + id() + ", " + numGpus() + "x " + gpuName() + ", " + actualStatus
                + (label == null ? "" : ", " + label) + "]";
    }

    // ---- lifecycle, called by SimState under its lock ---------------------------------------------------------

    Spec spec() {
        return spec;
    }

    void setLabel(String label) {
        this.label = label;
    }

    void muteWatchdog() {
        watchdogMute = true;
    }

    /**
     * Once the container runs, the watchdog script reports itself armed as the real one does: it sets the label it
     * carries ({@code PUT /api/v0/instances/{id}/} with the instance key). Once only; a later relabel by the user
     * stays.
     */
    void reportWatchdogArmed() {
        if (watchdogTtl == null
                || watchdogMute
                || watchdogReported
                || firstRunningAt == null
                || isDestroyed()
                || !"running".equals(actualStatus)) {
            return;
        }
        watchdogReported = true;
        String armed = WatchdogMarker.armedLabel(spec.onstart());
        if (armed != null) {
            label = armed;
        }
    }

    void setGpuUtil(double percent) {
        this.gpuUtil = percent;
    }

    /**
     * When the watchdog script destroys this instance: it runs from onstart, so its clock starts when the container
     * first runs, and it keeps its deadline in a file, so a restart after the deadline destroys at once. Null while
     * the container is not running (no script runs then), or without a watchdog.
     */
    Instant watchdogDueAt() {
        if (watchdogTtl == null
                || watchdogMute
                || isDestroyed()
                || firstRunningAt == null
                || !"running".equals(actualStatus)) {
            return null;
        }
        Instant deadline = firstRunningAt.plus(watchdogTtl);
        return runningSince != null && runningSince.isAfter(deadline) ? runningSince : deadline;
    }

    /** Starts a boot; a fresh rental spends a quarter of the boot time in {@code created}, a restart skips it. */
    void boot(Instant at, Duration bootTime, boolean fresh) {
        intendedStatus = "running";
        curState = "running";
        nextState = "running";
        runningSince = null;
        if (fresh) {
            actualStatus = "created";
            statusMsg = null;
            Duration created = bootTime.dividedBy(4);
            phaseEndsAt = at.plus(created);
            loadingFor = bootTime.minus(created);
        } else {
            actualStatus = "loading";
            statusMsg = "Pulling docker image " + spec.image();
            phaseEndsAt = at.plus(bootTime.dividedBy(2));
            loadingFor = Duration.ZERO;
        }
    }

    void markRunning(Instant since) {
        actualStatus = "running";
        intendedStatus = "running";
        curState = "running";
        nextState = "running";
        statusMsg = "success, running " + spec.image().replace(':', '_') + "/ssh";
        phaseEndsAt = null;
        runningSince = since;
        everRan = true;
        if (firstRunningAt == null) {
            firstRunningAt = since;
        }
    }

    /** The next boot transition, or null when this instance is not booting. */
    Instant nextTransition() {
        return phaseEndsAt;
    }

    void advancePhase(Instant at) {
        if ("created".equals(actualStatus)) {
            actualStatus = "loading";
            statusMsg = "Pulling docker image " + spec.image();
            phaseEndsAt = at.plus(loadingFor);
        } else if ("loading".equals(actualStatus)) {
            markRunning(at);
        } else {
            phaseEndsAt = null;
        }
    }

    /** Wants to run and is not destroyed: created, loading or running. */
    boolean isActive() {
        return !isDestroyed() && "running".equals(intendedStatus);
    }

    void stop(String why) {
        actualStatus = "exited";
        intendedStatus = "stopped";
        curState = "stopped";
        nextState = "stopped";
        statusMsg = why;
        phaseEndsAt = null;
        runningSince = null;
    }

    /**
     * Vast has recorded the wish to destroy ({@code intended_status: destroyed}) but the host still runs it and it
     * still bills: the state a client must not mistake for gone.
     */
    void markDestroyPending() {
        intendedStatus = "destroyed";
    }

    void destroy(long wallNanos) {
        actualStatus = "destroyed";
        intendedStatus = "destroyed";
        curState = "unloaded";
        nextState = "unloaded";
        statusMsg = "Instance destroyed.";
        phaseEndsAt = null;
        runningSince = null;
        destroyedAtNanos = wallNanos;
    }

    /** Destroyed longer ago than the linger time: the list forgets it. */
    boolean vanished(long wallNanos, Duration linger) {
        return destroyedAtNanos != null && wallNanos - destroyedAtNanos >= linger.toNanos();
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    /** The full row of {@code GET /api/v1/instances/} and {@code GET /api/v0/instances/{id}/} (vast-api.md §4). */
    Map<String, Object> toJson(Instant now, Instant clientNow) {
        Machine m = spec.machine();
        boolean running = "running".equals(actualStatus);
        double storageHourly = storageTotalCost();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id());
        row.put("bundle_id", spec.offerId() == null ? null : spec.offerId() + 1_000_000_000L);
        row.put("actual_status", actualStatus);
        row.put("intended_status", intendedStatus);
        row.put("cur_state", curState);
        row.put("next_state", nextState);
        row.put("status_msg", statusMsg);
        row.put("label", label);
        row.put("image_uuid", spec.image());
        row.put("image_args", List.of());
        row.put("image_runtype", spec.runtype());
        row.put("template_id", null);
        row.put("template_hash_id", null);
        row.put("template_name", null);
        row.put("extra_env", spec.extraEnv());
        row.put("onstart", spec.onstart());
        row.put("jupyter_token", jupyterToken);
        m.putHardware(row);
        row.put("gpu_totalram", m.gpu().ramMb() * m.numGpus());
        row.put("gpu_util", running ? gpuUtil : 0.0);
        row.put("gpu_temp", running ? gpuTemp : null);
        row.put("cpu_util", running ? cpuUtil : 0.0);
        row.put("mem_usage", running ? memUsage : null);
        row.put("mem_limit", running ? memLimit : null);
        row.put("vmem_usage", running ? Machine.round(m.gpu().ramMb() / 1024.0 * 0.6, 3) : null);
        row.put("disk_space", spec.diskSpaceGb());
        row.put("disk_usage", everRan ? diskUsage : -1.0);
        row.put("disk_util", everRan ? Machine.round(diskUsage / spec.diskSpaceGb(), 4) : -1.0);
        row.put("ssh_host", sshHost);
        row.put("ssh_port", sshPort);
        row.put("ssh_idx", sshIdx);
        // Real rows carry trailing whitespace in these two; clients must strip them.
        row.put("public_ipaddr", everRan ? m.publicIp() + "\n" : null);
        row.put("local_ipaddrs", everRan ? localIpaddrs : null);
        row.put("direct_port_start", m.directPortCount() > 0 ? m.directPortStart() : -1);
        row.put("direct_port_end", m.directPortCount() > 0 ? m.directPortStart() + m.directPortCount() - 1 : -1);
        row.put("machine_dir_ssh_port", m.directPortCount() > 0 ? hostPortBase : -1);
        row.put("ports", running ? ports() : null);
        row.put("country_code", m.countryCode());
        row.put("rentable", false);
        row.put("rented", true);
        row.put("is_bid", spec.bid());
        row.put("min_bid", spec.minBid());
        row.put("dph_base", spec.dphBase());
        row.put("dph_total", dphTotal());
        row.put("storage_cost", spec.storageCost());
        row.put("storage_total_cost", storageHourly);
        row.put("inet_up_cost", spec.inetUpCost());
        row.put("inet_down_cost", spec.inetDownCost());
        row.put("inet_up_billed", null);
        row.put("inet_down_billed", null);
        row.put("vram_costperhour", dphTotal() / (m.gpu().ramMb() * m.numGpus() / 1024.0));
        row.put("dlperf_per_dphtotal", m.dlperf() / dphTotal());
        row.put("flops_per_dphtotal", m.totalFlops() / dphTotal());
        row.put("score", Machine.round(m.dlperf() / Math.max(dphTotal(), 0.01) * m.reliability(), 4));
        row.put("credit_balance", null);
        row.put("credit_discount", null);
        row.put("credit_discount_max", 0.4);
        row.put("search", SimOffer.priceObject(spec.dphBase(), storageHourly));
        boolean gpuBilled = !isDestroyed() && ("running".equals(actualStatus) || "loading".equals(actualStatus));
        row.put(
                "instance",
                SimOffer.priceObject(gpuBilled ? spec.dphBase() : 0.0, isDestroyed() ? 0.0 : storageHourly));
        // Sent shifted by how far simulated time runs ahead of the client's clock (its wall clock, unless it shares
        // the simulated one), so that a client computing "now - start_date" (Vast's CLI does, and so does our
        // window) sees the simulated uptime that was billed.
        Duration lead = Duration.between(clientNow, now);
        double start = SimOffer.epochSeconds(spec.startDate().minus(lead));
        row.put("start_date", start);
        row.put("end_date", start + 90 * 86_400.0);
        double ageSeconds =
                Math.max(0.0, Duration.between(spec.startDate(), now).toMillis() / 1000.0);
        row.put("duration", ageSeconds);
        row.put(
                "uptime_mins",
                runningSince == null
                        ? null
                        : Machine.round(Duration.between(runningSince, now).toMillis() / 60_000.0, 2));
        row.put("client_run_time", Machine.round(ageSeconds / 3600.0, 4));
        row.put("host_run_time", Machine.round(ageSeconds / 3600.0, 4));
        row.put("time_remaining", "");
        row.put("time_remaining_isbid", "");
        row.put("volume_info", List.of());
        return row;
    }

    /** Docker-style mappings: ssh, the web port, and every {@code -p} flag the renter asked for. */
    private Map<String, Object> ports() {
        Map<String, Object> ports = new LinkedHashMap<>();
        int next = hostPortBase;
        ports.put("22/tcp", binding(next++));
        ports.put("8080/tcp", binding(next++));
        for (List<String> pair : spec.extraEnv()) {
            String key = pair.isEmpty() ? "" : pair.get(0).strip();
            if (key.startsWith("-p ")) {
                String mapping = key.substring(3).strip();
                String container = mapping.contains(":") ? mapping.substring(mapping.indexOf(':') + 1) : mapping;
                if (!container.contains("/")) {
                    container += "/tcp";
                }
                ports.putIfAbsent(container, binding(next++));
            }
        }
        return ports;
    }

    private static List<Map<String, String>> binding(int hostPort) {
        List<Map<String, String>> list = new ArrayList<>(2);
        for (String ip : new String[] {"0.0.0.0", "::"}) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("HostIp", ip);
            one.put("HostPort", String.valueOf(hostPort));
            list.add(one);
        }
        return list;
    }
}
