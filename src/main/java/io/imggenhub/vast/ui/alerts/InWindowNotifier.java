package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The channel without a system tray: a small card in the window's bottom-right corner for each alert, always
 * inside the window's bounds (narrowed to fit a small window), replacing the previous one instead of stacking.
 */
final class InWindowNotifier implements Notifier {
    /** The card's widest; a narrower window gets a narrower card. */
    static final double MAX_WIDTH = 380;

    private static final double MARGIN = 16;

    private final Supplier<Window> owner;
    private Popup shown;

    InWindowNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void status(String text) {
        // The summary bar already shows burn and runway in the window.
    }

    @Override
    public void alert(Alert alert) {
        String kind = alert.cleared() ? "info" : alert.urgent() ? "danger" : "warning";
        show(alert.title(), alert.message(), kind, alert.urgent() ? 20 : 8);
    }

    @Override
    public void notice(String title, String text) {
        show(title, text, "info", 8);
    }

    private void show(String title, String text, String kind, int seconds) {
        Runnable show = () -> {
            Window window = owner.get();
            if (window == null || !window.isShowing()) {
                return;
            }
            if (shown != null) {
                shown.hide();
            }
            double width = Math.max(160, Math.min(MAX_WIDTH, window.getWidth() - 2 * MARGIN));
            Label head = new Label(title);
            head.getStyleClass().add("toast-title");
            head.setWrapText(true);
            Label body = new Label(text);
            body.setWrapText(true);
            body.getStyleClass().add("toast-text");
            Button close = new Button("✕");
            close.getStyleClass().add("banner-close");
            VBox words = new VBox(2, head, body);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox card = new HBox(8, words, close);
            card.setId("toast");
            // "root": the theme's looked-up colours are defined there, and a pop-up has a scene of its own.
            card.getStyleClass().addAll("root", "toast", "banner", "banner-" + kind);
            card.setPrefWidth(width);
            card.setMaxWidth(width);
            card.setMinWidth(width);
            if (window.getScene() != null) {
                card.getStylesheets().setAll(window.getScene().getStylesheets());
            }
            Popup popup = new Popup();
            popup.getContent().add(card);
            popup.setAutoHide(false);
            close.setOnAction(e -> popup.hide());
            // A pop-up sees its owner's keys first and by default eats Escape to hide itself; the keys belong to
            // the window, where Escape closes a banner (the card goes by its × or its timer).
            popup.setHideOnEscape(false);
            card.applyCss();
            card.layout();
            double height = card.prefHeight(width);
            popup.show(
                    window,
                    window.getX() + window.getWidth() - width - MARGIN,
                    window.getY() + window.getHeight() - height - MARGIN - 24);
            // Placed again by the popup's real size (its shadow adds to it): the whole card inside the window.
            popup.setX(window.getX() + window.getWidth() - popup.getWidth() - MARGIN);
            popup.setY(window.getY() + window.getHeight() - popup.getHeight() - MARGIN);
            shown = popup;
            PauseTransition hide = new PauseTransition(Duration.seconds(seconds));
            hide.setOnFinished(e -> popup.hide());
            hide.play();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /** The card on screen now, if any (tests check it sits inside the window). */
    Popup shown() {
        return shown != null && shown.isShowing() ? shown : null;
    }

    @Override
    public boolean inTray() {
        return false;
    }

    @Override
    public void close() {
        if (shown != null) {
            Popup p = shown;
            Platform.runLater(p::hide);
        }
    }
}
