package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.ui.common.AlertSink;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.common.WebLinks;
import io.imggenhub.vast.ui.shell.MainView;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * What a big fleet needs around the table: a filter with a visible row count, several rows destroyed at once,
 * Stop and Start, per-row links to the Vast console, a table that is visibly dimmed while its data is stale, and
 * columns sized by their content.
 */
public final class FleetControls {
    private FleetControls() {}

    public static void install(
            MainView view, MonitorViewModel monitor, PowerViewModel power, TaskRunner runner, AlertSink alerts) {
        InstanceTable instances = view.instanceTable();
        TableView<InstanceRow> table = view.table();

        TextField filter = new TextField();
        filter.setId("filter");
        filter.setPromptText("Filter by id, GPU, label or status");
        filter.setPrefColumnCount(26);
        LazyTip.install(filter, "Shows the rows whose id, GPU, label or status contain every word typed");
        instances.filterProperty().bind(filter.textProperty());
        Label count = new Label();
        count.setId("row-count");
        count.getStyleClass().add("row-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int shown = instances.shownRows().size();
                            int all = monitor.rows().size();
                            return shown == all
                                    ? Format.count(all, "instance")
                                    : "Showing " + shown + " of " + Format.count(all, "instance");
                        },
                        instances.shownRows(),
                        monitor.rows()));
        HBox bar = new HBox(8, filter, count);
        HBox.setHgrow(filter, Priority.NEVER);
        bar.getStyleClass().add("filter-bar");
        bar.setId("filter-bar");
        view.addAboveTable(bar);

        instances.addRowAction("Stop (keeps the disk, bills storage)…", power::stop);
        instances.addRowAction("Start", power::start);
        instances.addRowAction("Open in Vast console", row -> {
            if (!WebLinks.open(WebLinks.INSTANCES, runner)) {
                alerts.alert(new Banner(
                        "link",
                        Banner.Severity.INFO,
                        "No browser here: the address is copied",
                        WebLinks.INSTANCES + " — instance " + (row == null ? "" : row.id())));
            }
        });

        // Stale data must not look live: the numbers are dimmed until a poll succeeds again.
        monitor.staleProperty().addListener((o, was, stale) -> {
            dim(table, stale);
            dim(view.root().lookup(".summary-bar"), stale);
        });

        Runnable[] pending = {null};
        Runnable fit = () -> {
            pending[0] = null;
            instances.fitColumns();
        };
        monitor.rows().addListener((ListChangeListener<InstanceRow>) c -> {
            while (c.next()) {
                if ((c.wasAdded() || c.wasRemoved()) && pending[0] == null) {
                    // Once per pulse, however many changes one poll brings.
                    pending[0] = fit;
                    Platform.runLater(fit);
                    return;
                }
            }
        });
        instances.fitColumns();
    }

    private static void dim(Node node, boolean on) {
        if (node == null) {
            return;
        }
        if (on && !node.getStyleClass().contains("stale-dim")) {
            node.getStyleClass().add("stale-dim");
        } else if (!on) {
            node.getStyleClass().remove("stale-dim");
        }
    }

    /** "Destroy", or for several rows "Destroy selected (N, $X/hr)": what the button will do, priced. */
    public static StringBinding destroyButtonText(TableView<InstanceRow> table) {
        return Bindings.createStringBinding(
                () -> {
                    List<InstanceRow> selected = table.getSelectionModel().getSelectedItems();
                    if (selected.size() <= 1) {
                        return "Destroy";
                    }
                    double rate = selected.stream()
                            .filter(r -> r != null)
                            .mapToDouble(r -> r.hourlyProperty().get())
                            .sum();
                    return "Destroy selected (" + selected.size() + ", " + Format.perHour(rate) + ")";
                },
                table.getSelectionModel().getSelectedItems());
    }

    /**
     * Destroys what is selected, after the confirmation. Once confirmed the selection is cleared: when the rows go,
     * the selection must not jump to a neighbour that a second Delete would then destroy.
     */
    public static void destroySelection(TableView<InstanceRow> table, DestroyViewModel destroy) {
        List<InstanceRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        Object started = selected.size() > 1 ? destroy.destroySelected(selected) : destroy.destroy(selected.get(0));
        if (started != null) {
            table.getSelectionModel().clearSelection();
        }
    }
}
