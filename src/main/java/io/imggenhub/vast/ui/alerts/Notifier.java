package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;

/**
 * Where alerts go when the user may not be looking at the window: the system tray when there is one, otherwise
 * pop-ups inside the window. Callable from any thread; each implementation hops to the thread its toolkit needs.
 */
public interface Notifier {

    /** One line about the account for a glance: burn and runway. */
    void status(String text);

    /** An alert that fired or cleared. */
    void alert(Alert alert);

    /** A plain notice that is no alert ("still watching from the tray"). */
    void notice(String title, String text);

    /** True when alerts reach the user even with the window closed. */
    boolean inTray();

    /** Removes whatever this notifier put on the desktop. */
    void close();
}
