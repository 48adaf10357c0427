package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.Confirmer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Confirms with a modal dialog whose default button is Cancel, so a stray Enter never destroys anything. */
public final class DialogConfirmer implements Confirmer {
    private final Supplier<Window> owner;
    private final Supplier<java.util.List<String>> stylesheets;

    public DialogConfirmer(Supplier<Window> owner, Supplier<java.util.List<String>> stylesheets) {
        this.owner = owner;
        this.stylesheets = stylesheets;
    }

    @Override
    public boolean confirm(Confirmation question) {
        ButtonType act = new ButtonType(question.action(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.text(), act, cancel);
        alert.setTitle(question.title());
        alert.setHeaderText(question.header());
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.getDialogPane().getStylesheets().setAll(stylesheets.get());
        alert.getDialogPane().getStyleClass().add("confirm-dialog");
        Button actButton = (Button) alert.getDialogPane().lookupButton(act);
        actButton.setDefaultButton(false);
        actButton.getStyleClass().add("danger");
        actButton.setId("confirm-action");
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setDefaultButton(true);
        cancelButton.setId("confirm-cancel");
        return alert.showAndWait().filter(act::equals).isPresent();
    }

    /** A warning dialog with one button per option and Cancel as the default, so Enter chooses nothing. */
    @Override
    public int choose(Choice question) {
        java.util.List<ButtonType> options = question.options().stream()
                .map(o -> new ButtonType(o, ButtonBar.ButtonData.OTHER))
                .toList();
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        java.util.List<ButtonType> all = new java.util.ArrayList<>(options);
        all.add(cancel);
        Alert alert = new Alert(Alert.AlertType.WARNING, question.text(), all.toArray(ButtonType[]::new));
        alert.setTitle(question.title());
        alert.setHeaderText(question.header());
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.getDialogPane().getStylesheets().setAll(stylesheets.get());
        alert.getDialogPane().getStyleClass().add("confirm-dialog");
        for (int i = 0; i < options.size(); i++) {
            Button b = (Button) alert.getDialogPane().lookupButton(options.get(i));
            b.setDefaultButton(false);
            b.setId("choice-" + i);
        }
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setDefaultButton(true);
        cancelButton.setId("confirm-cancel");
        return alert.showAndWait().map(options::indexOf).orElse(-1);
    }
}
