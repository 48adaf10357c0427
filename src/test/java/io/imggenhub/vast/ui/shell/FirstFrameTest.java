package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What the window makes before its first frame is what that frame shows (docs/benchmarks.md, window start-up):
 * tooltips are made when the pointer first reaches their node, and the tabs behind the instances when first
 * selected. Made up front, each tooltip is a popup window with a scene of its own, and a hidden tab's content is
 * styled and laid out with the window all the same. Nothing is lost by waiting: the tooltip and the tab appear
 * when asked for, and the window icons arrive after the first frame.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(3));

    @Test
    void noTooltipIsMadeBeforeThePointerAsksForOne(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        List<Node> withTips =
                fx(() -> nodesWithTooltips(ui.window().stage().getScene().getRoot()));
        assertEquals(List.of(), withTips, "tooltips made before anyone pointed at their node");

        Button refresh = robot.lookup("#refresh").queryButton();
        robot.moveTo(refresh);
        await().atMost(10, SECONDS).until(() -> fx(refresh::getTooltip) != null);
        assertEquals("Poll Vast now (F5)", fx(() -> refresh.getTooltip().getText()));
    }

    @Test
    void theTabsBehindTheInstancesAreBuiltWhenFirstSelected(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).equals(simIds(ui.sim())));
        TabPane tabs = fx(() -> ui.window().session().view().tabs());
        for (String id : List.of("alerts-tab", "history-tab", "audit-tab")) {
            Tab tab = fx(() -> tab(tabs, id));
            assertNull(fx(tab::getContent), id + " was built before it was shown");
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            assertNotNull(fx(tab::getContent), id + " shows nothing when selected");
        }
        assertTrue(robot.lookup("#alert-list").tryQuery().isPresent(), "the alerts' table is there once selected");
    }

    @Test
    void theWindowIconsArriveAfterTheFirstFrame() {
        await().atMost(10, SECONDS)
                .until(() -> fx(() -> ui.window().stage().getIcons().size()) == 4);
    }

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId()))
                .findFirst()
                .orElseThrow();
    }

    private static List<Node> nodesWithTooltips(Node root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Node> found) {
        boolean tip = node instanceof Control c
                ? c.getTooltip() != null
                : node.getProperties().values().stream().anyMatch(Tooltip.class::isInstance);
        if (tip) {
            found.add(node);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
