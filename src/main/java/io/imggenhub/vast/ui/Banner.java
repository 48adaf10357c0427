package io.imggenhub.vast.ui;

import java.util.Objects;

/**
 * A message across the top of the window. The key identifies what it is about ("stale", "emergency"), so a newer
 * message on the same subject replaces the older one instead of stacking.
 */
public record Banner(String key, Severity severity, String title, String text) {

    public enum Severity { INFO, SUCCESS, WARNING, DANGER }

    public Banner {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
