package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Platform;
import javax.imageio.ImageIO;

/**
 * The system-tray icon: a tooltip with burn and runway, a balloon for every alert, and a menu to open the window,
 * refresh, destroy everything (confirmed in the window) or quit. AWT work runs on the EDT; the menu's actions are
 * handed to the FX thread.
 */
public final class TrayNotifier implements Notifier {
    private static final Logger LOG = Logger.getLogger(TrayNotifier.class.getName());
    static final String TITLE = "imggenhub-vast";

    /** What the tray menu asks of the window. Each is called on the FX thread. */
    public interface Actions {
        void open();

        void refresh();

        void destroyAll();

        void quit();
    }

    private final TrayIcon icon;

    private TrayNotifier(TrayIcon icon) {
        this.icon = icon;
    }

    /** The tray icon, or empty when this desktop has no tray (headless, no tray host): never an exception. */
    static Optional<TrayNotifier> install(Actions actions) {
        try {
            if (!SystemTray.isSupported()) {
                return Optional.empty();
            }
            TrayIcon icon = new TrayIcon(image(), TITLE, menu(actions));
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Platform.runLater(actions::open));
            // add() must run on the EDT; waiting here is short and keeps "installed" truthful.
            AWTException[] failure = new AWTException[1];
            EventQueue.invokeAndWait(() -> {
                try {
                    SystemTray.getSystemTray().add(icon);
                } catch (AWTException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                LOG.warning("No tray icon: " + failure[0].getMessage());
                return Optional.empty();
            }
            return Optional.of(new TrayNotifier(icon));
        } catch (UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.warning("No tray icon: " + e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static PopupMenu menu(Actions actions) {
        PopupMenu menu = new PopupMenu();
        menu.add(item("Open", () -> actions.open()));
        menu.add(item("Refresh", () -> actions.refresh()));
        menu.addSeparator();
        menu.add(item("Destroy All…", () -> actions.destroyAll()));
        menu.addSeparator();
        menu.add(item("Quit", () -> actions.quit()));
        return menu;
    }

    private static MenuItem item(String label, Runnable onFx) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> Platform.runLater(onFx));
        return item;
    }

    private static Image image() {
        try (InputStream in = TrayNotifier.class.getResourceAsStream("/io/imggenhub/vast/ui/icon-32.png")) {
            if (in != null) {
                return ImageIO.read(in);
            }
        } catch (IOException e) {
            LOG.fine("tray icon image: " + e.getMessage());
        }
        return new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
    }

    @Override
    public void status(String text) {
        EventQueue.invokeLater(() -> icon.setToolTip(text));
    }

    @Override
    public void alert(Alert alert) {
        TrayIcon.MessageType type = alert.cleared()
                ? TrayIcon.MessageType.INFO
                : alert.urgent() ? TrayIcon.MessageType.ERROR : TrayIcon.MessageType.WARNING;
        EventQueue.invokeLater(() -> icon.displayMessage(alert.title(), alert.message(), type));
    }

    @Override
    public void notice(String title, String text) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.INFO));
    }

    @Override
    public boolean inTray() {
        return true;
    }

    /** Waits until the icon is gone, so that quitting never leaves the JVM to exit under a live tray icon. */
    @Override
    public void close() {
        Runnable remove = () -> SystemTray.getSystemTray().remove(icon);
        if (EventQueue.isDispatchThread()) {
            remove.run();
            return;
        }
        try {
            EventQueue.invokeAndWait(remove);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.warning("Could not remove the tray icon: " + e.getCause());
        }
    }

    TrayIcon icon() {
        return icon;
    }
}
