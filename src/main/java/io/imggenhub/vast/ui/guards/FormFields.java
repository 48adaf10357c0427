package io.imggenhub.vast.ui.guards;

import io.imggenhub.vast.ui.common.LazyTip;
import javafx.scene.control.TextField;

/** The text fields the dialogs share: an id for tests, a prompt saying what empty means, a tooltip saying why. */
final class FormFields {
    private FormFields() {}

    static TextField text(String id, String prompt, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        LazyTip.install(f, tip);
        return f;
    }
}
