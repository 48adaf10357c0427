package io.imggenhub.vast.testutil;

import io.imggenhub.vast.api.Instance;
import java.util.List;
import java.util.Map;

/**
 * The one way tests build an {@link Instance}: start from {@link #running(long, double)} (or {@link #from(Instance)})
 * and set only what the test is about, instead of 29 positional arguments where a swapped pair still compiles.
 */
public final class InstanceBuilder {
    private long id;
    private Long machineId;
    private String gpuName;
    private Integer numGpus;
    private String actualStatus;
    private String intendedStatus;
    private String curState;
    private String nextState;
    private Double dphTotal;
    private Double dphBase;
    private Double storageCost;
    private Double storageTotalCost;
    private Double diskSpace;
    private String sshHost;
    private Integer sshPort;
    private String publicIpaddr;
    private Map<String, List<Instance.PortBinding>> ports;
    private String label;
    private Double startDate;
    private Double gpuUtil;
    private Double gpuRam;
    private String imageUuid;
    private String imageRuntype;
    private String statusMsg;
    private Boolean isBid;
    private Double minBid;
    private String geolocation;
    private String onstart;
    private List<List<String>> extraEnv;

    private InstanceBuilder() {}

    /** A running one-GPU RTX 4090 billing {@code dph} $/hr all-in, with nothing else known. */
    public static InstanceBuilder running(long id, double dph) {
        return new InstanceBuilder()
                .id(id)
                .gpuName("RTX 4090")
                .numGpus(1)
                .actualStatus("running")
                .intendedStatus("running")
                .curState("running")
                .dphTotal(dph)
                .dphBase(dph);
    }

    /** Every field of {@code instance}, to change a few. */
    public static InstanceBuilder from(Instance i) {
        return new InstanceBuilder()
                .id(i.id())
                .machineId(i.machineId())
                .gpuName(i.gpuName())
                .numGpus(i.numGpus())
                .actualStatus(i.actualStatus())
                .intendedStatus(i.intendedStatus())
                .curState(i.curState())
                .nextState(i.nextState())
                .dphTotal(i.dphTotal())
                .dphBase(i.dphBase())
                .storageCost(i.storageCost())
                .storageTotalCost(i.storageTotalCost())
                .diskSpace(i.diskSpace())
                .sshHost(i.sshHost())
                .sshPort(i.sshPort())
                .publicIpaddr(i.publicIpaddr())
                .ports(i.ports())
                .label(i.label())
                .startDate(i.startDate())
                .gpuUtil(i.gpuUtil())
                .gpuRam(i.gpuRam())
                .imageUuid(i.imageUuid())
                .imageRuntype(i.imageRuntype())
                .statusMsg(i.statusMsg())
                .isBid(i.isBid())
                .minBid(i.minBid())
                .geolocation(i.geolocation())
                .onstart(i.onstart())
                .extraEnv(i.extraEnv());
    }

    public Instance build() {
        return new Instance(
                id,
                machineId,
                gpuName,
                numGpus,
                actualStatus,
                intendedStatus,
                curState,
                nextState,
                dphTotal,
                dphBase,
                storageCost,
                storageTotalCost,
                diskSpace,
                sshHost,
                sshPort,
                publicIpaddr,
                ports,
                label,
                startDate,
                gpuUtil,
                gpuRam,
                imageUuid,
                imageRuntype,
                statusMsg,
                isBid,
                minBid,
                geolocation,
                onstart,
                extraEnv);
    }

    public InstanceBuilder id(long id) {
        this.id = id;
        return this;
    }

    public InstanceBuilder machineId(Long machineId) {
        this.machineId = machineId;
        return this;
    }

    public InstanceBuilder gpuName(String gpuName) {
        this.gpuName = gpuName;
        return this;
    }

    public InstanceBuilder numGpus(Integer numGpus) {
        this.numGpus = numGpus;
        return this;
    }

    public InstanceBuilder actualStatus(String actualStatus) {
        this.actualStatus = actualStatus;
        return this;
    }

    public InstanceBuilder intendedStatus(String intendedStatus) {
        this.intendedStatus = intendedStatus;
        return this;
    }

    public InstanceBuilder curState(String curState) {
        this.curState = curState;
        return this;
    }

    public InstanceBuilder nextState(String nextState) {
        this.nextState = nextState;
        return this;
    }

    public InstanceBuilder dphTotal(Double dphTotal) {
        this.dphTotal = dphTotal;
        return this;
    }

    public InstanceBuilder dphBase(Double dphBase) {
        this.dphBase = dphBase;
        return this;
    }

    public InstanceBuilder storageCost(Double storageCost) {
        this.storageCost = storageCost;
        return this;
    }

    public InstanceBuilder storageTotalCost(Double storageTotalCost) {
        this.storageTotalCost = storageTotalCost;
        return this;
    }

    public InstanceBuilder diskSpace(Double diskSpace) {
        this.diskSpace = diskSpace;
        return this;
    }

    public InstanceBuilder sshHost(String sshHost) {
        this.sshHost = sshHost;
        return this;
    }

    public InstanceBuilder sshPort(Integer sshPort) {
        this.sshPort = sshPort;
        return this;
    }

    public InstanceBuilder publicIpaddr(String publicIpaddr) {
        this.publicIpaddr = publicIpaddr;
        return this;
    }

    public InstanceBuilder ports(Map<String, List<Instance.PortBinding>> ports) {
        this.ports = ports;
        return this;
    }

    public InstanceBuilder label(String label) {
        this.label = label;
        return this;
    }

    public InstanceBuilder startDate(Double startDate) {
        this.startDate = startDate;
        return this;
    }

    public InstanceBuilder gpuUtil(Double gpuUtil) {
        this.gpuUtil = gpuUtil;
        return this;
    }

    public InstanceBuilder gpuRam(Double gpuRam) {
        this.gpuRam = gpuRam;
        return this;
    }

    public InstanceBuilder imageUuid(String imageUuid) {
        this.imageUuid = imageUuid;
        return this;
    }

    public InstanceBuilder imageRuntype(String imageRuntype) {
        this.imageRuntype = imageRuntype;
        return this;
    }

    public InstanceBuilder statusMsg(String statusMsg) {
        this.statusMsg = statusMsg;
        return this;
    }

    public InstanceBuilder isBid(Boolean isBid) {
        this.isBid = isBid;
        return this;
    }

    public InstanceBuilder minBid(Double minBid) {
        this.minBid = minBid;
        return this;
    }

    public InstanceBuilder geolocation(String geolocation) {
        this.geolocation = geolocation;
        return this;
    }

    public InstanceBuilder onstart(String onstart) {
        this.onstart = onstart;
        return this;
    }

    public InstanceBuilder extraEnv(List<List<String>> extraEnv) {
        this.extraEnv = extraEnv;
        return this;
    }
}
