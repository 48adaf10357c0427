package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.deploy.DeployPanel;
import io.imggenhub.vast.ui.instances.InstanceTable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;

/**
 * The instance table beside the deploy panel. The panel gives way before the numbers do: it gets what the table's
 * columns leave, and where that is less than it needs it closes by itself, to come back when there is room again.
 */
final class DeploySplit {
    /** The deploy panel's narrowest with its buttons and fields whole (base.css gives it the same minimum). */
    private static final double DEPLOY_MIN = 300;
    /** The split's divider and padding. */
    private static final double DIVIDER = 8;

    private final SplitPane split;
    private final InstanceTable table;
    private final DeployPanel deployPanel;
    private final ToggleButton toggle;
    /** The deploy panel was closed for lack of room, not by the user: it comes back when there is room. */
    private boolean autoHidden;

    private boolean hidingForRoom;

    DeploySplit(Node tablePane, InstanceTable table, DeployPanel deployPanel, ToggleButton toggle) {
        this.table = table;
        this.deployPanel = deployPanel;
        this.toggle = toggle;
        split = new SplitPane(tablePane, deployPanel.view());
        split.setId("split");
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(deployPanel.view(), false);
        // The deploy panel gives way before the numbers do: it gets what the table's columns leave, 300-400 px.
        split.widthProperty().addListener((o, was, is) -> placeDivider(true));
        table.neededWidthProperty().addListener((o, was, is) -> placeDivider(true));
        toggle.selectedProperty().addListener((o, was, show) -> {
            if (show && !split.getItems().contains(deployPanel.view())) {
                split.getItems().add(deployPanel.view());
                split.setDividerPositions(0.72);
                // After the split has laid the panel out again, or the position is overridden.
                Platform.runLater(() -> placeDivider(false));
            } else if (!show) {
                autoHidden = hidingForRoom;
                split.getItems().remove(deployPanel.view());
            }
        });
    }

    SplitPane view() {
        return split;
    }

    /**
     * The deploy panel gives way before the numbers do: it gets what the table's columns leave (up to 400 px), and
     * where that is less than it needs it closes by itself, to come back when the window is wide enough again.
     */
    private void placeDivider(boolean mayHide) {
        double width = split.getWidth();
        if (width <= 0) {
            return;
        }
        // The label in full if the panel can still have its minimum beside it, else the label gives way.
        double room = width - DIVIDER - table.neededWidth(true);
        if (room < DEPLOY_MIN) {
            // The label gives way (its cells have tooltips) before the panel closes; the panel keeps its minimum.
            room = Math.min(DEPLOY_MIN, width - DIVIDER - table.neededWidth(false));
        }
        boolean shown = split.getItems().contains(deployPanel.view());
        if (mayHide && shown && room < DEPLOY_MIN) {
            hidingForRoom = true;
            toggle.setSelected(false);
            hidingForRoom = false;
            return;
        }
        if (mayHide && !shown && autoHidden && room >= DEPLOY_MIN) {
            autoHidden = false;
            toggle.setSelected(true);
            return;
        }
        if (shown) {
            double panel = Math.max(DEPLOY_MIN, Math.min(400, room));
            split.setDividerPositions(Math.max(0.3, 1 - panel / width));
        }
    }
}
