package io.imggenhub.vast.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node. A Tooltip is a popup window with a scene of its own: the
 * table fills its viewport with cells whether they show a row or not (about 300 at the default size), and the
 * buttons, fields, headers and summary tiles had ~40 more. Making them all up front, and styling them, cost the
 * window's first frame more than the tooltips are ever worth before someone points at one.
 */
public final class LazyTip {
    private final Node owner;
    private String text;
    private Tooltip tip;
    private boolean installed;

    public LazyTip(Node owner) {
        this.owner = owner;
        // Installed on entering, the tooltip still sees the moves that follow, which are what start its timer.
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> apply(true));
    }

    /** A fixed tooltip on {@code owner}, made when the pointer first enters it. */
    public static LazyTip install(Node owner, String text) {
        LazyTip tip = new LazyTip(owner);
        tip.setText(text);
        return tip;
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
            attach(null);
            return;
        }
        if (tip == null) {
            if (!entered) {
                return;
            }
            tip = new Tooltip();
        }
        tip.setText(text);
        attach(tip);
    }

    private void attach(Tooltip next) {
        if (owner instanceof Control control) {
            control.setTooltip(next);
        } else if (next != null && !installed) {
            Tooltip.install(owner, next);
            installed = true;
        } else if (next == null && installed) {
            Tooltip.uninstall(owner, tip);
            installed = false;
        }
    }
}
