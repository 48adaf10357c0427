package io.imggenhub.vast.ui.guards;

import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The text fields the dialogs share: an id for tests, a prompt saying what empty means, a tooltip saying why. */
final class FormFields {
    private FormFields() {}

    static TextField text(String id, String prompt, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(tip));
        return f;
    }
}
