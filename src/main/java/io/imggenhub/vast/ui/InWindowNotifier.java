package io.imggenhub.vast.ui;

import io.imggenhub.vast.core.Alert;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.function.Supplier;

/** The fallback without a system tray: a ControlsFX pop-up in the window's corner for each alert. */
final class InWindowNotifier implements Notifier {
    private final Supplier<Window> owner;

    InWindowNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void status(String text) {
        // The summary bar already shows burn and runway in the window.
    }

    @Override
    public void alert(Alert alert) {
        Runnable show = () -> {
            Window window = owner.get();
            if (window == null || !window.isShowing()) {
                return;
            }
            Notifications n = Notifications.create().owner(window).title(alert.title()).text(alert.message())
                    .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(alert.urgent() ? 20 : 8));
            if (alert.cleared()) {
                n.showInformation();
            } else if (alert.urgent()) {
                n.showError();
            } else {
                n.showWarning();
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    @Override
    public boolean inTray() {
        return false;
    }

    @Override
    public void close() {
    }
}
