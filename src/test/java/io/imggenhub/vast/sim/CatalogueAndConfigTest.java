package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seeded market and fleet look like Vast's and repeat for a seed; the config guards its values. */
class CatalogueAndConfigTest {

    @Test
    void defaultsAreAsDocumented() {
        SimulatorConfig c = SimulatorConfig.defaults();
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals(3, c.instances());
        assertEquals(25.0, c.credit());
        assertEquals(1.0, c.timeScale());
        assertTrue(c.apiKey().matches("[0-9a-f]{64}"));
        assertNotEquals(c.apiKey(), SimulatorConfig.defaults().apiKey(), "a fresh key each time");
        assertEquals(42L, c.seed());
        assertEquals(Duration.ofSeconds(1), c.destroyLinger());
        assertEquals(Duration.ofSeconds(20), c.bootTime());
        assertFalse(c.toString().contains(c.apiKey()), "toString keeps the key out of logs");
        SimulatorConfig changed = c.withPort(8080)
                .withInstances(7)
                .withCredit(1.5)
                .withTimeScale(60)
                .withApiKey("k")
                .withSeed(9)
                .withDestroyLinger(Duration.ZERO)
                .withBootTime(Duration.ofSeconds(2));
        assertEquals(
                List.of(8080, 7, 1.5, 60.0, "k", 9L, Duration.ZERO, Duration.ofSeconds(2)),
                List.of(
                        changed.port(),
                        changed.instances(),
                        changed.credit(),
                        changed.timeScale(),
                        changed.apiKey(),
                        changed.seed(),
                        changed.destroyLinger(),
                        changed.bootTime()));
        assertThrows(IllegalArgumentException.class, () -> c.withInstances(-1));
        assertThrows(IllegalArgumentException.class, () -> c.withTimeScale(-1));
        assertThrows(IllegalArgumentException.class, () -> c.withApiKey(" "));
        assertThrows(IllegalArgumentException.class, () -> c.withPort(70000));
    }

    @Test
    void theCatalogueIsRealistic() {
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withTimeScale(0))) {
            List<SimOffer> offers = sim.state().offers();
            assertTrue(offers.size() >= 60 && offers.size() <= 100, "size " + offers.size());
            Map<String, List<SimOffer>> byModel = offers.stream().collect(Collectors.groupingBy(SimOffer::gpuName));
            assertEquals(
                    Set.of(
                            "Tesla P40",
                            "RTX 3060",
                            "RTX 3090",
                            "RTX 4090",
                            "RTX A5000",
                            "A100 PCIE",
                            "A100 SXM4",
                            "H100 SXM"),
                    byModel.keySet());
            assertPerGpuPrice(byModel.get("Tesla P40"), 0.09, 0.14);
            assertPerGpuPrice(byModel.get("RTX 4090"), 0.40, 0.60);
            assertPerGpuPrice(byModel.get("H100 SXM"), 2.0, 3.0);
            assertTrue(offers.stream().anyMatch(o -> o.numGpus() > 1), "some multi-GPU offers");
            for (SimOffer o : offers) {
                assertTrue(o.storageCost() >= 0.1 && o.storageCost() <= 0.3);
                assertTrue(o.reliability() >= 0.90 && o.reliability() <= 0.999);
                assertTrue(o.minBid() < o.dphBase());
                assertEquals(o.dphBase() + 5 * o.storageCost() / 720, o.dphTotal(5), 1e-12);
            }
            Map<String, Object> p40 = sim.state().offerRows(8, false).stream()
                    .filter(r -> r.get("gpu_name").equals("A100 SXM4"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(81920, p40.get("gpu_ram"));
            assertTrue(String.valueOf(p40.get("geolocation")).matches("[A-Za-z ]+, [A-Z]{2}"));
        }
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        SimulatorConfig config =
                SimulatorConfig.defaults().withInstances(8).withTimeScale(0).withSeed(7);
        try (VastSimulator a = VastSimulator.start(config);
                VastSimulator b = VastSimulator.start(config);
                VastSimulator c = VastSimulator.start(config.withSeed(8))) {
            assertEquals(describe(a), describe(b));
            assertNotEquals(describe(a), describe(c));
            List<SimInstance> fleet = a.state().instances();
            assertEquals(SimState.FIRST_INSTANCE_ID, fleet.get(0).id());
            Duration oldest = Duration.between(
                    fleet.stream()
                            .map(SimInstance::startDate)
                            .min(java.util.Comparator.naturalOrder())
                            .orElseThrow(),
                    a.clock().now());
            assertTrue(oldest.compareTo(Duration.ofDays(3)) <= 0);
            for (SimInstance i : fleet) {
                Duration age = Duration.between(i.startDate(), a.clock().now());
                assertTrue(age.compareTo(Duration.ofMinutes(10)) >= 0, "started at least 10 min ago");
                assertEquals("running", i.actualStatus());
            }
        }
    }

    private static String describe(VastSimulator sim) {
        return sim.state().offers().stream()
                        .map(o -> o.id() + ":" + o.gpuName() + ":" + o.dphBase())
                        .collect(Collectors.joining(","))
                + "|"
                + sim.state().instances().stream()
                        .map(i -> i.id() + ":" + i.gpuName() + ":" + i.label())
                        .collect(Collectors.joining(","));
    }

    private static void assertPerGpuPrice(List<SimOffer> offers, double min, double max) {
        for (SimOffer o : offers) {
            double perGpu = o.dphBase() / o.numGpus();
            assertTrue(perGpu >= min - 1e-4 && perGpu <= max + 1e-4, o + " per GPU " + perGpu);
        }
    }
}
