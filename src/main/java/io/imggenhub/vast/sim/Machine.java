package io.imggenhub.vast.sim;

import java.util.Map;

/**
 * The host side of an offer or an instance: hardware, network, place and trust. Offers and instances on the same
 * machine print the same values, as on Vast.
 */
record Machine(
        long machineId,
        long hostId,
        GpuModel gpu,
        int numGpus,
        int totalGpus,
        String cpuName,
        int cpuCores,
        double cpuCoresEffective,
        double cpuGhz,
        int cpuRamMb,
        double diskSpaceGb,
        double diskBw,
        String diskName,
        double inetUp,
        double inetDown,
        String publicIp,
        String geolocation,
        String countryCode,
        int geolocode,
        double reliability,
        String verification,
        boolean staticIp,
        int hostingType,
        boolean external,
        String driverVersion,
        String moboName,
        double pcieBw,
        int directPortCount,
        int directPortStart,
        double bwNvlink) {

    double totalFlops() {
        return round(gpu.tflops() * numGpus, 1);
    }

    double dlperf() {
        return round(gpu.dlperf() * numGpus * (0.92 + 0.08 * reliability), 3);
    }

    /** Driver "550.54.14" as the integer Vast compares with (550054014). */
    long driverVers() {
        String[] parts = driverVersion.split("\\.");
        long value = 0;
        for (int i = 0; i < 3; i++) {
            value = value * 1000 + (i < parts.length ? Long.parseLong(parts[i]) : 0);
        }
        return value;
    }

    /** Fields an offer and an instance on this machine share. */
    void putHardware(Map<String, Object> row) {
        row.put("machine_id", machineId);
        row.put("host_id", hostId);
        row.put("num_gpus", numGpus);
        row.put("gpu_name", gpu.name());
        row.put("gpu_ram", gpu.ramMb());
        row.put("gpu_total_ram", gpu.ramMb() * numGpus);
        row.put("gpu_frac", round((double) numGpus / totalGpus, 4));
        row.put("gpu_arch", "nvidia");
        row.put("gpu_lanes", 16);
        row.put("gpu_mem_bw", gpu.memBwGbs());
        row.put("gpu_max_power", gpu.maxPowerW());
        row.put("gpu_max_temp", 83.0);
        row.put("gpu_display_active", false);
        row.put("compute_cap", gpu.computeCap());
        row.put("cuda_max_good", gpu.cudaMaxGood());
        row.put("driver_version", driverVersion);
        row.put("driver_vers", driverVers());
        row.put("bw_nvlink", bwNvlink);
        row.put("total_flops", totalFlops());
        row.put("dlperf", dlperf());
        row.put("cpu_name", cpuName);
        row.put("cpu_arch", "amd64");
        row.put("cpu_cores", cpuCores);
        row.put("cpu_cores_effective", cpuCoresEffective);
        row.put("cpu_ghz", cpuGhz);
        row.put("cpu_ram", cpuRamMb);
        row.put("has_avx", 1);
        row.put("disk_bw", diskBw);
        row.put("disk_name", diskName);
        row.put("inet_up", inetUp);
        row.put("inet_down", inetDown);
        row.put("direct_port_count", directPortCount);
        row.put("pci_gen", (double) gpu.pciGen());
        row.put("pcie_bw", pcieBw);
        row.put("mobo_name", moboName);
        row.put("os_version", "22.04");
        row.put("ubuntu_version", "22.04");
        row.put("geolocation", geolocation);
        row.put("geolocode", geolocode);
        row.put("reliability", reliability);
        row.put("reliability2", reliability);
        row.put("reliability_mult", round(Math.pow(reliability, 4), 6));
        row.put("verification", verification);
        row.put("vericode", "verified".equals(verification) ? 1 : 0);
        row.put("static_ip", staticIp);
        row.put("hosting_type", hostingType);
        row.put("external", external);
        row.put("vms_enabled", hostingType == 1);
        row.put("is_vm_deverified", false);
        row.put("resource_type", "gpu");
        row.put("logo", "/static/logos/vastai_small2.png");
        row.put("webpage", null);
        row.put("cluster_id", null);
    }

    static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
