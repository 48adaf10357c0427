package io.imggenhub.vast.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Set;

/** Shows the board's banners, one coloured strip each; the ones that describe a current state cannot be closed. */
final class BannerStack {
    /** Banners that go away by themselves when their condition clears. */
    static final Set<String> STATE_KEYS = Set.of("stale");

    private final VBox box = new VBox(4);
    private final BannerBoard board;

    BannerStack(BannerBoard board) {
        this.board = board;
        box.getStyleClass().add("banner-stack");
        box.setId("banners");
        board.banners().addListener((ListChangeListener<Banner>) c -> render());
        render();
    }

    private void render() {
        box.getChildren().setAll(board.banners().stream().map(this::strip).toList());
        box.setVisible(!board.banners().isEmpty());
        box.setManaged(!board.banners().isEmpty());
    }

    private Node strip(Banner banner) {
        Label title = new Label(banner.title());
        title.getStyleClass().add("banner-title");
        title.setWrapText(true);
        Label text = new Label(banner.text());
        text.getStyleClass().add("banner-text");
        text.setWrapText(true);
        text.setVisible(!banner.text().isEmpty());
        text.setManaged(!banner.text().isEmpty());
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox strip = new HBox(8, words);
        strip.setId("banner-" + banner.key());
        strip.getStyleClass().addAll("banner", "banner-" + banner.severity().name().toLowerCase(Locale.ROOT));
        if (banner.action() != null) {
            Button act = new Button(banner.action().label());
            act.setId("banner-action-" + banner.key());
            act.getStyleClass().add("banner-action");
            act.setMinWidth(Button.USE_PREF_SIZE);
            act.setOnAction(e -> banner.action().run().run());
            strip.getChildren().add(act);
        }
        if (!STATE_KEYS.contains(banner.key())) {
            Button close = new Button("✕");
            close.getStyleClass().add("banner-close");
            close.setTooltip(new Tooltip("Dismiss"));
            close.setOnAction(e -> board.dismiss(banner.key()));
            strip.getChildren().add(close);
        }
        return strip;
    }

    Node view() {
        return box;
    }
}
