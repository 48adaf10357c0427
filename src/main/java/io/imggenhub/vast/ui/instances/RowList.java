package io.imggenhub.vast.ui.instances;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The rows of the table. Unlike an extractor list, which fires one event per changed property, it reports all the
 * rows a refresh changed as one update change: a sorted view then re-sorts once per refresh, not once per row.
 */
final class RowList extends ModifiableObservableListBase<InstanceRow> {
    private final List<InstanceRow> rows = new ArrayList<>();

    @Override
    public InstanceRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, InstanceRow element) {
        rows.add(index, element);
    }

    @Override
    protected InstanceRow doSet(int index, InstanceRow element) {
        return rows.set(index, element);
    }

    @Override
    protected InstanceRow doRemove(int index) {
        return rows.remove(index);
    }

    /**
     * Tells listeners that rows from {@code from} to {@code to} (exclusive) changed their values. One contiguous
     * range, even when only a few rows in it changed: a sorted view re-sorts once per sub-change, and twenty
     * scattered sub-changes cost it twenty sorts of the whole list, while a row that did not change costs nothing.
     */
    void fireUpdated(int from, int to) {
        if (from >= to) {
            return;
        }
        beginChange();
        try {
            for (int position = from; position < to; position++) {
                nextUpdate(position);
            }
        } finally {
            endChange();
        }
    }
}
