package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.instances.InstanceRow;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The instance table's Guard column. Cells read the protection computed on the polling thread; a refresh that
 * changes nothing about the guards touches no cell.
 */
final class GuardColumn {
    private GuardColumn() {}

    static TableColumn<InstanceRow, GuardCell> create(ObservableMap<Long, GuardCell> cells) {
        TableColumn<InstanceRow, GuardCell> column = new TableColumn<>();
        Label header = new Label("Guard");
        LazyTip.install(
                header,
                "What destroys this instance by itself and when: local guards (only while"
                        + " this app runs) and the on-instance watchdog (also when it is closed). Guard… (G) sets them.");
        column.setGraphic(header);
        column.setText("");
        column.setId("col-guard");
        // The table's sort keys are row fields; the guard is not one of them.
        column.setSortable(false);
        column.setPrefWidth(150);
        column.setCellValueFactory(f -> Bindings.valueAt(cells, f.getValue().id()));
        column.setCellFactory(c -> new Cell());
        return column;
    }

    private static final class Cell extends TableCell<InstanceRow, GuardCell> {
        private final LazyTip tip = new LazyTip(this);
        private boolean warned;

        Cell() {
            getStyleClass().add("guard-cell");
        }

        @Override
        protected void updateItem(GuardCell item, boolean empty) {
            super.updateItem(item, empty);
            GuardCell shown = empty ? null : item == null ? GuardCell.NONE : item;
            setText(shown == null ? null : shown.text());
            tip.setText(shown == null ? null : shown.tooltip());
            boolean warn = shown != null && shown.localOnly();
            if (warn != warned) {
                if (warn) {
                    getStyleClass().add("guard-local-only");
                } else {
                    getStyleClass().remove("guard-local-only");
                }
                warned = warn;
            }
        }
    }
}
