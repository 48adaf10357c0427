package io.imggenhub.vast.ui.common;

/**
 * Asks the person before something that cannot be undone. The window shows a dialog; view-model tests may answer
 * directly.
 */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(Confirmation question);

    /**
     * @param action the confirming button's text ("Destroy"), so the dialog never says a bare "OK" to a destroy
     */
    record Confirmation(String title, String header, String text, String action) {}

    /**
     * Several ways forward plus Cancel. Returns the index of the option chosen, or -1 for Cancel. The default
     * cancels: only an asker that shows every option may pick one.
     */
    default int choose(Choice question) {
        return -1;
    }

    /** @param options the buttons' texts in order; Cancel is added by the asker */
    record Choice(String title, String header, String text, java.util.List<String> options) {}
}
