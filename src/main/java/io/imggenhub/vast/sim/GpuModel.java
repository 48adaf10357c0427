package io.imggenhub.vast.sim;

import java.util.List;
import java.util.Optional;

/**
 * A GPU model as Vast lists it: its spelling, per-GPU memory in MB, and a market price band per GPU per hour.
 * The figures are plausible market values, not quotes; what matters for tests is their spread and shape.
 */
record GpuModel(
        String name,
        int ramMb,
        double minPrice,
        double maxPrice,
        int computeCap,
        double cudaMaxGood,
        double tflops,
        double dlperf,
        double memBwGbs,
        int maxPowerW,
        int pciGen,
        int weight,
        int[] gpuCounts) {

    static final List<GpuModel> ALL = List.of(
            new GpuModel(
                    "Tesla P40", 24576, 0.09, 0.14, 610, 12.2, 11.8, 7.4, 347.1, 250, 3, 8, new int[] {1, 1, 1, 2, 4}),
            new GpuModel(
                    "RTX 3060", 12288, 0.05, 0.09, 860, 12.4, 12.7, 9.6, 360.0, 170, 4, 10, new int[] {1, 1, 1, 2}),
            new GpuModel(
                    "RTX 3090", 24576, 0.18, 0.30, 860, 12.4, 35.6, 21.9, 936.2, 350, 4, 16, new int[] {1, 1, 1, 2, 4, 8
                    }),
            new GpuModel("RTX 4090", 24564, 0.40, 0.60, 890, 12.8, 82.6, 44.8, 1008.0, 450, 4, 18, new int[] {
                1, 1, 1, 2, 4, 8
            }),
            new GpuModel(
                    "RTX A5000", 24564, 0.18, 0.28, 860, 12.4, 27.8, 18.7, 768.0, 230, 4, 8, new int[] {1, 1, 2, 4}),
            new GpuModel(
                    "A100 PCIE", 40960, 0.80, 1.10, 800, 12.4, 19.5, 57.2, 1555.0, 250, 4, 6, new int[] {1, 1, 2, 4, 8
                    }),
            new GpuModel(
                    "A100 SXM4", 81920, 1.00, 1.60, 800, 12.6, 19.5, 69.8, 2039.0, 400, 4, 6, new int[] {1, 1, 2, 4, 8
                    }),
            new GpuModel(
                    "H100 SXM", 81559, 2.00, 3.00, 900, 12.8, 66.9, 131.5, 3352.0, 700, 5, 6, new int[] {1, 1, 2, 8}));

    /** More names than the catalogue offers: Vast's list of known GPUs is longer than what is for rent today. */
    static final List<String> KNOWN_NAMES = List.of(
            "A10",
            "A100 PCIE",
            "A100 SXM4",
            "A100X",
            "A40",
            "A800 PCIE",
            "GTX 1070",
            "GTX 1080",
            "GTX 1080 Ti",
            "GTX 1660 S",
            "H100 NVL",
            "H100 PCIE",
            "H100 SXM",
            "H200",
            "L4",
            "L40",
            "L40S",
            "Q RTX 6000",
            "Q RTX 8000",
            "RTX 2080 Ti",
            "RTX 3060",
            "RTX 3060 Ti",
            "RTX 3070",
            "RTX 3080",
            "RTX 3080 Ti",
            "RTX 3090",
            "RTX 3090 Ti",
            "RTX 4060 Ti",
            "RTX 4070",
            "RTX 4070S Ti",
            "RTX 4080",
            "RTX 4080S",
            "RTX 4090",
            "RTX 5090",
            "RTX 6000Ada",
            "RTX A4000",
            "RTX A5000",
            "RTX A6000",
            "Tesla P100",
            "Tesla P40",
            "Tesla T4",
            "Tesla V100");

    static Optional<GpuModel> byName(String name) {
        return ALL.stream()
                .filter(m -> m.name.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
