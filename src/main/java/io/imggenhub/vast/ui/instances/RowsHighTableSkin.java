package io.imggenhub.vast.ui.instances;

import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;

/**
 * A table skin as tall as the table's rows (its header, fixed-height rows and borders), no taller. A TableView
 * fills the rest of its height with empty rows, each a row and a cell per column for nothing but stripes: on the
 * instance table that was 16 rows of 11 controls, about two thirds of the window's first frame (and of every
 * layout after it). The table sits in a frame that draws the box below the rows instead (see
 * {@link InstanceTable#box()}). With more rows than fit, the parent gives the table less than this and it scrolls;
 * with no rows it takes all the height it is given, for its placeholder.
 */
final class RowsHighTableSkin<S> extends TableViewSkin<S> {
    /** Takes height from the rows when the columns are wider than the table. */
    private final ScrollBar horizontalBar;

    RowsHighTableSkin(TableView<S> table) {
        super(table);
        horizontalBar = getVirtualFlow().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .orElse(null);
        if (horizontalBar != null) {
            horizontalBar.visibleProperty().addListener((o, was, is) -> relayout());
        }
        // Rows coming or going already lay the table out again (TableViewSkinBase); these change its height too.
        table.fixedCellSizeProperty().addListener((o, was, is) -> relayout());
    }

    /** Makes the parent ask for the table's height again. */
    private void relayout() {
        getSkinnable().requestLayout();
    }

    /** Sized by its rows: there are some, and their height is fixed. Otherwise a plain table (placeholder). */
    private boolean sizedByRows() {
        return rows() > 0 && getSkinnable().getFixedCellSize() > 0;
    }

    private int rows() {
        ObservableList<S> items = getSkinnable().getItems();
        return items == null ? 0 : items.size();
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        if (!sizedByRows()) {
            return super.computePrefHeight(width, top, right, bottom, left);
        }
        double rows = rows() * getSkinnable().getFixedCellSize();
        return snapSizeY(top + getTableHeaderRow().prefHeight(width) + rows + horizontalBarHeight() + bottom);
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return sizedByRows() ? computePrefHeight(width, top, right, bottom, left) : Double.MAX_VALUE;
    }

    private double horizontalBarHeight() {
        return horizontalBar != null && horizontalBar.isVisible() ? horizontalBar.prefHeight(-1) : 0;
    }
}
