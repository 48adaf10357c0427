package io.imggenhub.vast.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ask in the catalogue. Its id can be rented once; afterwards it no longer shows in searches. Prices follow
 * Vast: {@code dph_base} is the machine's GPU price, storage is priced per GB-month and added to
 * {@code dph_total} for the storage the search asks about.
 */
public final class SimOffer {
    private final long id;
    private final Machine machine;
    private final double dphBase;
    private final double minBid;
    private final double storageCost;
    private final double inetUpCost;
    private final double inetDownCost;
    private final Instant listedAt;
    private final Instant endDate;
    private volatile boolean rented;

    SimOffer(
            long id,
            Machine machine,
            double dphBase,
            double minBid,
            double storageCost,
            double inetUpCost,
            double inetDownCost,
            Instant listedAt,
            Instant endDate) {
        this.id = id;
        this.machine = machine;
        this.dphBase = dphBase;
        this.minBid = minBid;
        this.storageCost = storageCost;
        this.inetUpCost = inetUpCost;
        this.inetDownCost = inetDownCost;
        this.listedAt = listedAt;
        this.endDate = endDate;
    }

    /** The same machine listed again under a new ask id, as Vast does once a rental ends. */
    SimOffer relisted(long newId, Instant now) {
        return new SimOffer(newId, machine, dphBase, minBid, storageCost, inetUpCost, inetDownCost, now, endDate);
    }

    public long id() {
        return id;
    }

    public String gpuName() {
        return machine.gpu().name();
    }

    public int numGpus() {
        return machine.numGpus();
    }

    /** $/hr for the GPUs of this offer, storage not included. */
    public double dphBase() {
        return dphBase;
    }

    /** The lowest interruptible bid this offer accepts, $/hr. */
    public double minBid() {
        return minBid;
    }

    /** $ per GB per month. */
    public double storageCost() {
        return storageCost;
    }

    /** What a search prices this offer at for {@code allocatedStorageGb}, on demand. */
    public double dphTotal(double allocatedStorageGb) {
        return dphBase + storageHourly(allocatedStorageGb);
    }

    public boolean rented() {
        return rented;
    }

    public boolean verified() {
        return "verified".equals(machine.verification());
    }

    public double reliability() {
        return machine.reliability();
    }

    Machine machine() {
        return machine;
    }

    double inetUpCost() {
        return inetUpCost;
    }

    double inetDownCost() {
        return inetDownCost;
    }

    void markRented(boolean value) {
        this.rented = value;
    }

    double storageHourly(double gb) {
        return gb * storageCost / 720.0;
    }

    /**
     * The offer as {@code /bundles/} returns it, priced for the storage and rental type of one search. For
     * interruptible searches the GPU part is the current minimum bid.
     */
    Map<String, Object> toJson(Instant now, double allocatedStorageGb, boolean bid) {
        double gpuHourly = bid ? minBid : dphBase;
        double storageHourly = storageHourly(allocatedStorageGb);
        double total = gpuHourly + storageHourly;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("ask_contract_id", id);
        row.put("bundle_id", id + 1_000_000_000L);
        row.put("bundled_results", 0);
        machine.putHardware(row);
        row.put("disk_space", machine.diskSpaceGb());
        row.put("public_ipaddr", machine.publicIp());
        row.put("hostname", null);
        row.put("inet_up_cost", inetUpCost);
        row.put("inet_down_cost", inetDownCost);
        row.put("internet_up_cost_per_tb", Machine.round(inetUpCost * 1024, 4));
        row.put("internet_down_cost_per_tb", Machine.round(inetDownCost * 1024, 4));
        row.put("direct_port_count", machine.directPortCount());
        row.put("dph_base", dphBase);
        row.put("dph_total", total);
        row.put("dph_total_adj", total);
        row.put("min_bid", minBid);
        row.put("is_bid", bid);
        row.put("discount_rate", null);
        row.put("discounted_hourly", 0.0);
        row.put("discounted_dph_total", total);
        row.put("credit_discount_max", 0.4);
        row.put("storage_cost", storageCost);
        row.put("storage_total_cost", storageHourly);
        row.put("vram_costperhour", total / (machine.gpu().ramMb() * machine.numGpus() / 1024.0));
        row.put("dlperf_per_dphtotal", machine.dlperf() / total);
        row.put("flops_per_dphtotal", machine.totalFlops() / total);
        row.put("score", score(total));
        row.put("rentable", !rented);
        row.put("rented", rented);
        row.put("start_date", epochSeconds(listedAt));
        row.put("end_date", epochSeconds(endDate));
        row.put("duration", Math.max(0, epochSeconds(endDate) - epochSeconds(now)));
        row.put("time_remaining", "");
        row.put("time_remaining_isbid", "");
        row.put("avail_vol_ask_id", null);
        row.put("avail_vol_dph", null);
        row.put("avail_vol_size", null);
        row.put("nw_disk_min_bw", null);
        row.put("nw_disk_max_bw", null);
        row.put("nw_disk_avg_bw", null);
        row.put("platform_fee", 0.0);
        row.put("search", priceObject(gpuHourly, storageHourly));
        row.put("instance", priceObject(gpuHourly, storageHourly));
        return row;
    }

    /** Vast's score rewards performance per dollar weighted by reliability; the exact formula is theirs. */
    private double score(double total) {
        double r = machine.reliability();
        return Machine.round(machine.dlperf() / Math.max(total, 0.01) * r * r, 4);
    }

    static Map<String, Object> priceObject(double gpuHourly, double storageHourly) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("gpuCostPerHour", gpuHourly);
        price.put("diskHour", storageHourly);
        price.put("totalHour", gpuHourly + storageHourly);
        price.put("discountTotalHour", 0.0);
        price.put("discountedTotalPerHour", gpuHourly + storageHourly);
        return price;
    }

    static double epochSeconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    @Override
    public String toString() {
        return "SimOffer[" + id + ", " + numGpus() + "x " + gpuName() + ", $" + dphBase + "/hr"
                + (rented ? ", rented" : "") + "]";
    }
}
