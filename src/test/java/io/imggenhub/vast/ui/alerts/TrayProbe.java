package io.imggenhub.vast.ui.alerts;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Run by {@link TrayIT} in its own JVM on a real X display with a tray host (glass GTK, AWT not headless): opens
 * the monitor window on a simulator and prints what the tray did as {@code key=value} lines.
 */
public final class TrayProbe {
    /** Passes every call on to the real tray icon and remembers the alerts. */
    static final class Recording implements Notifier {
        final Notifier real;
        final List<Alert> alerts = new CopyOnWriteArrayList<>();

        Recording(Notifier real) {
            this.real = real;
        }

        @Override
        public void status(String text) {
            real.status(text);
        }

        @Override
        public void alert(Alert alert) {
            alerts.add(alert);
            real.alert(alert);
        }

        @Override
        public void notice(String title, String text) {
            real.notice(title, text);
        }

        @Override
        public boolean inTray() {
            return real.inTray();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
            System.out.println("result=ok");
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        System.out.println("display=" + System.getenv("DISPLAY"));
        // trayer may still be claiming the tray selection; AWT notices when it does.
        await().atMost(20, SECONDS).until(SystemTray::isSupported);
        System.out.println("supported=" + SystemTray.isSupported());
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        Path home = Files.createTempDirectory("uispend-trayprobe");
        VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(2));
        UiSettings quiet = UiSettings.defaults()
                .withPollSeconds(600)
                .withThresholds(0, 0, 0)
                .withTrayWatch(true);
        List<String> asked = new CopyOnWriteArrayList<>();
        MonitorWindow window = UiTestSupport.fx(() -> UiTestSupport.open(
                new Stage(),
                UiTestSupport.connectionTo(sim),
                home,
                quiet,
                q -> asked.add(q.title() + " / " + q.action())));
        await().atMost(20, SECONDS).until(() -> window.tray().inTray());
        TrayIcon icon = SystemTray.getSystemTray().getTrayIcons()[0];
        System.out.println("icons=" + SystemTray.getSystemTray().getTrayIcons().length);
        System.out.println("iconSize=" + SystemTray.getSystemTray().getTrayIconSize());

        Recording recording = new Recording(window.tray().current());
        window.tray().use(recording);
        Platform.runLater(() -> window.session().refreshNow());
        await().atMost(20, SECONDS).until(() -> onEdt(icon::getToolTip).startsWith("Burn $"));
        System.out.println("tooltip=" + onEdt(icon::getToolTip));

        double burn = sim.state().burnRate();
        UiTestSupport.fxRun(() -> window.session().apply(quiet.withThresholds(0, burn / 2, 0)));
        Platform.runLater(() -> window.session().refreshNow());
        await().atMost(20, SECONDS).until(() -> !recording.alerts.isEmpty());
        Alert first = recording.alerts.get(0);
        System.out.println("alert=" + first.kind() + "|" + first.title() + "|" + first.message());

        // Closing the window only hides it; the tray's Open brings it back, and the session kept running.
        UiTestSupport.fxRun(() -> {
            window.stage().fireEvent(new WindowEvent(window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST));
            window.stage().hide();
        });
        System.out.println(
                "hiddenShowing=" + UiTestSupport.fx(() -> window.stage().isShowing()));
        System.out.println("implicitExit=" + UiTestSupport.fx(Platform::isImplicitExit));
        MenuItem open = item(icon.getPopupMenu(), "Open");
        EventQueue.invokeAndWait(() -> open.getActionListeners()[0].actionPerformed(
                new ActionEvent(open, ActionEvent.ACTION_PERFORMED, "Open")));
        await().atMost(20, SECONDS)
                .until(() -> UiTestSupport.fx(() -> window.stage().isShowing()));
        System.out.println("reopenedShowing=true");
        System.out.println("menu=" + labels(icon.getPopupMenu()));

        MenuItem destroyAll = item(icon.getPopupMenu(), "Destroy All…");
        EventQueue.invokeAndWait(() -> destroyAll.getActionListeners()[0].actionPerformed(
                new ActionEvent(destroyAll, ActionEvent.ACTION_PERFORMED, "Destroy All")));
        await().atMost(30, SECONDS).until(() -> sim.state().instances().stream().allMatch(i -> i.isDestroyed()));
        System.out.println("destroyAllAsked=" + asked);
        System.out.println("destroyAllLeft="
                + sim.state().instances().stream().filter(i -> !i.isDestroyed()).count());

        UiTestSupport.fxRun(window::close);
        await().atMost(10, SECONDS).until(() -> SystemTray.getSystemTray().getTrayIcons().length == 0);
        System.out.println("iconsAfterClose=0");
        sim.close();
        Platform.exit();
    }

    private static MenuItem item(PopupMenu menu, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (label.equals(menu.getItem(i).getLabel())) {
                return menu.getItem(i);
            }
        }
        throw new IllegalStateException("no menu item " + label);
    }

    private static String labels(PopupMenu menu) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (!"-".equals(menu.getItem(i).getLabel())) {
                b.append(b.length() == 0 ? "" : ",").append(menu.getItem(i).getLabel());
            }
        }
        return b.toString();
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> read) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        EventQueue.invokeLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    private TrayProbe() {}
}
