package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.core.guard.AccountGuard;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Spend caps per day and month, a credit floor, and the opt-in to destroy everything when one is crossed. */
final class AccountGuardDialog extends Dialog<AccountGuard> {
    static final ButtonType SAVE = new ButtonType("Save account guards", ButtonBar.ButtonData.OK_DONE);

    private final TextField daily =
            FormFields.text("account-daily", "no cap", "Estimated spend per calendar day (USD)");
    private final TextField monthly =
            FormFields.text("account-monthly", "no cap", "Estimated spend per calendar month (USD)");
    private final TextField floor =
            FormFields.text("account-floor", "none", "Alert when the credit falls to this (USD)");
    private final CheckBox destroy = new CheckBox("Destroy every instance when a limit is crossed");
    private final Label error = new Label();

    AccountGuardDialog(Window owner, List<String> stylesheets, AccountGuard current) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Account guards");
        setHeaderText("Account guards");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().setId("account-guard-dialog");
        daily.setText(GuardForm.text(current.dailyCap()));
        monthly.setText(GuardForm.text(current.monthlyCap()));
        floor.setText(GuardForm.text(current.creditFloor()));
        destroy.setId("account-destroy");
        destroy.setSelected(current.destroyOnBreach());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Daily spend cap ($)"), daily);
        form.addRow(1, new Label("Monthly spend cap ($)"), monthly);
        form.addRow(2, new Label("Credit floor ($)"), floor);
        Label warning = new Label("Off by default: crossing a limit only alerts. Switched on, it destroys ALL"
                + " instances on the account, running work included, and their disks with them.");
        warning.getStyleClass().add("error-text");
        warning.setWrapText(true);
        warning.setMaxWidth(420);
        warning.visibleProperty().bind(destroy.selectedProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label hint = new Label("Spend comes from this app's history of polls, so it counts only while the app (or"
                + " watch) runs. Empty fields are off.");
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        error.setId("account-guard-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        getDialogPane().setContent(new VBox(10, form, hint, destroy, warning, error));

        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("account-guard-save");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (validated() == null) {
                e.consume();
            }
        });
        setResultConverter(button -> button == SAVE ? validated() : null);
    }

    private AccountGuard validated() {
        try {
            AccountGuard guard =
                    GuardForm.accountGuard(daily.getText(), monthly.getText(), floor.getText(), destroy.isSelected());
            error.setVisible(false);
            return guard;
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            return null;
        }
    }
}
