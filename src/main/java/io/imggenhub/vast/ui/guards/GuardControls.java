package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.Formats;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.shell.MainView;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/** Puts the guards into the main view: the Guard column, "Guard…" (toolbar, context menu, G) and account guards. */
public final class GuardControls {
    private GuardControls() {}

    public static void install(MainView view, GuardViewModel guards, Confirmer confirmer) {
        TableView<InstanceRow> table = view.table();
        int afterUtil = table.getColumns().stream().map(c -> c.getId()).toList().indexOf("col-util") + 1;
        table.getColumns()
                .add(afterUtil > 0 ? afterUtil : table.getColumns().size(), GuardColumn.create(guards.cells()));

        Button guard = new Button("Guard…");
        guard.setId("guard");
        LazyTip.install(guard, "Lifetime, idle and price limits for the selected instance (G)");
        guard.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        guard.setOnAction(e -> openGuard(table, table.getSelectionModel().getSelectedItem(), guards, confirmer));
        Button account = new Button("Account guards…");
        account.setId("account-guards");
        LazyTip.install(account, "Daily and monthly spend caps and a credit floor for the whole account");
        account.setOnAction(e -> openAccount(table, guards, confirmer));
        view.addTools(new Separator(Orientation.VERTICAL), guard, account);

        view.instanceTable().addRowAction("Guard…", row -> openGuard(table, row, guards, confirmer));
        view.root().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Scene scene = view.root().getScene();
            boolean typing = scene != null && scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.G && !typing && !e.isShortcutDown() && !e.isAltDown()) {
                openGuard(table, table.getSelectionModel().getSelectedItem(), guards, confirmer);
                e.consume();
            }
        });
    }

    static void openGuard(TableView<InstanceRow> table, InstanceRow row, GuardViewModel guards, Confirmer confirmer) {
        if (row == null || row.instance() == null) {
            return;
        }
        Instance instance = row.instance();
        guards.loadGuard(instance.id(), current -> new GuardDialog(
                        owner(table),
                        css(table),
                        instance,
                        current.orElse(null),
                        guards.clock().instant())
                .showAndWait()
                .filter(r -> r.remove() || actsNowConfirmed(instance, r.guard(), guards, confirmer))
                .ifPresent(r -> guards.save(instance.id(), r.remove() ? null : r.guard())));
    }

    /** A guard that would destroy the instance at once is saved only after the person said so, naming what goes. */
    private static boolean actsNowConfirmed(
            Instance instance,
            io.imggenhub.vast.core.guard.InstanceGuard guard,
            GuardViewModel guards,
            Confirmer confirmer) {
        return guards.engine()
                .wouldActNow(instance, guard)
                .map(why -> confirmer.confirm(new Confirmer.Confirmation(
                        "Guard acts now",
                        "This destroys instance " + instance.id() + " (" + instance.gpuDisplayName() + ", "
                                + Format.ratePerHour(instance.billedRate()) + ") now: " + why + ".",
                        "The guard's limit is already reached. Once saved, a warning with \"Keep it\" comes on the next"
                                + " poll and the instance is destroyed on the poll after, with its disk. Save only if that"
                                + " is what you want.",
                        "Save and destroy")))
                .orElse(true);
    }

    static void openAccount(TableView<InstanceRow> table, GuardViewModel guards, Confirmer confirmer) {
        guards.loadAccountGuard(current -> new AccountGuardDialog(owner(table), css(table), current)
                .showAndWait()
                .ifPresent(guard -> guards.accountActsNow(guard, actsNow -> {
                    if (actsNow.map(a -> confirmer.confirm(accountActsNowQuestion(a)))
                            .orElse(true)) {
                        guards.saveAccount(guard);
                    }
                })));
    }

    /** Account guards that would destroy the whole fleet at once: saved only after the person said so. */
    static Confirmer.Confirmation accountActsNowQuestion(GuardViewModel.AccountActsNow a) {
        return new Confirmer.Confirmation(
                "Account guard acts now",
                "This destroys " + Formats.count(a.instances(), "instance") + " (" + Formats.perHour(a.burnPerHour())
                        + ") now: " + a.why() + ".",
                "A limit is already crossed. Once saved, a warning with \"Keep it\" comes on the next poll and every"
                        + " instance on the account is destroyed on the poll after, disks included. Cancel keeps"
                        + " the guards as they were.",
                "Save and destroy all");
    }

    private static Window owner(TableView<InstanceRow> table) {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }

    private static List<String> css(TableView<InstanceRow> table) {
        return table.getScene() == null
                ? List.of()
                : List.copyOf(table.getScene().getStylesheets());
    }
}
