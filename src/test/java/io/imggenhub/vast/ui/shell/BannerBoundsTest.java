package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.find;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.common.Banner;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 12, defect 1: banners are bounded (a summary plus "Show all N" in a scrollable dialog), always close with
 * × or Escape, follow live values, and three or more collapse into one line. Against a 200-instance simulator.
 */
@ExtendWith(ApplicationExtension.class)
class BannerBoundsTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(200))
            .settings(WindowFixture::highBurnAlert)
            .confirmer(question -> true);

    @Test
    void theEmergencyCleanupOf200InstancesIsOneBoundedBannerWithShowAll(FxRobot robot) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == 200);
        fxRun(() -> ui.window().session().banners().dismiss("alert-high-burn"));
        ui.sim().state().setCredit(0);
        robot.clickOn("#deploy-cheapest");
        // (The yes-confirmer rents past the short-runway check: the point here is the cleanup that follows.)
        await().atMost(60, SECONDS).until(() -> simIds(ui.sim()).isEmpty());
        await().atMost(30, SECONDS)
                .until(() -> allText(robot, "#banner-emergency").contains("destroyed 200/200"));

        Node banner = robot.lookup("#banner-emergency").query();
        double height = fx(() -> banner.getBoundsInParent().getHeight());
        assertTrue(height < 140, "the banner is a summary, not 200 lines: " + height + " px");
        // The table and the status bar stay in the ui.window().
        Bounds table = fx(() -> robot.lookup("#instances")
                .query()
                .localToScene(robot.lookup("#instances").query().getBoundsInLocal()));
        double sceneHeight = fx(() -> ui.window().stage().getScene().getHeight());
        assertTrue(table.getMinY() < sceneHeight - 100, "the table is still on screen: " + table);

        robot.interact(() -> ((javafx.scene.control.Hyperlink)
                        robot.lookup("#banner-more-emergency").query())
                .fire());
        DialogPane pane = (DialogPane) await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-details").orElse(null), n -> n != null);
        @SuppressWarnings("unchecked")
        ListView<String> list = (ListView<String>) fx(() -> pane.lookup("#banner-details-list"));
        assertTrue(fx(() -> list.getItems().stream()
                        .filter(l -> l.startsWith("✓ Destroyed instance"))
                        .count())
                == 200);
        assertTrue(fx(() -> list.getHeight()) < 500, "the list scrolls instead of growing");
        robot.interact(() -> pane.getScene().getWindow().hide());

        robot.clickOn("#banner-close-emergency");
        await().atMost(10, SECONDS).until(() -> find(robot, "#banner-emergency").isEmpty());
    }

    @Test
    void theCrossClosesEveryBannerEvenTheStaleOne(FxRobot robot) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == 200);
        fxRun(() -> ui.window().session().banners().dismiss("alert-high-burn"));
        fxRun(() -> ui.window()
                .session()
                .banners()
                .alert(new Banner(
                        "stale", Banner.Severity.WARNING, "Stale data: the last poll failed", "Connection refused")));
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-close-stale").isPresent());
        robot.clickOn("#banner-close-stale");
        await().atMost(10, SECONDS).until(() -> find(robot, "#banner-stale").isEmpty());
    }

    @Test
    void escapeWithFocusInTheTableClosesTheBanner(FxRobot robot) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == 200);
        await().atMost(30, SECONDS)
                .until(() -> find(robot, "#banner-alert-high-burn").isPresent());
        robot.clickOn(robot.lookup("#instances .table-row-cell").nth(1).queryAs(Node.class));
        assertTrue(fx(() -> robot.lookup("#instances").query().isFocused()
                || robot.lookup("#instances").query().getScene().getFocusOwner()
                        instanceof javafx.scene.control.TableView));
        robot.type(KeyCode.ESCAPE);
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-alert-high-burn").isEmpty());
        assertTrue(fx(() -> ui.window().session().banners().banners().isEmpty()));
    }

    @Test
    void escapeWithFocusInTheFilterBoxClosesTheBanner(FxRobot robot) {
        await().atMost(30, SECONDS)
                .until(() -> find(robot, "#banner-alert-high-burn").isPresent());
        robot.clickOn("#filter");
        robot.write("rtx");
        assertTrue(fx(() -> robot.lookup("#filter").query().isFocused()));
        robot.type(KeyCode.ESCAPE);
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banner-alert-high-burn").isEmpty());
        assertEquals(
                "rtx",
                fx(() -> ((javafx.scene.control.TextField)
                                robot.lookup("#filter").query())
                        .getText()),
                "Escape closes the banner and leaves what was typed");
    }

    @Test
    void escapeClosesTheBannerTheCollapsedLineShows(FxRobot robot) {
        collapseThreeBanners(robot);
        robot.clickOn(robot.lookup("#instances .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.ESCAPE);
        await().atMost(10, SECONDS)
                .until(() ->
                        fx(() -> ui.window().session().banners().find("two").isEmpty()));
        assertEquals(2, fx(() -> ui.window().session().banners().banners().size()));
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
        await().atMost(10, SECONDS)
                .until(() -> fx(() -> ui.window().session().banners().banners().isEmpty()));
        assertTrue(find(robot, "#banners-collapsed").isEmpty());
    }

    @Test
    void theHighSpendBannerFollowsTheFleet(FxRobot robot) {
        await().atMost(30, SECONDS)
                .until(() -> allText(robot, "#banner-alert-high-burn").contains("across 200 instances"));
        long gone = simIds(ui.sim()).get(0);
        ui.sim().state().destroy(gone);
        robot.interact(() -> ui.window().session().refreshNow());
        await().atMost(30, SECONDS)
                .until(() -> allText(robot, "#banner-alert-high-burn").contains("across 199 instances"));
        String text = allText(robot, "#banner-alert-high-burn");
        assertTrue(
                text.contains(
                        io.imggenhub.vast.core.Formats.perHour(ui.sim().state().burnRate())),
                text);
    }

    @Test
    void threeBannersCollapseIntoOneLineWithACount(FxRobot robot) {
        collapseThreeBanners(robot);
        String line = allText(robot, "#banners-collapsed");
        assertTrue(line.contains("3 alerts · 1 urgent"), line);
        assertTrue(line.contains("Two is urgent"), "the newest shows: " + line);
        assertFalse(find(robot, "#banner-one").isPresent());
        assertFalse(find(robot, "#banner-alert-high-burn").isPresent());
        robot.interact(() -> robot.lookup("#banners-show-all").queryButton().fire());
        await().atMost(10, SECONDS).until(() -> find(robot, "#banner-one").isPresent());
        assertEquals(3, fx(() -> ui.window().session().banners().banners().size()));
        double height =
                fx(() -> robot.lookup("#banners").query().getBoundsInParent().getHeight());
        assertTrue(height < 320, "the expanded list scrolls: " + height);
    }

    /** The high-spend banner plus two more: three, which the window folds into one collapsed line. */
    private void collapseThreeBanners(FxRobot robot) {
        await().atMost(30, SECONDS)
                .until(() -> find(robot, "#banner-alert-high-burn").isPresent());
        fxRun(() -> {
            ui.window().session().banners().alert(new Banner("one", Banner.Severity.INFO, "One", ""));
            ui.window().session().banners().alert(new Banner("two", Banner.Severity.DANGER, "Two is urgent", ""));
        });
        await().atMost(10, SECONDS)
                .until(() -> find(robot, "#banners-collapsed").isPresent());
    }
}
