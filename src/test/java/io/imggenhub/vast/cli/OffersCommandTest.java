package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffersCommandTest extends SimTest {

    @Test
    void worksWithoutAKeyAndListsCheapestFirst() {
        start();
        CliHarness.Result r = CliHarness.withoutKey(sim, home).run("offers", "--limit", "10");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertTrue(
                lines.get(0).matches("Offer ID\\s+GPU\\s+VRAM \\(GB\\)\\s+\\$/hr\\s+Reliab%\\s+Location"),
                lines.get(0));
        assertEquals(11, lines.size());
        List<Double> prices = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\\$(\\d+\\.\\d{4})").matcher(line);
            assertTrue(m.find(), line);
            prices.add(Double.parseDouble(m.group(1)));
        }
        List<Double> sorted = new ArrayList<>(prices);
        sorted.sort(Double::compare);
        assertEquals(sorted, prices);
    }

    @Test
    void listIsAnAlias() {
        start();
        CliHarness.Result r = cli().run("list", "--limit", "3");

        assertEquals(0, r.exit(), r.err());
        assertEquals(4, r.outLines().size());
    }

    @Test
    void everyFilterIsHonouredInPeoplesUnits() throws Exception {
        start();
        List<JsonNode> all = offers("--limit", "100000");
        assertTrue(all.size() > 20, "the catalogue is big enough to filter: " + all.size());
        String gpu = all.get(all.size() / 2).get("gpu_name").asText();

        assertFilter(all, offers("--gpu-name", gpu, "--limit", "100000"), o -> o.get("gpu_name")
                .asText()
                .equals(gpu));
        assertFilter(all, offers("--gpu-name", gpu.replace(' ', '_'), "--limit", "100000"), o -> o.get("gpu_name")
                .asText()
                .equals(gpu));
        assertFilter(
                all,
                offers("--min-vram", "40", "--limit", "100000"),
                o -> o.get("gpu_total_ram").asDouble() >= 40_000);
        assertFilter(
                all,
                offers("--max-hourly-price", "0.3", "--limit", "100000"),
                o -> o.get("dph_total").asDouble() <= 0.3);
        assertFilter(
                all,
                offers("--min-reliability", "98", "--limit", "100000"),
                o -> o.get("reliability2").asDouble() >= 0.98);
        assertFilter(
                all,
                offers("--num-gpus", "2", "--limit", "100000"),
                o -> o.get("num_gpus").asInt() == 2);
    }

    private void assertFilter(List<JsonNode> all, List<JsonNode> filtered, Predicate<JsonNode> rule) {
        List<Long> expected =
                all.stream().filter(rule).map(o -> o.get("id").asLong()).toList();
        assertFalse(expected.isEmpty(), "the filter must match something for the test to mean anything");
        assertTrue(expected.size() < all.size(), "the filter must exclude something");
        assertEquals(expected, filtered.stream().map(o -> o.get("id").asLong()).toList());
    }

    private List<JsonNode> offers(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("offers", "--json"));
        args.addAll(List.of(filters));
        CliHarness.Result r = cli().run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> list = new ArrayList<>();
        Json.mapper().readTree(r.out()).forEach(list::add);
        for (int i = 1; i < list.size(); i++) {
            assertTrue(
                    list.get(i - 1).get("dph_total").asDouble()
                            <= list.get(i).get("dph_total").asDouble(),
                    "sorted by $/hr");
        }
        return list;
    }

    @Test
    void vramIsShownInGigabytes() throws Exception {
        start();
        JsonNode first = offers("--limit", "1").get(0);
        String row = cli().run("offers", "--limit", "1").outLines().get(1);

        String gb =
                String.format(Locale.ROOT, "%.0f", first.get("gpu_total_ram").asDouble() / 1024);
        assertTrue(row.matches(".*\\s" + gb + "\\s.*"), row + " should show " + gb + " GB");
    }

    @ParameterizedTest
    @CsvSource({
        "--max-hourly-price,-1",
        "--max-hourly-price,abc",
        "--min-reliability,101",
        "--min-reliability,-1",
        "--min-vram,-8",
        "--num-gpus,0",
        "--limit,0",
        "--max-hourly-price,NaN",
        "--bogus,1"
    })
    void badInputExitsTwoBeforeAnyRequest(String option, String value) {
        start();
        CliHarness.Result r = cli().run("offers", option, value);

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: usage: "), r.err());
        assertEquals(0, sim.requests().size());
    }

    private JsonNode lastQuery() throws Exception {
        var bundles = sim.requests().stream()
                .filter(q -> q.path().startsWith("/api/v0/bundles"))
                .toList();
        return Json.mapper().readTree(bundles.get(bundles.size() - 1).body());
    }

    /** vast-api.md §3.5: Vast's CLI defaults, and the disk that will be rented priced into dph_total. */
    @Test
    void searchesWithVastsDefaultsAndPricesTheDiskThatIsRented() throws Exception {
        start();
        CliHarness.Result r = cli().run("offers", "--limit", "5", "--json");
        assertEquals(0, r.exit(), r.all());
        JsonNode q = lastQuery();
        assertEquals(true, q.get("verified").get("eq").asBoolean(), q.toString());
        assertEquals(false, q.get("external").get("eq").asBoolean(), q.toString());
        assertEquals(true, q.get("rentable").get("eq").asBoolean(), q.toString());
        assertEquals(false, q.get("rented").get("eq").asBoolean(), q.toString());
        assertEquals(20.0, q.get("allocated_storage").asDouble(), q.toString());
        for (JsonNode o : Json.mapper().readTree(r.out())) {
            assertEquals("verified", o.get("verification").asText());
            // The $/hr shown is what a 20 GB rental bills: the machine plus 20 GB of storage.
            assertEquals(
                    o.get("dph_base").asDouble() + 20 * o.get("storage_cost").asDouble() / 720,
                    o.get("dph_total").asDouble(),
                    1e-9);
        }

        CliHarness.Result bigDisk = cli().run("offers", "--limit", "5", "--disk-size", "200", "--include-unverified");
        assertEquals(0, bigDisk.exit(), bigDisk.all());
        JsonNode q2 = lastQuery();
        assertFalse(q2.has("verified"), q2.toString());
        assertEquals(200.0, q2.get("allocated_storage").asDouble());
    }

    /** One default disk for the CLI and the window (issue 10 §3). */
    @Test
    void theCliDefaultDiskIsTheSharedOne() {
        assertEquals(io.imggenhub.vast.api.RentRequest.DEFAULT_DISK_GB, Double.parseDouble(RentOptions.DEFAULT_DISK));
    }
}
