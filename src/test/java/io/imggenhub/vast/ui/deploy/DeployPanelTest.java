package io.imggenhub.vast.ui.deploy;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The deploy panel against the simulator: search, deploy cheapest, and the emergency cleanup on no credit. */
@ExtendWith(ApplicationExtension.class)
class DeployPanelTest {
    @RegisterExtension
    static final WindowFixture ui = WindowFixture.simulator(
                    SimulatorConfig.defaults().withInstances(3).withBootTime(Duration.ofSeconds(1)))
            .beforeWindow(f -> {
                f.sim().state().setCredit(25);
                while (simIds(f.sim()).size() < 3) {
                    f.sim().state().addInstance("RTX 3090", 1, 0.25, "worker");
                }
            });

    @Test
    void searchListsTheMatchingOffersCheapestFirst(FxRobot robot) {
        UiTestSupport.typeInto(robot, "#deploy-max-price", "0.5");
        robot.clickOn("#deploy-search");
        @SuppressWarnings("unchecked")
        TableView<io.imggenhub.vast.api.Offer> offers =
                robot.lookup("#offers-table").queryAs(TableView.class);
        await().atMost(20, SECONDS).until(() -> fx(() -> !offers.getItems().isEmpty()));
        List<Double> prices =
                fx(() -> offers.getItems().stream().map(o -> o.hourlyCost()).toList());
        List<Double> sorted = new ArrayList<>(prices);
        sorted.sort(Double::compare);
        assertEquals(sorted, prices, "cheapest first");
        assertTrue(prices.stream().allMatch(p -> p <= 0.5), "all within the limit: " + prices);
    }

    @Test
    void deployCheapestRentsAnInstanceThatAppearsInTheTable(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        List<Long> before = simIds(ui.sim());
        UiTestSupport.typeInto(robot, "#deploy-label", "ui-test");
        UiTestSupport.typeInto(robot, "#deploy-prompt", "a lighthouse at dusk");
        robot.clickOn("#deploy-cheapest");

        await().atMost(30, SECONDS)
                .until(() -> !fx(
                        () -> ui.window().session().deploy().deployingProperty().get()));
        List<Long> after = simIds(ui.sim());
        assertEquals(before.size() + 1, after.size(), "exactly one rental");
        long rented =
                after.stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        var instance = ui.sim().state().instance(rented).orElseThrow();
        assertEquals("ui-test", instance.label());
        // vast-api.md §3.4: the bare name, as Vast's CLI sends it; "-e PROMPT" never reached the container.
        assertEquals(List.of(List.of("PROMPT", "a lighthouse at dusk")), instance.extraEnv());
        String banner = allText(robot, "#banner-deploy");
        assertTrue(banner.contains("Deployed instance " + rented), banner);
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(rented));
    }

    @Test
    void aDeployWithoutCreditDestroysEverythingAndSaysSo(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        List<Long> before = simIds(ui.sim());
        ui.sim().state().setCredit(0);

        robot.clickOn("#deploy-cheapest");

        await().atMost(30, SECONDS).until(() -> simIds(ui.sim()).isEmpty());
        await().atMost(20, SECONDS).until(() -> allText(robot, "#banner-emergency")
                .contains("destroyed " + before.size() + "/" + before.size()));
        String banner = allText(robot, "#banner-emergency");
        assertTrue(banner.contains("insufficient_credit"), banner);
        // The strip holds a summary; every instance is listed behind "Show all N".
        List<String> details = fx(() ->
                ui.window().session().banners().find("emergency").orElseThrow().details());
        for (long id : before) {
            assertTrue(details.stream().anyMatch(l -> l.startsWith("✓ Destroyed instance " + id)), details.toString());
            assertTrue(ui.sim().state().isDestroyed(id));
        }
        assertTrue(
                fx(() -> ui.window()
                        .stage()
                        .getScene()
                        .lookup("#banner-emergency")
                        .getStyleClass()
                        .contains("banner-danger")),
                "a red banner");
        await().atMost(20, SECONDS).until(() -> tableIds(robot).isEmpty());
        assertFalse(fx(() -> ui.window().session().deploy().deployingProperty().get()));
    }

    private com.fasterxml.jackson.databind.JsonNode lastOfferQuery() throws Exception {
        var bundles = ui.sim().requests().stream()
                .filter(r -> r.path().startsWith("/api/v0/bundles"))
                .toList();
        return io.imggenhub.vast.api.Json.mapper()
                .readTree(bundles.get(bundles.size() - 1).body());
    }

    /** vast-api.md §3.5, issue 10 §3: Vast CLI's default filters, the disk priced in, unverified hosts on request. */
    @Test
    void searchSendsVastsDefaultsWithTheDiskAndTheUnverifiedCheckbox(FxRobot robot) throws Exception {
        assertEquals(
                "20", fx(() -> ui.window().session().deploy().diskGbProperty().get()), "the CLI's default disk");
        long before = ui.sim().count("POST", "/api/v0/bundles/");
        robot.clickOn("#deploy-search");
        await().atMost(20, SECONDS).until(() -> ui.sim().count("POST", "/api/v0/bundles/") > before);
        var q = lastOfferQuery();
        assertTrue(q.get("verified").get("eq").asBoolean(), q.toString());
        assertFalse(q.get("external").get("eq").asBoolean(), q.toString());
        assertTrue(q.get("rentable").get("eq").asBoolean(), q.toString());
        assertFalse(q.get("rented").get("eq").asBoolean(), q.toString());
        assertEquals(20.0, q.get("allocated_storage").asDouble(), q.toString());

        UiTestSupport.fxRun(
                () -> ui.window().session().deploy().diskGbProperty().set("60"));
        robot.clickOn("#deploy-include-unverified");
        long second = ui.sim().count("POST", "/api/v0/bundles/");
        robot.clickOn("#deploy-search");
        await().atMost(20, SECONDS).until(() -> ui.sim().count("POST", "/api/v0/bundles/") > second);
        var q2 = lastOfferQuery();
        assertFalse(q2.has("verified"), q2.toString());
        assertEquals(60.0, q2.get("allocated_storage").asDouble(), q2.toString());
    }
}
