package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The Alerts tab: recent alerts with time, kind, message and whether they cleared; snooze a kind for an hour. */
public final class AlertsView {
    private final BorderPane root = new BorderPane();
    private final TableView<AlertList.Entry> table;

    public AlertsView(AlertList list, ZoneId zone, Consumer<Alert.Kind> snoozeHour) {
        table = new TableView<>(list.entries());
        table.setId("alert-list");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No alerts: burn, runway and credit are within your limits."));

        TableColumn<AlertList.Entry, String> time =
                column("Time", 120, e -> Format.clockSeconds(e.alert().at(), zone));
        TableColumn<AlertList.Entry, String> kind =
                column("Alert", 150, e -> e.alert().kind().label());
        TableColumn<AlertList.Entry, String> state = new TableColumn<>("State");
        state.setPrefWidth(150);
        state.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().open()
                        ? "ACTIVE"
                        : "cleared "
                                + Format.clockSeconds(
                                        c.getValue().clearedAtProperty().get(), zone),
                c.getValue().clearedAtProperty()));
        TableColumn<AlertList.Entry, String> message =
                column("Message", 500, e -> e.alert().message());
        table.getColumns().setAll(java.util.List.of(time, kind, state, message));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlertList.Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("alert-open", "alert-urgent");
                if (!empty && item != null && item.open()) {
                    getStyleClass().add(item.alert().urgent() ? "alert-urgent" : "alert-open");
                }
            }
        });

        Button snooze = new Button("Snooze this kind for 1 h");
        snooze.setId("snooze");
        LazyTip.install(
                snooze, "No new alerts of the selected kind for an hour; if it still holds then, it is shown again");
        snooze.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label snoozed = new Label();
        snoozed.setId("snooze-note");
        snooze.setOnAction(e -> {
            AlertList.Entry selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                snoozeHour.accept(selected.alert().kind());
                snoozed.setText(selected.alert().kind().label() + " snoozed until "
                        + Format.clockSeconds(java.time.Instant.now().plus(java.time.Duration.ofHours(1)), zone));
            }
        });
        HBox bar = new HBox(10, snooze, snoozed);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        root.setCenter(table);
        root.setBottom(bar);
        root.setId("alerts-view");
    }

    private static TableColumn<AlertList.Entry, String> column(
            String title, double width, java.util.function.Function<AlertList.Entry, String> f) {
        TableColumn<AlertList.Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }

    TableView<AlertList.Entry> table() {
        return table;
    }
}
