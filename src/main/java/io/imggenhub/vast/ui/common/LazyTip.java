package io.imggenhub.vast.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node. A Tooltip is a popup window with a scene of its own, and a
 * table fills its viewport with cells whether they show a row or not (about 300 at the default size): making one
 * per cell up front was most of the ~320 popups the window built, and styled, before its first frame.
 */
public final class LazyTip {
    private final Control owner;
    private String text;
    private Tooltip tip;

    public LazyTip(Control owner) {
        this.owner = owner;
        // Installed on entering, the tooltip still sees the moves that follow, which are what start its timer.
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> apply(true));
    }

    /** The text to show; null or empty shows none. */
    public void setText(String text) {
        this.text = text;
        apply(false);
    }

    /** The tooltip, if one was made (tests and hover). */
    public Tooltip tooltip() {
        return tip;
    }

    private void apply(boolean entered) {
        if (text == null || text.isEmpty()) {
            owner.setTooltip(null);
            return;
        }
        if (tip == null) {
            if (!entered) {
                return;
            }
            tip = new Tooltip();
        }
        tip.setText(text);
        owner.setTooltip(tip);
    }
}
