package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.ui.instances.ColumnFit;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.instances.RowField;
import io.imggenhub.vast.ui.settings.DemoAccount;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, "Nothing cut off": in the demo account at 1024×700, 1320×800 (deploy panel open) and 1920×1080, every
 * column is at least as wide as its content, so no number, status or Copy button is cut, and the table needs no
 * horizontal scrollbar. The label has its full width where there is room for it: the Guard column gives way first.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutOffTest {
    @TempDir
    Path home;

    Stage stage;
    MonitorWindow window;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
        window = UiTestSupport.open(
                stage, DemoAccount.start(), home, UiSettings.defaults().withPollSeconds(600), q -> true);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void atTheDefaultSizeWithTheDeployPanelOpenNothingIsCut(FxRobot robot) {
        resize(robot, 1320, 800);
        assertTrue(
                fx(() -> window.session().view().root().lookup("#deploy-toggle")
                                instanceof javafx.scene.control.ToggleButton t
                        && t.isSelected()),
                "the deploy panel is open");
        assertNothingCut(true);
    }

    @Test
    void atTheSmallestSupportedSizeNothingButTheLabelGivesWay(FxRobot robot) {
        resize(robot, 1024, 700);
        assertNothingCut(false);
    }

    @Test
    void atFullHdTheLabelHasItsWidth(FxRobot robot) {
        resize(robot, 1920, 1080);
        assertNothingCut(true);
    }

    private static boolean mayBeCut(TableColumn<?, ?> column, boolean labelInFull) {
        // The Guard column's cells carry their full text as a tooltip; so does the label where it gives way.
        return column == null
                || column.getUserData() == null
                || (!labelInFull && column.getUserData() == RowField.LABEL);
    }

    private void resize(FxRobot robot, double width, double height) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == DemoAccount.INSTANCES);
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // The divider is placed after a layout pass; let both settle.
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    private void assertNothingCut(boolean labelInFull) {
        List<String> cut = fx(() -> {
            TableView<InstanceRow> table = window.session().view().table();
            List<String> out = new ArrayList<>();
            for (TableColumn<InstanceRow, ?> c : table.getColumns()) {
                double content = ColumnFit.width(c, table.getItems());
                boolean mayGiveWay = c.getUserData() == null || (!labelInFull && c.getUserData() == RowField.LABEL);
                if (content > 0 && !mayGiveWay && c.getWidth() + 0.5 < content) {
                    out.add(c.getId() + " " + c.getWidth() + " < " + content);
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), "columns narrower than their content: " + cut);
        List<String> shortened = fx(() -> {
            TableView<InstanceRow> table = window.session().view().table();
            List<String> out = new ArrayList<>();
            for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.isVisible()
                        && UiTestSupport.ellipsized(cell)
                        && !mayBeCut(cell.getTableColumn(), labelInFull)) {
                    out.add(cell.getTableColumn().getId() + ": " + cell.getText());
                }
            }
            javafx.scene.Node panel = window.session().view().root().lookup("#deploy-panel");
            if (panel != null && panel.getScene() != null) {
                for (String kind : List.of(".button", ".check-box")) {
                    for (javafx.scene.Node n : panel.lookupAll(kind)) {
                        if (n instanceof javafx.scene.control.Labeled l
                                && l.isVisible()
                                && UiTestSupport.ellipsized(l)) {
                            out.add("deploy panel " + l.getText());
                        }
                    }
                }
            }
            for (javafx.scene.Node n : table.lookupAll(".column-header .label")) {
                if (n instanceof javafx.scene.control.Labeled l && UiTestSupport.ellipsized(l)) {
                    out.add("header " + l.getText());
                }
            }
            return out;
        });
        assertTrue(shortened.isEmpty(), "cut to '…': " + shortened);
        double columns = fx(() -> window.session().view().table().getColumns().stream()
                .mapToDouble(TableColumn::getWidth)
                .sum());
        double inside = fx(() -> window.session().view().table().getWidth());
        boolean scrollbar = fx(() -> window.session().view().table().lookupAll(".scroll-bar").stream()
                .anyMatch(n ->
                        n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()));
        assertFalse(
                scrollbar || columns > inside,
                "no horizontal scrollbar in the instance table: columns " + columns + " px in a table of " + inside
                        + " px");
    }
}
