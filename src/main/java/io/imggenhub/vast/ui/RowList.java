package io.imggenhub.vast.ui;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.List;

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

    /** Tells listeners that the rows at these positions changed their values (ascending positions). */
    void fireUpdated(int[] positions) {
        if (positions.length == 0) {
            return;
        }
        beginChange();
        try {
            for (int position : positions) {
                nextUpdate(position);
            }
        } finally {
            endChange();
        }
    }
}
