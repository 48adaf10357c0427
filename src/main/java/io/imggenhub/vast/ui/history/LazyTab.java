package io.imggenhub.vast.ui.history;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is built the first time it is selected. The window opens on the instances, so the tabs
 * behind it (a chart, more tables) would only add to the first CSS and layout pass, the longest step of start-up.
 */
final class LazyTab {
    private LazyTab() {}

    static Tab of(String text, String id, Supplier<? extends Node> content) {
        Tab tab = new Tab(text);
        tab.setId(id);
        tab.setClosable(false);
        if (tab.isSelected()) {
            tab.setContent(content.get());
        } else {
            tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (is) {
                        tab.selectedProperty().removeListener(this);
                        tab.setContent(content.get());
                    }
                }
            });
        }
        return tab;
    }
}
