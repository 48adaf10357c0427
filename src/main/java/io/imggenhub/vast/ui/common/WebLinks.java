package io.imggenhub.vast.ui.common;

import java.awt.Desktop;
import java.net.URI;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Pages of the Vast console the window links to. Opened in the desktop's browser where there is one (in the
 * background: AWT's Desktop can block); where there is none the address is copied, and the caller says so.
 */
public final class WebLinks {
    private static final Logger LOG = Logger.getLogger(WebLinks.class.getName());
    public static final URI INSTANCES = URI.create("https://cloud.vast.ai/instances/");
    public static final URI BILLING = URI.create("https://cloud.vast.ai/billing/");

    private WebLinks() {}

    /**
     * Opens {@code page}; returns false when it could only copy the address to the clipboard. Call on the FX
     * thread.
     */
    public static boolean open(URI page, java.util.concurrent.Executor runner) {
        if (browserAvailable()) {
            runner.execute(() -> {
                try {
                    Desktop.getDesktop().browse(page);
                } catch (Exception e) {
                    LOG.warning("Could not open " + page + ": " + e.getMessage());
                    Platform.runLater(() -> copy(page.toString()));
                }
            });
            return true;
        }
        copy(page.toString());
        return false;
    }

    /** {@link #open(URI, java.util.concurrent.Executor)} on a short-lived daemon thread, for callers without a runner. */
    public static boolean open(URI page) {
        return open(page, command -> {
            Thread t = new Thread(command, "open-link");
            t.setDaemon(true);
            t.start();
        });
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static boolean browserAvailable() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
