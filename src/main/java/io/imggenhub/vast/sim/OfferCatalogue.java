package io.imggenhub.vast.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes the seeded market: machines with plausible hardware, places and prices, and the asks that list them.
 * Everything comes from one {@link Random}, so a seed always gives the same catalogue and fleet.
 */
final class OfferCatalogue {
    private static final String[][] PLACES = {
        {"Washington, US", "US"}, {"California, US", "US"}, {"Texas, US", "US"}, {"Virginia, US", "US"},
        {"Oregon, US", "US"}, {"Quebec, CA", "CA"}, {"Ontario, CA", "CA"}, {"Sweden, SE", "SE"},
        {"Norway, NO", "NO"}, {"Germany, DE", "DE"}, {"Netherlands, NL", "NL"}, {"Poland, PL", "PL"},
        {"Czechia, CZ", "CZ"}, {"Spain, ES", "ES"}, {"Taiwan, TW", "TW"}, {"Japan, JP", "JP"},
        {"Vietnam, VN", "VN"}, {"Australia, AU", "AU"}, {"Brazil, BR", "BR"}
    };
    private static final String[] CONSUMER_CPUS = {
        "AMD Ryzen 9 5950X 16-Core Processor", "AMD Ryzen 9 7950X 16-Core Processor",
        "AMD Ryzen Threadripper PRO 5975WX 32-Cores", "AMD EPYC 7543 32-Core Processor",
        "Intel(R) Core(TM) i9-13900K"
    };
    private static final String[] SERVER_CPUS = {
        "AMD EPYC 7543 32-Core Processor",
        "AMD EPYC 9354 32-Core Processor",
        "AMD EPYC 7763 64-Core Processor",
        "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
        "Intel(R) Xeon(R) Platinum 8480+"
    };
    private static final String[] OLD_CPUS = {
        "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "Intel(R) Xeon(R) CPU E5-2690 v3 @ 2.60GHz"
    };
    private static final String[] DISKS = {
        "Samsung SSD 980 PRO 2TB", "KINGSTON SNV2S2000G", "WD_BLACK SN850X 4000GB",
        "SAMSUNG MZQL23T8HCLS-00A07", "Micron_7450_MTFDKCC3T8TFR", "CT2000P3PSSD8"
    };
    private static final String[] MOBOS = {
        "ROMED8-2T",
        "X570 AORUS ELITE",
        "H12SSL-i",
        "X10DRG-Q",
        "PRIME X570-PRO",
        "Z10PG-D24 Series",
        "ProArt X670E-CREATOR WIFI"
    };
    private static final String[] DRIVERS = {"535.183.01", "550.54.14", "550.127.05", "560.35.03", "570.124.06"};
    private static final int[] IP_FIRST_OCTETS = {24, 45, 64, 67, 71, 73, 76, 82, 91, 104, 136, 142, 173, 185, 203, 213
    };

    private final Random random;
    private final Set<Long> machineIds = new HashSet<>();
    private long nextOfferId;

    OfferCatalogue(Random random) {
        this.random = random;
        this.nextOfferId = 19_483_021L + random.nextInt(5_000);
    }

    /** 70 to 90 offers; every model appears at least twice so that searches by model always find something. */
    List<SimOffer> generate(Instant now) {
        int count = 70 + random.nextInt(21);
        List<SimOffer> offers = new ArrayList<>(count);
        for (GpuModel model : GpuModel.ALL) {
            offers.add(newOffer(model, 1, now));
            offers.add(newOffer(model, pick(model.gpuCounts()), now));
        }
        while (offers.size() < count) {
            GpuModel model = weightedModel();
            offers.add(newOffer(model, pick(model.gpuCounts()), now));
        }
        return offers;
    }

    SimOffer newOffer(GpuModel model, int numGpus, Instant now) {
        Machine machine = machine(model, numGpus);
        double perGpu = model.minPrice() + random.nextDouble() * (model.maxPrice() - model.minPrice());
        double dphBase = Machine.round(perGpu * numGpus, 4);
        double minBid = Machine.round(dphBase * (0.45 + random.nextDouble() * 0.3), 4);
        double storageCost = Machine.round(0.10 + random.nextDouble() * 0.20, 5);
        double inetUp = random.nextInt(5) == 0 ? 0.0 : Machine.round(0.001 + random.nextDouble() * 0.019, 4);
        double inetDown = random.nextInt(3) == 0 ? 0.0 : Machine.round(0.001 + random.nextDouble() * 0.009, 4);
        Instant listed = now.minus(Duration.ofMinutes(60 + random.nextInt(60 * 24 * 60)));
        Instant end = now.plus(Duration.ofDays(7 + random.nextInt(174)));
        return new SimOffer(takeOfferId(), machine, dphBase, minBid, storageCost, inetUp, inetDown, listed, end);
    }

    long takeOfferId() {
        long id = nextOfferId;
        nextOfferId += 1 + random.nextInt(40_000);
        return id;
    }

    GpuModel weightedModel() {
        int total = GpuModel.ALL.stream().mapToInt(GpuModel::weight).sum();
        int roll = random.nextInt(total);
        for (GpuModel model : GpuModel.ALL) {
            roll -= model.weight();
            if (roll < 0) {
                return model;
            }
        }
        return GpuModel.ALL.get(0);
    }

    Machine machine(GpuModel model, int numGpus) {
        boolean datacenterGpu = model.name().startsWith("A100") || model.name().startsWith("H100");
        boolean oldGpu = model.name().startsWith("Tesla");
        int totalGpus = numGpus;
        if (numGpus < 8 && random.nextInt(4) == 0) {
            totalGpus = Math.min(8, numGpus * (1 + random.nextInt(3)) * 2);
        }
        String cpu = oldGpu ? pick(OLD_CPUS) : datacenterGpu ? pick(SERVER_CPUS) : pick(CONSUMER_CPUS);
        int machineCores = datacenterGpu
                ? 64 + 64 * random.nextInt(3)
                : oldGpu ? 28 + 28 * random.nextInt(2) : 16 + 16 * random.nextInt(3);
        double share = (double) numGpus / totalGpus;
        double coresEffective = Machine.round(machineCores * share, 1);
        int ramPerGpuGb = datacenterGpu ? 128 + 64 * random.nextInt(3) : 32 + 16 * random.nextInt(4);
        int cpuRamMb = (int) Math.round(ramPerGpuGb * totalGpus * 1031.5 * share);
        double disk = Machine.round((datacenterGpu ? 500 : 60) + random.nextDouble() * (datacenterGpu ? 3000 : 900), 1);
        String[] place = PLACES[random.nextInt(PLACES.length)];
        double reliability = Machine.round(0.90 + random.nextDouble() * 0.099, 4);
        int verificationRoll = random.nextInt(20);
        String verification = verificationRoll < 17 ? "verified" : verificationRoll < 19 ? "unverified" : "deverified";
        int hostingType = datacenterGpu && random.nextInt(5) < 3 ? 1 : 0;
        double pcieBw =
                switch (model.pciGen()) {
                    case 3 -> Machine.round(10.5 + random.nextDouble() * 2, 1);
                    case 5 -> Machine.round(48 + random.nextDouble() * 6, 1);
                    default -> Machine.round(21 + random.nextDouble() * 4.5, 1);
                };
        int ports = random.nextInt(6) == 0 ? 0 : 20 + random.nextInt(480);
        int portStart = ports == 0 ? -1 : 10_000 + random.nextInt(50_000);
        double nvlink = model.name().contains("SXM") && numGpus > 1 ? 300.0 + random.nextInt(3) * 150 : 0.0;
        return new Machine(
                takeMachineId(),
                1_000 + random.nextInt(399_000),
                model,
                numGpus,
                totalGpus,
                cpu,
                machineCores,
                coresEffective,
                Machine.round(2.0 + random.nextDouble() * 2.2, 1),
                cpuRamMb,
                disk,
                Machine.round(1200 + random.nextDouble() * 6000, 1),
                pick(DISKS),
                Machine.round(100 + random.nextDouble() * 4900, 1),
                Machine.round(200 + random.nextDouble() * 4800, 1),
                publicIp(),
                place[0],
                place[1],
                1 + random.nextInt(240),
                reliability,
                verification,
                random.nextInt(4) != 0,
                hostingType,
                random.nextInt(7) == 0,
                pick(DRIVERS),
                pick(MOBOS),
                pcieBw,
                ports,
                portStart,
                nvlink);
    }

    private long takeMachineId() {
        long id;
        do {
            id = 10_000 + random.nextInt(50_000);
        } while (!machineIds.add(id));
        return id;
    }

    private String publicIp() {
        return IP_FIRST_OCTETS[random.nextInt(IP_FIRST_OCTETS.length)] + "." + (1 + random.nextInt(254)) + "."
                + random.nextInt(256) + "." + (2 + random.nextInt(252));
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
