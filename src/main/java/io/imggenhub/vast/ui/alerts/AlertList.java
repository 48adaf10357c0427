package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recent alerts, newest first: each fired alert is a row, and its "cleared" notice marks that row instead of
 * adding one. Fed from any thread; the rows change on the FX thread only.
 */
public final class AlertList {
    static final int KEEP = 200;

    /** One alert episode as the list shows it. */
    public static final class Entry {
        private final Alert alert;
        private final ReadOnlyObjectWrapper<Instant> clearedAt = new ReadOnlyObjectWrapper<>();

        Entry(Alert alert) {
            this.alert = alert;
        }

        public Alert alert() {
            return alert;
        }

        ReadOnlyObjectProperty<Instant> clearedAtProperty() {
            return clearedAt.getReadOnlyProperty();
        }

        public boolean open() {
            return clearedAt.get() == null;
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();

    public void add(Alert alert) {
        if (Platform.isFxApplicationThread()) {
            apply(alert);
        } else {
            Platform.runLater(() -> apply(alert));
        }
    }

    private void apply(Alert alert) {
        if (alert.cleared()) {
            for (Entry e : entries) {
                if (e.open()
                        && e.alert.kind() == alert.kind()
                        && e.alert.subject().equals(alert.subject())) {
                    e.clearedAt.set(alert.at());
                }
            }
        } else {
            entries.add(0, new Entry(alert));
            if (entries.size() > KEEP) {
                entries.remove(KEEP, entries.size());
            }
        }
        openCount.set((int) entries.stream().filter(Entry::open).count());
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    /** Alerts whose condition still held when last heard of: the count on the Alerts tab. */
    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }
}
