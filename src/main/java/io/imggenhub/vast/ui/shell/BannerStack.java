package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.BannerBoard;
import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.guards.GuardViewModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows the board's banners, bounded so they can never push the table off the window: each strip is at most a
 * title and a few lines (longer content opens in a scrollable "Show all N" dialog), three or more banners
 * collapse into one line with a count, and the expanded list scrolls. Every banner has its ×; Escape closes the
 * newest.
 */
final class BannerStack {
    /** From this many banners on they collapse into one line. */
    static final int COLLAPSE_AT = 3;
    /** Text lines a strip shows before "Show all". */
    static final int MAX_LINES = 2;
    /** A strip's text longer than this goes in the dialog too. */
    static final int MAX_CHARS = 240;

    private static final double EXPANDED_MAX_HEIGHT = 260;

    private final VBox box = new VBox(4);
    private final BannerBoard board;
    private final BooleanProperty expanded = new SimpleBooleanProperty(false);
    /** Each banner's strip, kept while the banner is unchanged: a new banner does not rebuild the others. */
    private final java.util.Map<Banner, Node> strips = new java.util.HashMap<>();

    BannerStack(BannerBoard board) {
        this.board = board;
        box.getStyleClass().add("banner-stack");
        box.setId("banners");
        board.banners().addListener((ListChangeListener<Banner>) c -> render());
        expanded.addListener((o, was, is) -> render());
        render();
    }

    private void render() {
        List<Banner> all = board.banners();
        strips.keySet().retainAll(new java.util.HashSet<>(all));
        if (all.size() < COLLAPSE_AT) {
            expanded.set(false);
            box.getChildren().setAll(all.stream().map(this::cachedStrip).toList());
        } else if (!expanded.get()) {
            box.getChildren().setAll(collapsed(all));
        } else {
            VBox list = new VBox(4);
            list.getChildren().setAll(all.stream().map(this::cachedStrip).toList());
            ScrollPane scroll = new ScrollPane(list);
            scroll.setId("banners-scroll");
            scroll.setFitToWidth(true);
            scroll.setMaxHeight(EXPANDED_MAX_HEIGHT);
            scroll.setPrefViewportHeight(Math.min(EXPANDED_MAX_HEIGHT, all.size() * 56.0));
            scroll.getStyleClass().add("banner-scroll");
            Button less = new Button("Show fewer");
            less.setId("banners-collapse");
            less.setOnAction(e -> expanded.set(false));
            HBox bar = new HBox(less);
            bar.setAlignment(Pos.CENTER_RIGHT);
            box.getChildren().setAll(scroll, bar);
        }
        box.setVisible(!all.isEmpty());
        box.setManaged(!all.isEmpty());
    }

    /**
     * One line: the newest banner (what just happened, with its action and ×), and before it a count coloured by
     * the most urgent of the others, so a red one behind never goes unnoticed; "Show all N" lists them all.
     */
    private Node collapsed(List<Banner> all) {
        Banner newest = leading(all);
        Banner worst = all.stream().max(Comparator.comparing(Banner::severity)).orElseThrow();
        long urgent =
                all.stream().filter(b -> b.severity() == Banner.Severity.DANGER).count();
        Label count = new Label(all.size() + " alerts" + (urgent > 0 ? " · " + urgent + " urgent" : ""));
        count.setId("banners-count");
        count.getStyleClass().addAll("banner-count", "banner-count-" + severityClass(worst));
        count.setMinWidth(Label.USE_PREF_SIZE);
        Node strip = cachedStrip(newest);
        HBox.setHgrow(strip, Priority.ALWAYS);
        Button showAll = new Button("Show all " + all.size());
        showAll.setId("banners-show-all");
        showAll.setMinWidth(Button.USE_PREF_SIZE);
        showAll.setOnAction(e -> expanded.set(true));
        HBox line = new HBox(8, count, strip, showAll);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId("banners-collapsed");
        return line;
    }

    private Node cachedStrip(Banner banner) {
        return strips.computeIfAbsent(banner, this::strip);
    }

    private Node strip(Banner banner) {
        Label title = singleLine(banner.title());
        title.getStyleClass().add("banner-title");
        VBox words = new VBox(2, title);
        List<String> lines = banner.allLines();
        boolean tooLong = !banner.details().isEmpty()
                || lines.size() > MAX_LINES
                || banner.text().length() > MAX_CHARS;
        if (!banner.text().isEmpty()) {
            String shown = tooLong && banner.details().isEmpty()
                    ? String.join("\n", lines.subList(0, Math.min(MAX_LINES, lines.size())))
                    : banner.text();
            Label text = new Label(shown);
            text.getStyleClass().add("banner-text");
            text.setWrapText(true);
            // Bounded: a text that wraps further is cut with "…" and its full form is in the tooltip or dialog.
            text.setMaxHeight(MAX_LINES * 20 + 4);
            LazyTip.install(text, banner.text());
            words.getChildren().add(text);
        }
        if (tooLong) {
            int n = lines.size();
            Hyperlink more = new Hyperlink(banner.details().isEmpty() ? "Show all" : "Show all " + n);
            more.setId("banner-more-" + banner.key());
            more.getStyleClass().add("banner-more");
            more.setOnAction(e -> showAll(banner));
            words.getChildren().add(more);
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        HBox strip = new HBox(8, words);
        strip.setId("banner-" + banner.key());
        strip.getStyleClass().addAll("banner", severityClass(banner));
        addAction(strip, banner);
        strip.getChildren().add(close(banner));
        return strip;
    }

    private static void addAction(HBox strip, Banner banner) {
        if (banner.action() != null) {
            Button act = new Button(banner.action().label());
            act.setId("banner-action-" + banner.key());
            act.getStyleClass().add("banner-action");
            act.setMinWidth(Button.USE_PREF_SIZE);
            act.setOnAction(e -> banner.action().run().run());
            strip.getChildren().add(act);
        }
    }

    private Button close(Banner banner) {
        Button close = new Button("✕");
        close.setId("banner-close-" + banner.key());
        close.getStyleClass().add("banner-close");
        close.setMinWidth(Button.USE_PREF_SIZE);
        LazyTip.install(close, "Dismiss (Esc)");
        close.setOnAction(e -> board.dismiss(banner.key()));
        return close;
    }

    /** The full text and every detail line, in a dialog that scrolls however long the list is. */
    void showAll(Banner banner) {
        Dialog<Void> dialog = new Dialog<>();
        if (box.getScene() != null) {
            dialog.initOwner(box.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(box.getScene().getStylesheets());
        }
        dialog.setTitle(banner.title());
        dialog.setHeaderText(banner.title());
        dialog.setResizable(true);
        ListView<String> list = new ListView<>();
        list.setId("banner-details-list");
        if (!banner.details().isEmpty() && !banner.text().isEmpty()) {
            list.getItems().addAll(banner.text().split("\n"));
        }
        list.getItems().addAll(banner.allLines());
        list.setPrefSize(640, Math.min(420, 26.0 * list.getItems().size() + 8));
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().setId("banner-details");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
    }

    /** The banner the collapsed line shows: a guard's warning (it has a deadline and a "Keep it"), else the newest. */
    private static Banner leading(List<Banner> all) {
        return all.stream()
                .filter(b -> b.key().startsWith(GuardViewModel.WARN_PREFIX))
                .reduce((a, b) -> b)
                .orElse(all.get(all.size() - 1));
    }

    /** Escape: the banner in front goes, the one the collapsed line shows. False when there was none. */
    boolean dismissNewest() {
        List<Banner> all = board.banners();
        if (all.isEmpty()) {
            return false;
        }
        board.dismiss(leading(all).key());
        return true;
    }

    private static Label singleLine(String s) {
        Label l = new Label(s);
        l.setWrapText(false);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        LazyTip.install(l, s);
        return l;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String severityClass(Banner b) {
        return "banner-" + b.severity().name().toLowerCase(Locale.ROOT);
    }

    Node view() {
        return box;
    }
}
