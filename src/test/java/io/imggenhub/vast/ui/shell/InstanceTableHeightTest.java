package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.instances.InstanceRow;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: the instance table is as tall as its rows and builds no empty filler rows (a row and 11 cells each,
 * two thirds of the window's first frame). Measured by bench/window-startup.sh; here the shape it must keep: the
 * rows end the table, more rows than fit scroll, no rows leave the placeholder the whole box, and a click below
 * the rows clears the selection as a click on an empty row did.
 */
@ExtendWith(ApplicationExtension.class)
class InstanceTableHeightTest {
    private static final int MANY = 40;

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(SimulatorConfig.defaults().withInstances(MANY));

    @Test
    void theTableIsAsTallAsItsRowsScrollsWhenTheyDoNotFitAndLeavesNoRowsToThePlaceholder(FxRobot robot) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == MANY);
        settle();
        assertTrue(fx(() -> verticalBar().isVisible()), "40 rows do not fit in 800 px: the table scrolls");
        assertEquals(0, fx(() -> emptyRowsShown()), "no empty rows among 40");
        assertTrue(
                fx(() -> table().getHeight() < table().prefHeight(-1)),
                "the table gets less than its rows' height, not more");

        List<Long> ids = simIds(ui.sim());
        ids.subList(3, ids.size()).forEach(id -> ui.sim().state().destroy(id));
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == 3);
        settle();
        assertEquals(0, fx(() -> emptyRowsShown()), "three rows and nothing built below them");
        assertEquals(3, fx(() -> filledRowsShown()));
        assertTrue(fx(() -> !verticalBar().isVisible()), "three rows fit");
        double gap = fx(() -> {
            Bounds table = table().localToScene(table().getLayoutBounds());
            double lastRowBottom = rows().stream()
                    .filter(r -> !r.isEmpty())
                    .mapToDouble(r -> r.localToScene(r.getLayoutBounds()).getMaxY())
                    .max()
                    .orElseThrow();
            return table.getMaxY() - lastRowBottom;
        });
        assertTrue(Math.abs(gap) <= 1, "the last row ends the table (gap " + gap + " px)");
        double below = fx(() -> box().getHeight() - table().getHeight());
        assertTrue(below > 300, "the box fills the rest of the height below the rows: " + below + " px");

        // A click in the box below the rows: nothing selected, and the table has the keys.
        fxRun(() -> table().getSelectionModel().select(0));
        Bounds boxBounds = fx(() -> box().localToScreen(box().getLayoutBounds()));
        robot.clickOn(boxBounds.getMinX() + 40, boxBounds.getMaxY() - 40);
        assertTrue(fx(() -> table().getSelectionModel().isEmpty()), "the click below the rows cleared the selection");
        assertTrue(fx(() -> table().isFocused()), "and focused the table");

        simIds(ui.sim()).forEach(id -> ui.sim().state().destroy(id));
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(30, SECONDS).until(() -> tableIds(robot).isEmpty());
        settle();
        assertTrue(
                fx(() -> table().lookup(".placeholder") != null
                        && table().lookup(".placeholder").isVisible()),
                "no rows: the placeholder says why");
        double rest = fx(() -> box().getHeight() - table().getHeight());
        assertTrue(rest <= 2.5, "and the table takes the whole box for it: " + rest + " px left");
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    private TableView<InstanceRow> table() {
        return ui.window().session().view().table();
    }

    private Region box() {
        return (Region) table().getParent();
    }

    private List<TableRow<?>> rows() {
        return table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> && n.isVisible())
                .<TableRow<?>>map(n -> (TableRow<?>) n)
                .toList();
    }

    private long emptyRowsShown() {
        return rows().stream().filter(TableRow::isEmpty).count();
    }

    private long filledRowsShown() {
        return rows().stream().filter(r -> !r.isEmpty()).count();
    }

    private ScrollBar verticalBar() {
        for (Node n : table().lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar;
            }
        }
        throw new AssertionError("no vertical scroll bar in the table");
    }
}
