package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The instance table. Cells bind to the row objects' properties, and the items are a sorted view of the view
 * model's rows, so a refresh changes values in place: selection, sort order and scroll position stay put.
 */
public final class InstanceTable {
    private final TableView<InstanceRow> table = new TableView<>() {
        @Override
        protected javafx.scene.control.Skin<?> createDefaultSkin() {
            return new RowsHighTableSkin<>(this);
        }
    };
    /** Draws the table's box below its rows: the table is only as tall as they are (see RowsHighTableSkin). */
    private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(table);

    private final javafx.beans.property.StringProperty filter = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.collections.transformation.FilteredList<InstanceRow> filtered;
    private final MonitorViewModel monitor;
    /** Context-menu entries other parts of the window add (Guard…); read when a row is created. */
    private final java.util.List<MenuItemSpec> rowActions = new java.util.ArrayList<>();

    private record MenuItemSpec(String text, Consumer<InstanceRow> action) {}

    public InstanceTable(MonitorViewModel monitor, Consumer<InstanceRow> destroy) {
        table.setId("instances");
        table.getStyleClass().add("instance-table");
        box.getStyleClass().add("instance-box");
        // Up to its rows' height (its skin's maximum), or all of the box for the placeholder when there are none.
        javafx.scene.layout.VBox.setVgrow(table, Priority.ALWAYS);
        // The focus ring the table drew round itself, now round the box (base.css).
        javafx.css.PseudoClass tableFocused = javafx.css.PseudoClass.getPseudoClass("table-focused");
        table.focusedProperty().addListener((o, was, is) -> box.pseudoClassStateChanged(tableFocused, is));
        // A click below the rows does what a click on an empty row did: nothing selected, the table has the keys.
        box.setOnMousePressed(e -> {
            if (e.getTarget() == box) {
                table.getSelectionModel().clearSelection();
                table.requestFocus();
            }
        });
        this.monitor = monitor;
        // Several rows at once: "Destroy selected (N, $X/hr)" on a big fleet.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Widths are ours (see fitColumns): content first, the label gives way, the last column takes the rest.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.widthProperty().addListener((o, was, is) -> shareWidth());

        filtered = new javafx.collections.transformation.FilteredList<>(monitor.rows());
        filter.addListener((o, was, is) -> filtered.setPredicate(RowFilter.of(is)));
        SortedList<InstanceRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        TableColumn<InstanceRow, Number> id =
                column(RowField.ID, "ID", r -> Bindings.createLongBinding(r::id), 75, "Vast's instance (contract) id");
        id.setCellFactory(c -> text(n -> String.valueOf(n.longValue()), "cell-id"));

        // Ids are what people copy into the CLI: never let the constrained layout cut them short.
        id.setMinWidth(80);
        TableColumn<InstanceRow, String> gpu =
                column(RowField.GPU, "GPU", InstanceRow::gpuProperty, 104, "GPU model and count");

        gpu.setCellFactory(c -> text(g -> g, "cell-text"));

        TableColumn<InstanceRow, String> status = column(
                RowField.STATUS,
                "Status",
                InstanceRow::statusTextProperty,
                88,
                "Vast's container state; while the window acts on an instance, what it is doing");
        status.setCellFactory(c -> new StatusCell());

        TableColumn<InstanceRow, Number> hourly = column(
                RowField.HOURLY,
                "$/hr",
                InstanceRow::hourlyProperty,
                96,
                "What it bills per hour now: the all-in price (dph_total) while it runs, storage only while"
                        + " it is stopped");
        hourly.setCellFactory(c -> new RateCell());

        TableColumn<InstanceRow, Duration> uptime = column(
                RowField.UPTIME, "Uptime", InstanceRow::uptimeProperty, 82, "Time since the instance was created");
        uptime.setCellFactory(c -> text(Format::duration, "cell-number"));
        // While polls fail, the uptimes stand still: the header says so instead of looking live.
        ((Label) uptime.getGraphic())
                .textProperty()
                .bind(Bindings.when(monitor.staleProperty())
                        .then("Uptime (frozen)")
                        .otherwise("Uptime"));

        TableColumn<InstanceRow, Number> cost = column(
                RowField.COST,
                "Cost so far",
                InstanceRow::costSoFarProperty,
                132,
                "Estimate: what it bills now × uptime, so a stopped instance counts its storage only. Vast's"
                        + " invoices are what counts: price changes and stops make the real figure differ.");
        cost.setCellFactory(c -> text(n -> "~" + Format.money(n.doubleValue()), "cell-number"));

        TableColumn<InstanceRow, Double> util = column(
                RowField.UTIL,
                "Util",
                InstanceRow::gpuUtilProperty,
                48,
                "GPU utilisation as Vast last reported it (gpu_util)");
        util.setCellFactory(c -> text(Format::percent, "cell-number"));

        TableColumn<InstanceRow, String> label =
                column(RowField.LABEL, "Label", InstanceRow::labelProperty, 84, "The instance's label");
        label.setCellFactory(c -> text(l -> l, "cell-text"));

        TableColumn<InstanceRow, String> ssh = column(
                RowField.SSH,
                "SSH",
                InstanceRow::sshProperty,
                226,
                "root@host:port; the button copies the ssh command");
        ssh.setCellFactory(c -> new SshCell());

        table.getColumns().setAll(java.util.List.of(id, gpu, status, hourly, uptime, cost, util, label, ssh));
        // Tell the view model what the order depends on, so a refresh reports only the changes that can move rows.
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<InstanceRow, ?>>)
                c -> monitor.setSortKeys(sortKeys()));
        monitor.setSortKeys(sortKeys());

        table.setRowFactory(t -> {
            TableRow<InstanceRow> row = new TableRow<>();
            // A context menu is a popup window of its own: made when the row first shows an instance, not for the
            // empty rows that fill the rest of the viewport.
            row.emptyProperty().addListener((o, was, empty) -> row.setContextMenu(empty ? null : menuOf(row, destroy)));
            return row;
        });
    }

    private ContextMenu menuOf(TableRow<InstanceRow> row, Consumer<InstanceRow> destroy) {
        Object made = row.getProperties().get(ContextMenu.class);
        if (made != null) {
            return (ContextMenu) made;
        }
        MenuItem copy = new MenuItem("Copy SSH command");
        copy.setOnAction(e -> copySsh(row.getItem()));
        MenuItem kill = new MenuItem("Destroy…");
        kill.setOnAction(e -> destroy.accept(row.getItem()));
        ContextMenu menu = new ContextMenu(copy);
        rowActions.forEach(a -> {
            MenuItem item = new MenuItem(a.text());
            item.setOnAction(e -> a.action().accept(row.getItem()));
            menu.getItems().add(item);
        });
        // Destroy last, apart from the rest: the one entry that cannot be undone.
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), kill);
        row.getProperties().put(ContextMenu.class, menu);
        return menu;
    }

    /** What the filter box holds: rows whose id, GPU, label or status contain it are shown. */
    javafx.beans.property.StringProperty filterProperty() {
        return filter;
    }

    /** Rows shown under the filter, and all rows. */
    javafx.collections.ObservableList<InstanceRow> shownRows() {
        return filtered;
    }

    /**
     * Sizes each column to its widest content in the table's own font, so numbers, ids and statuses are never cut
     * to "…"; the SSH column (last) takes what is left. Called when rows come or go, not on every value change.
     */
    void fitColumns() {
        for (TableColumn<InstanceRow, ?> column : table.getColumns()) {
            double width = ColumnFit.width(column, filtered);
            if (width > 0) {
                column.setMinWidth(column.getUserData() == RowField.LABEL ? ColumnFit.LABEL_MIN : width);
                column.getProperties().put(CONTENT_WIDTH, width);
            } else {
                // The Guard column is mostly "—"; its cells carry the full text as a tooltip.
                column.setMinWidth(ColumnFit.GUARD_MIN);
                column.getProperties().put(CONTENT_WIDTH, 100.0);
            }
        }
        shareWidth();
        needed.set(neededWidth(true));
    }

    /** What the columns need since the last fit, so the deploy panel can make room when rows come or go. */
    public javafx.beans.property.ReadOnlyDoubleProperty neededWidthProperty() {
        return needed.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper needed =
            new javafx.beans.property.ReadOnlyDoubleWrapper();

    private static final String CONTENT_WIDTH = "content-width";

    /**
     * Every column gets its content width; when the table is narrower, the label (then the guard) gives way down to
     * its minimum, and the cells it cuts have their full text as a tooltip; when wider, the last column takes the
     * rest, so no empty strip is left.
     */
    private void shareWidth() {
        double available = table.getWidth() - SCROLLBAR;
        if (available <= 0) {
            return;
        }
        java.util.List<TableColumn<InstanceRow, ?>> columns = table.getColumns();
        double total = 0;
        for (TableColumn<InstanceRow, ?> c : columns) {
            total += contentWidth(c);
        }
        double over = total - available;
        java.util.Map<TableColumn<InstanceRow, ?>, Double> widths = new java.util.LinkedHashMap<>();
        columns.forEach(c -> widths.put(c, contentWidth(c)));
        // The mostly empty Guard column gives way first, then the label; the numbers never do.
        for (Object givesWay : new Object[] {null, RowField.LABEL}) {
            for (TableColumn<InstanceRow, ?> c : columns) {
                if (over > 0 && c.getUserData() == givesWay) {
                    double w = widths.get(c);
                    double cut = Math.min(over, w - c.getMinWidth());
                    widths.put(c, w - cut);
                    over -= cut;
                }
            }
        }
        widths.forEach(TableColumn::setPrefWidth);
        if (over < 0 && !columns.isEmpty()) {
            TableColumn<InstanceRow, ?> last = columns.get(columns.size() - 1);
            last.setPrefWidth(last.getPrefWidth() - over);
        }
    }

    /**
     * The width the table needs for every column to show its content, the Guard column at its minimum and the
     * label in full or at its minimum; the deploy panel gets what is left of the window.
     */
    public double neededWidth(boolean labelInFull) {
        double sum = SCROLLBAR;
        for (TableColumn<InstanceRow, ?> c : table.getColumns()) {
            boolean atMin = c.getUserData() == null || (!labelInFull && c.getUserData() == RowField.LABEL);
            sum += atMin ? c.getMinWidth() : contentWidth(c);
        }
        return sum;
    }

    /** Room kept for the vertical scrollbar and the table's border. */
    private static final double SCROLLBAR = 18;

    private static double contentWidth(TableColumn<InstanceRow, ?> column) {
        Object w = column.getProperties().get(CONTENT_WIDTH);
        return w instanceof Double d ? d : column.getPrefWidth();
    }

    public void addRowAction(String text, Consumer<InstanceRow> action) {
        rowActions.add(new MenuItemSpec(text, action));
    }

    private java.util.Set<RowField> sortKeys() {
        java.util.EnumSet<RowField> keys = java.util.EnumSet.noneOf(RowField.class);
        table.getSortOrder().forEach(column -> keys.add((RowField) column.getUserData()));
        return keys;
    }

    public TableView<InstanceRow> view() {
        return table;
    }

    /** The table in its box, for the window's layout; the box fills the height the rows leave. */
    public javafx.scene.layout.Region box() {
        return box;
    }

    /**
     * A column starting at {@code width}, which must not be JavaFX's default (80): a column still at 80 when the
     * table first shows is auto-sized by building and measuring a row of cells per item, ~50 ms of the window's
     * first frame, and {@link #fitColumns()} sizes the columns anyway.
     */
    private static <T> TableColumn<InstanceRow, T> column(
            RowField field, String title, Function<InstanceRow, ObservableValue<T>> value, double width, String tip) {
        TableColumn<InstanceRow, T> column = new TableColumn<>();
        Label header = new Label(title);
        LazyTip.install(header, tip);
        column.setGraphic(header);
        column.setText("");
        column.setId("col-"
                + title.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z]+", "-")
                        .replaceAll("-+$", ""));
        column.setUserData(field);
        column.setPrefWidth(width);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        return column;
    }

    /** A plain text cell; the formatters accept null (shown as "–"). Its tooltip has the full text if it is cut. */
    private static <T> TableCell<InstanceRow, T> text(Function<T, String> format, String styleClass) {
        TableCell<InstanceRow, T> cell = new TableCell<>() {
            private final LazyTip full = new LazyTip(this);

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty ? null : format.apply(item);
                setText(shown);
                full.setText(shown);
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }

    static void copySsh(InstanceRow row) {
        if (row == null || row.instance() == null || row.instance().ssh() == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(row.instance().ssh().command());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The hourly rate; a stopped instance's storage-only rate is marked, so nobody mistakes it for free. */
    private static final class RateCell extends TableCell<InstanceRow, Number> {
        private static final String STORAGE_TIP = "Stopped: it pays for its disk only. Destroy it to stop that too.";
        private final LazyTip storage = new LazyTip(this);

        RateCell() {
            getStyleClass().add("cell-number");
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            InstanceRow row =
                    empty || getTableRow() == null ? null : getTableRow().getItem();
            if (item == null || row == null) {
                setText(null);
                storage.setText(null);
                return;
            }
            boolean disk = row.storageOnly();
            setText(Format.rate(item.doubleValue()) + (disk ? " disk" : ""));
            storage.setText(disk ? STORAGE_TIP : null);
        }
    }

    /** A coloured dot and the status text; the colour comes from the status kind's CSS class. */
    private static final class StatusCell extends TableCell<InstanceRow, String> {
        private final Label dot = new Label("●");
        private final LazyTip full = new LazyTip(this);
        private String current;

        StatusCell() {
            dot.getStyleClass().add("status-dot");
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            InstanceRow row =
                    empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || row == null) {
                setText(null);
                setGraphic(null);
                full.setText(null);
                setStatusClass(null);
                return;
            }
            setText(item);
            setGraphic(dot);
            full.setText(item);
            if ("STILL BILLING".equals(row.actionProperty().get())) {
                setStatusClass("status-alarm");
            } else if (row.busy()) {
                setStatusClass("status-action");
            } else {
                setStatusClass(row.statusKindProperty().get().styleClass());
            }
        }

        /** Touches the style classes only when the class really changes: any change re-runs CSS on the cell. */
        private void setStatusClass(String wanted) {
            if (java.util.Objects.equals(current, wanted)) {
                return;
            }
            if (current != null) {
                getStyleClass().remove(current);
            }
            if (wanted != null) {
                getStyleClass().add(wanted);
            }
            current = wanted;
        }
    }

    static String shortSsh(String userAtHostPort) {
        return userAtHostPort == null ? "" : userAtHostPort.replaceFirst("^root@", "");
    }

    /**
     * The SSH address with a copy button, because people paste it straight into a terminal. The address, the button
     * and their tooltips are made when the cell first shows an instance: most cells fill the viewport empty.
     */
    private static final class SshCell extends TableCell<InstanceRow, String> {
        private Label address;
        private Button copy;
        private LazyTip fullSsh;
        private HBox box;

        private InstanceRow row() {
            return getTableRow() == null ? null : getTableRow().getItem();
        }

        private void build() {
            address = new Label();
            fullSsh = new LazyTip(address);
            copy = new Button("Copy");
            copy.getStyleClass().add("copy-button");
            copy.setFocusTraversable(false);
            copy.setMinWidth(Region.USE_PREF_SIZE);
            LazyTip.install(copy, "Copy the ssh command to the clipboard");
            copy.setOnAction(e -> {
                InstanceRow row = row();
                copySsh(row);
                if (row != null && row.instance() != null && row.instance().ssh() != null) {
                    // A tick, not "Copied": the column is sized for "Copy" and a wider word would be cut.
                    copy.setText("✓");
                }
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(6, address, spacer, copy);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (copy != null) {
                copy.setText("Copy");
            }
            if (empty || item == null || item.isEmpty()) {
                setGraphic(empty ? null : new Label("–"));
                return;
            }
            if (box == null) {
                build();
            }
            // host:port: the user is always root, and the column must leave room for the numbers.
            address.setText(shortSsh(item));
            fullSsh.setText(
                    row() == null || row().instance().ssh() == null
                            ? item
                            : row().instance().ssh().command());
            setGraphic(box);
        }
    }
}
