package io.imggenhub.vast.ui.common;

import java.util.List;
import java.util.Objects;

/**
 * A message across the top of the window. The key identifies what it is about ("stale", "emergency"), so a newer
 * message on the same subject replaces the older one instead of stacking. The strip shows the title and a short
 * text; long lists (every instance an emergency cleanup destroyed) go in {@code details}, which the strip offers as
 * "Show all N" in a scrollable dialog, so no banner can grow past the window.
 */
public record Banner(String key, Severity severity, String title, String text, Action action, List<String> details) {

    public enum Severity {
        INFO,
        SUCCESS,
        WARNING,
        DANGER
    }

    /** One button on the banner, e.g. a guard warning's "Keep it 1 h"; it runs on the FX thread. */
    public record Action(String label, Runnable run) {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(run, "run");
        }
    }

    public Banner(String key, Severity severity, String title, String text) {
        this(key, severity, title, text, null, List.of());
    }

    public Banner(String key, Severity severity, String title, String text, Action action) {
        this(key, severity, title, text, action, List.of());
    }

    public Banner {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The lines a "Show all" dialog lists: the details, or a long text's lines. */
    public List<String> allLines() {
        if (!details.isEmpty()) {
            return details;
        }
        return List.of(text.split("\n"));
    }
}
