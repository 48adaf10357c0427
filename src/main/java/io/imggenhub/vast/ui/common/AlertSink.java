package io.imggenhub.vast.ui.common;

/**
 * Where the window reports things a person must not miss (STILL BILLING, the emergency cleanup, destroy results).
 * The in-window banners are one sink; a system-tray notifier can be another.
 */
@FunctionalInterface
public interface AlertSink {
    void alert(Banner banner);
}
