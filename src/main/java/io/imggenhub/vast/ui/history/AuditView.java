package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.store.AuditLog;
import io.imggenhub.vast.store.StoreException;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The Audit tab: what was destroyed, rented and cleaned up, and why, newest first, read in the background. An
 * intent that never got its outcome is marked, because its request may or may not have happened.
 */
final class AuditView {
    static final Duration RANGE = Duration.ofDays(30);
    static final int LIMIT = 2_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT);

    private final BorderPane root = new BorderPane();
    private final TableView<AuditRows.Row> table = new TableView<>();
    private final Label error = new Label();
    private final AuditLog log;
    private final TaskRunner runner;
    private final Clock clock;
    private boolean loading;
    private boolean again;

    AuditView(AuditLog log, TaskRunner runner, Clock clock, ZoneId zone) {
        this.log = log;
        this.runner = runner;
        this.clock = clock;
        root.setId("audit-view");
        table.setId("audit-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing destroyed or rented in the last 30 days."));
        table.getColumns()
                .setAll(List.of(
                        column("Time", 130, r -> WHEN.format(r.event().at().atZone(zone))),
                        column("Action", 120, r -> r.event().action()),
                        column("Reason", 220, r -> r.event().reason()),
                        column(
                                "Phase",
                                140,
                                r -> r.unconfirmed()
                                        ? "INTENT · no outcome"
                                        : r.event().phase().name()),
                        column("Instances", 130, r -> r.event().instanceIds().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "))),
                        column(
                                "Detail",
                                400,
                                r -> r.event().detail() == null ? "" : r.event().detail())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRows.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("audit-unconfirmed");
                if (!empty && item != null && item.unconfirmed()) {
                    getStyleClass().add("audit-unconfirmed");
                }
            }
        });
        error.setId("audit-error");
        error.getStyleClass().add("history-error");
        error.setPadding(new Insets(4, 8, 4, 8));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        root.setTop(error);
        root.setCenter(table);
    }

    /** Reads the log again in the background; calls during a read fold into one more read. */
    void reload() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        runner.task(p -> AuditRows.of(log.since(clock.instant().minus(RANGE), LIMIT)))
                .onSuccess(rows -> {
                    table.getItems().setAll(rows);
                    error.setText("");
                })
                .onError(StoreException.class, e -> error.setText(e.getMessage()))
                .onError(e -> error.setText("Could not read the audit log: " + e))
                .andFinally(this::done)
                .start();
    }

    private void done() {
        loading = false;
        if (again) {
            again = false;
            reload();
        }
    }

    private static TableColumn<AuditRows.Row, String> column(
            String title, double width, Function<AuditRows.Row, String> f) {
        TableColumn<AuditRows.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    Parent root() {
        return root;
    }

    TableView<AuditRows.Row> table() {
        return table;
    }
}
