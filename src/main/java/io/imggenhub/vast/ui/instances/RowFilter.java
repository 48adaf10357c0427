package io.imggenhub.vast.ui.instances;

import java.util.Locale;
import java.util.function.Predicate;

/** The filter box: every word must appear in the row's id, GPU, label or status (any case). Empty shows all. */
final class RowFilter {
    private RowFilter() {}

    static Predicate<InstanceRow> of(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return row -> {
            String hay = (row.id() + " " + row.gpuProperty().get() + " "
                            + row.labelProperty().get() + " "
                            + row.statusTextProperty().get())
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!hay.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }
}
