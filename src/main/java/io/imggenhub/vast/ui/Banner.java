package io.imggenhub.vast.ui;

import java.util.Objects;

/**
 * A message across the top of the window. The key identifies what it is about ("stale", "emergency"), so a newer
 * message on the same subject replaces the older one instead of stacking.
 */
public record Banner(String key, Severity severity, String title, String text, Action action) {

    public enum Severity { INFO, SUCCESS, WARNING, DANGER }

    /** One button on the banner, e.g. a guard warning's "Keep it 1 h"; it runs on the FX thread. */
    public record Action(String label, Runnable run) {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(run, "run");
        }
    }

    public Banner(String key, Severity severity, String title, String text) {
        this(key, severity, title, text, null);
    }

    public Banner {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
