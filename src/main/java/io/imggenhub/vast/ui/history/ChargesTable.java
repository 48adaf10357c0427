package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.core.Formats;
import io.imggenhub.vast.core.InstanceCharges;
import io.imggenhub.vast.core.Reconciliation;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The History tab's per-instance table: what Vast billed (GPU, disk, bandwidth), what we estimated, the difference,
 * and "destroyed" for instances that are gone but cost money in the range. While Vast's charges are unknown the
 * billed columns read "–" and only the estimate is shown.
 */
final class ChargesTable {
    private static final String UNKNOWN = "–";

    private ChargesTable() {}

    static TableView<InstanceCharges> create(ObservableList<InstanceCharges> rows, Supplier<Reconciliation> charges) {
        TableView<InstanceCharges> table = new TableView<>(rows);
        table.setId("spend-per-instance");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing billed or estimated in this range."));
        Function<Function<InstanceCharges, Double>, Function<InstanceCharges, String>> billed =
                f -> i -> charges.get() == null ? UNKNOWN : Formats.money(f.apply(i));
        table.getColumns()
                .setAll(List.of(
                        column("ID", 78, i -> Long.toString(i.instanceId())),
                        column("GPU", 95, i -> i.gpu() == null ? "" : i.gpu()),
                        column("Label", 70, i -> i.label() == null ? "" : i.label()),
                        column("GPU $", 62, billed.apply(InstanceCharges::gpuUsd)),
                        column("Disk $", 55, billed.apply(InstanceCharges::diskUsd)),
                        column("Traffic $", 62, billed.apply(InstanceCharges::bandwidthUsd)),
                        column("Billed", 62, billed.apply(InstanceCharges::billedUsd)),
                        column("Estimate", 64, i -> Formats.money(i.estimatedUsd())),
                        column(
                                "Diff.",
                                64,
                                i -> charges.get() == null ? UNKNOWN : Formats.signedMoney(i.differenceUsd())),
                        column("State", 70, i -> i.destroyed() ? "destroyed" : "")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InstanceCharges item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("charges-destroyed");
                if (!empty && item != null && item.destroyed()) {
                    getStyleClass().add("charges-destroyed");
                }
            }
        });
        return table;
    }

    /** The account line: Vast's total for the range beside the estimate, and the credit's own fall. */
    static String totalLine(Reconciliation r, String chargesError, String estimateLine) {
        if (r == null) {
            return chargesError == null || chargesError.isBlank() ? estimateLine : chargesError + " " + estimateLine;
        }
        return "Billed by Vast (" + r.period().label() + "): " + Formats.money(r.billedUsd())
                + " · estimated " + Formats.money(r.estimatedUsd())
                + " · difference " + Formats.signedMoney(r.differenceUsd())
                + (r.destroyedCount() == 0 ? "" : " · " + Formats.count(r.destroyedCount(), "destroyed instance"));
    }

    private static TableColumn<InstanceCharges, String> column(
            String title, double width, Function<InstanceCharges, String> f) {
        TableColumn<InstanceCharges, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
