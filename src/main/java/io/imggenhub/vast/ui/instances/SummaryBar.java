package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The spend at a glance: burn, projected day, credit, runway and when it runs out, how many bill, how fresh. */
public final class SummaryBar {
    private final HBox box = new HBox(10);

    public SummaryBar(MonitorViewModel vm, ZoneId zone) {
        box.getStyleClass().add("summary-bar");
        box.getChildren()
                .addAll(
                        tile(
                                "burn",
                                "Burn",
                                Bindings.createStringBinding(
                                        () -> Format.perHour(
                                                vm.burnPerHourProperty().get()),
                                        vm.burnPerHourProperty()),
                                Bindings.createStringBinding(
                                        () -> Format.count(vm.billingProperty().get(), "instance") + " billing",
                                        vm.billingProperty()),
                                vm.burnHighProperty(),
                                "Σ of what every instance bills per hour right now (storage only for stopped ones)"),
                        tile(
                                "day",
                                "Projected per day",
                                Bindings.createStringBinding(
                                        () -> Format.money(
                                                vm.burnPerDayProperty().get()),
                                        vm.burnPerDayProperty()),
                                Bindings.createStringBinding(() -> "if nothing changes"),
                                null,
                                "Burn × 24 h"),
                        tile(
                                "credit",
                                "Credit",
                                Bindings.createStringBinding(
                                        () -> vm.snapshotProperty().get() == null
                                                ? "–"
                                                : Format.money(
                                                        vm.creditProperty().get()),
                                        vm.creditProperty(),
                                        vm.snapshotProperty()),
                                Bindings.createStringBinding(
                                        () -> vm.creditUsedUpProperty().get() ? "used up" : "spendable balance",
                                        vm.creditUsedUpProperty()),
                                vm.creditLowProperty(),
                                "The account's spendable credit as Vast reports it"),
                        tile(
                                "runway",
                                "Runway",
                                Bindings.createStringBinding(
                                        // Used-up credit is no runway at all: neither "0 s" of one nor an endless one.
                                        () -> vm.snapshotProperty().get() == null
                                                ? "–"
                                                : vm.creditUsedUpProperty().get()
                                                        ? "none"
                                                        : vm.runwayProperty().get() == null
                                                                ? "∞"
                                                                : Format.duration(vm.runwayProperty()
                                                                        .get()),
                                        vm.runwayProperty(),
                                        vm.snapshotProperty(),
                                        vm.creditUsedUpProperty()),
                                Bindings.createStringBinding(
                                        () -> vm.staleProperty().get()
                                                // No fresh poll: the runway is the one computed then, frozen, not
                                                // counting.
                                                ? "frozen: data of "
                                                        + (vm.lastUpdatedProperty()
                                                                                .get()
                                                                        == null
                                                                ? "–"
                                                                : Format.clockSeconds(
                                                                        vm.lastUpdatedProperty()
                                                                                .get(),
                                                                        zone))
                                                : vm.creditUsedUpProperty().get()
                                                        ? (vm.billingProperty().get() > 0
                                                                ? "credit used up while instances bill"
                                                                : "credit used up")
                                                        : vm.creditZeroAtProperty()
                                                                                .get()
                                                                        == null
                                                                ? "nothing is billing"
                                                                : "credit reaches zero at "
                                                                        + Format.clock(
                                                                                vm.creditZeroAtProperty()
                                                                                        .get(),
                                                                                vm.nowProperty()
                                                                                        .get(),
                                                                                zone),
                                        vm.creditZeroAtProperty(),
                                        vm.nowProperty(),
                                        vm.staleProperty(),
                                        vm.lastUpdatedProperty(),
                                        vm.creditUsedUpProperty(),
                                        vm.billingProperty()),
                                vm.runwayLowProperty(),
                                "Credit ÷ burn: how long until the credit reaches zero at today's burn"),
                        tile(
                                "billing",
                                "Billing",
                                Bindings.createStringBinding(
                                        () -> String.valueOf(
                                                vm.billingProperty().get()),
                                        vm.billingProperty()),
                                Bindings.createStringBinding(
                                        () -> Format.count(vm.rows().size(), "instance") + " listed", vm.rows()),
                                null,
                                "Instances that cost money right now"),
                        tile(
                                "updated",
                                "Updated",
                                Bindings.createStringBinding(
                                        () -> vm.lastUpdatedProperty().get() == null
                                                ? "–"
                                                : Format.clockSeconds(
                                                        vm.lastUpdatedProperty().get(), zone),
                                        vm.lastUpdatedProperty()),
                                vm.updatedAgoProperty(),
                                vm.staleProperty(),
                                "When the last successful poll arrived"));
        markDanger("credit", vm.creditUsedUpProperty());
    }

    private Node tile(
            String id,
            String caption,
            ObservableStringValue value,
            ObservableStringValue detail,
            ObservableBooleanValue warning,
            String tip) {
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("summary-caption");
        Label valueLabel = new Label();
        valueLabel.setId(id + "-value");
        valueLabel.getStyleClass().add("summary-value");
        valueLabel.textProperty().bind(value);
        Label detailLabel = new Label();
        detailLabel.setId(id + "-detail");
        detailLabel.getStyleClass().add("summary-detail");
        detailLabel.textProperty().bind(detail);
        VBox tile = new VBox(1, captionLabel, valueLabel, detailLabel);
        tile.setId(id + "-tile");
        tile.getStyleClass().add("summary-tile");
        LazyTip.install(tile, tip);
        if (warning != null) {
            warning.addListener((o, was, is) -> setWarning(tile, is));
            setWarning(tile, warning.get());
        }
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    /** The credit tile turns red (style class {@code danger}) while the credit is used up. */
    private void markDanger(String id, ObservableBooleanValue danger) {
        Node tile = box.lookup("#" + id + "-tile");
        Runnable apply = () -> {
            tile.getStyleClass().remove("danger");
            if (danger.get()) {
                tile.getStyleClass().add("danger");
            }
        };
        danger.addListener((o, was, is) -> apply.run());
        apply.run();
    }

    private static void setWarning(Node tile, boolean on) {
        tile.getStyleClass().remove("warning");
        if (on) {
            tile.getStyleClass().add("warning");
        }
    }

    public Node view() {
        return box;
    }
}
