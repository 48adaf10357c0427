package io.imggenhub.vast.ui.alerts;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Chooses where alerts go for the whole app: the tray icon when the desktop has a tray, else in-window pop-ups.
 * The tray is looked for in the background (AWT start-up is not free), so alerts go to the window until it is up.
 * With a tray and the setting on, closing the window only hides it and the account stays watched.
 */
public final class WatchTray implements Notifier {
    private final InWindowNotifier inWindow;
    private volatile Notifier current;
    private volatile boolean keepWatching;
    private volatile String lastStatus;
    private boolean implicitExitOff;
    private boolean toldHidden;

    public WatchTray(Stage stage) {
        this.inWindow = new InWindowNotifier(() -> stage);
        this.current = inWindow;
    }

    /**
     * Looks for a tray on {@code runner}; {@code onTray} runs on the FX thread if an icon was added.
     * {@code trayWanted=false} keeps everything in the window (tests, and a future "no tray" setting).
     */
    public void start(TaskRunner runner, TrayNotifier.Actions actions, Consumer<TrayNotifier> onTray) {
        runner.execute(() -> TrayNotifier.install(actions)
                .ifPresent(tray -> runner.onUi(() -> {
                    current = tray;
                    if (lastStatus != null) {
                        tray.status(lastStatus);
                    }
                    onTray.accept(tray);
                })));
    }

    /** Where alerts go now: the tray once it is up, else the window. */
    Notifier current() {
        return current;
    }

    /** Uses {@code notifier} from now on (tests record what reaches it). */
    void use(Notifier notifier) {
        current = notifier;
    }

    /** Only ever turns implicit exit off (and back on if it was this that turned it off): others may own it. */
    public void setKeepWatching(boolean keep) {
        keepWatching = keep;
        boolean hide = keep && current.inTray();
        if (hide) {
            implicitExitOff = true;
            Platform.setImplicitExit(false);
        } else if (implicitExitOff) {
            implicitExitOff = false;
            Platform.setImplicitExit(true);
        }
    }

    /** True when closing the window should only hide it: a tray is there to bring it back. */
    public boolean hidesOnClose() {
        return keepWatching && current.inTray();
    }

    @Override
    public void status(String text) {
        lastStatus = text;
        current.status(text);
    }

    /** One channel per alert: the tray when there is one, else the window. Never both: that read as two alerts. */
    @Override
    public void alert(Alert alert) {
        current.alert(alert);
    }

    @Override
    public void notice(String title, String text) {
        current.notice(title, text);
    }

    /**
     * The window was closed while the tray keeps watching: says so once per run, so nobody thinks the watch ended
     * (or wonders where the window went).
     */
    public void hiddenToTray() {
        if (!toldHidden && current.inTray()) {
            toldHidden = true;
            current.notice(
                    "Still watching from the tray",
                    "imggenhub-vast keeps watching your account from the"
                            + " tray. Click the icon to open the window; Quit in its menu ends the watch.");
        }
    }

    /** The in-window channel (tests look at its pop-ups). */
    InWindowNotifier inWindow() {
        return inWindow;
    }

    @Override
    public boolean inTray() {
        return current.inTray();
    }

    @Override
    public void close() {
        current.close();
    }
}
