package io.imggenhub.vast.ui.alerts;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, defect 4: one channel per alert (the tray when there is one, else a card inside the window), a tray
 * tooltip that says when the data is stale, and one "still watching from the tray" when the window closes to it.
 */
@ExtendWith(ApplicationExtension.class)
class NotifyOnceTest {
    @TempDir
    Path home;

    VastSimulator sim;
    MonitorWindow window;

    /** Stands in for the tray icon: records what reaches it. */
    static final class FakeTray implements Notifier {
        final List<String> statuses = new CopyOnWriteArrayList<>();
        final List<Alert> alerts = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();

        @Override
        public void status(String text) {
            statuses.add(text);
        }

        @Override
        public void alert(Alert alert) {
            alerts.add(alert);
        }

        @Override
        public void notice(String title, String text) {
            notices.add(title + ": " + text);
        }

        @Override
        public boolean inTray() {
            return true;
        }

        @Override
        public void close() {}
    }

    @BeforeAll
    static void noImplicitExit() {
        Platform.setImplicitExit(false);
    }

    @Start
    void start(Stage stage) {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(2));
        window = UiTestSupport.open(
                stage,
                UiTestSupport.connectionTo(sim),
                home,
                UiSettings.defaults().withPollSeconds(600),
                null);
        // A narrow window: the card must still fit inside it.
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void close(FxRobot robot) {
        // Pop-ups and dialogs too: one left showing would take the next test's keys and clicks.
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != window.stage())
                .forEach(javafx.stage.Window::hide));
        robot.interact(() -> window.close());
        robot.interact(() -> window.stage().hide());
        sim.close();
    }

    @Test
    void withoutATrayTheAlertIsACardInsideTheWindow(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);
        window.session().spendWatch().onInsufficientCredit("insufficient_credit: no money");
        InWindowNotifier inWindow = window.tray().inWindow();
        await().atMost(10, SECONDS).until(() -> fx(inWindow::shown) != null);
        Popup card = fx(inWindow::shown);
        double right = fx(() -> card.getX() + card.getWidth());
        double windowRight = fx(() -> window.stage().getX() + window.stage().getWidth());
        assertTrue(right <= windowRight, "the card ends inside the window: " + right + " > " + windowRight);
        assertTrue(fx(card::getX) >= fx(() -> window.stage().getX()));
        double bottom = fx(() -> card.getY() + card.getHeight());
        assertTrue(bottom <= fx(() -> window.stage().getY() + window.stage().getHeight()), "and above its bottom");
    }

    @Test
    void withATrayTheAlertGoesThereOnlyAndStaleDataAndClosingAreSaid(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).size() == 2);
        FakeTray tray = new FakeTray();
        fxRun(() -> {
            window.tray().use(tray);
            // A card from the first poll's alerts, before the tray was there, is not what this test is about.
            Popup earlier = window.tray().inWindow().shown();
            if (earlier != null) {
                earlier.hide();
            }
        });
        window.session().spendWatch().onInsufficientCredit("insufficient_credit: no money");
        await().atMost(10, SECONDS).until(() -> tray.alerts.size() == 1);
        fxRun(() -> {});
        assertNull(fx(() -> window.tray().inWindow().shown()), "no second, in-window copy");

        sim.faults().serverErrorRate(1.0);
        fxRun(() -> window.session().refreshNow());
        await().atMost(60, SECONDS)
                .until(() -> !tray.statuses.isEmpty()
                        && tray.statuses.get(tray.statuses.size() - 1).startsWith("STALE DATA"));
        sim.faults().reset();

        fxRun(() -> window.tray().setKeepWatching(true));
        robot.interact(() -> window.stage().hide());
        robot.interact(() -> window.stage().show());
        robot.interact(() -> window.stage().hide());
        assertEquals(1, tray.notices.size(), tray.notices.toString());
        assertTrue(tray.notices.get(0).contains("Still watching from the tray"), tray.notices.toString());
    }
}
