package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.InstanceGuard;
import java.time.Instant;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The guards of one instance: maximum lifetime, idle auto-destroy and maximum $/hr. Validated before it closes;
 * the caller saves the result in the background.
 */
final class GuardDialog extends Dialog<GuardDialog.Result> {
    /** {@code guard} null with {@code remove} = remove every guard of the instance. */
    record Result(InstanceGuard guard, boolean remove) {}

    static final ButtonType SAVE = new ButtonType("Save guard", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REMOVE = new ButtonType("Remove guards", ButtonBar.ButtonData.LEFT);

    private final TextField ttl = FormFields.text(
            "guard-ttl",
            "e.g. 2h or 90m",
            "Destroy once the instance has existed this long, counted from when Vast created it");
    private final TextField idlePercent =
            FormFields.text("guard-idle-percent", "e.g. 5", "GPU utilisation below this % counts as idle");
    private final TextField idleFor = FormFields.text("guard-idle-for", "e.g. 30m", "How long it must stay idle");
    private final TextField maxHourly =
            FormFields.text("guard-max-hourly", "e.g. 0.50", "Destroy as soon as it bills more than this per hour");
    private final Label error = new Label();

    GuardDialog(Window owner, List<String> stylesheets, Instance instance, InstanceGuard current, Instant now) {
        if (owner != null) {
            initOwner(owner);
        }
        long id = instance.id();
        setTitle("Guard instance " + id);
        setHeaderText("Guard instance " + id + " (" + instance.gpuDisplayName() + ")");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().setId("guard-dialog");
        getDialogPane().getStyleClass().add("guard-dialog");

        if (current != null) {
            fillFrom(current);
        }
        styleError();
        getDialogPane().setContent(new VBox(10, form(), hint(instance, now), error));
        addButtons(current != null, id);
    }

    /** The fields show the guard as saved. */
    private void fillFrom(InstanceGuard current) {
        ttl.setText(GuardForm.text(current.maxLifetime()));
        if (current.idle() != null) {
            idlePercent.setText(GuardForm.text(current.idle().belowPercent()));
            idleFor.setText(GuardForm.text(current.idle().forDuration()));
        }
        maxHourly.setText(GuardForm.text(current.maxHourly()));
    }

    /** Lifetime, idle (below % for how long) and maximum $/hr, one rule a row. */
    private GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Destroy after (lifetime)"), ttl);
        HBox idleRow = new HBox(6, idlePercent, new Label("for"), idleFor);
        idleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(1, new Label("Destroy when GPU below (%)"), idleRow);
        form.addRow(2, new Label("Destroy above ($/hr)"), maxHourly);
        idlePercent.setPrefColumnCount(4);
        idleFor.setPrefColumnCount(6);
        return form;
    }

    /** How the rules count, the instance's age now, and that they act only while the app runs. */
    private static Label hint(Instance instance, Instant now) {
        String age =
                instance.started() == null ? "" : " It is " + HumanDuration.format(instance.uptime(now)) + " old now.";
        Label hint = new Label("Leave a field empty to switch that rule off. The lifetime counts from when Vast"
                + " created the instance." + age + " These guards act only while this app runs; a warning"
                + " with \"Keep it\" comes a few minutes ahead.");
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        return hint;
    }

    /** Hidden, and taking no room, until a save is refused. */
    private void styleError() {
        error.setId("guard-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(440);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
    }

    /** Save (the default, refused while a field is wrong), Cancel, and Remove when the instance has guards. */
    private void addButtons(boolean hasGuards, long id) {
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        if (hasGuards) {
            getDialogPane().getButtonTypes().add(REMOVE);
            Button remove = (Button) getDialogPane().lookupButton(REMOVE);
            remove.setId("guard-remove");
            remove.getStyleClass().add("danger");
        }
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("guard-save");
        save.setDefaultButton(true);
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (validated(id) == null) {
                e.consume();
            }
        });
        setResultConverter(button -> {
            if (button == SAVE) {
                return new Result(validated(id).guard(), false);
            }
            return button == REMOVE ? new Result(null, true) : null;
        });
    }

    /** Null (and the error shown) when something is wrong. */
    private Result validated(long id) {
        try {
            InstanceGuard guard = GuardForm.instanceGuard(
                    id, ttl.getText(), idlePercent.getText(), idleFor.getText(), maxHourly.getText());
            if (guard == null) {
                throw new IllegalArgumentException("Set at least one limit, or use Remove guards");
            }
            error.setVisible(false);
            return new Result(guard, false);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            return null;
        }
    }
}
