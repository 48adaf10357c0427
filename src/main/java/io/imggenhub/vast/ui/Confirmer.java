package io.imggenhub.vast.ui;

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
    record Confirmation(String title, String header, String text, String action) {
    }
}
