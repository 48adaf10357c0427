package io.imggenhub.vast.ui.shell;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fxRun;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, "Nothing cut off", on a real-looking fleet rather than the demo: eight instances with long labels and
 * guards on three of them, at the default 1320×800 with the deploy panel open. The table's wider content must not
 * squeeze the deploy panel until its buttons read "Deploy cheap…" and "Ca…" (seen in the guards screenshot): the
 * panel keeps the width its controls need, or gives way entirely.
 */
@ExtendWith(ApplicationExtension.class)
class DeployPanelWholeTest {
    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(
                    SimulatorConfig.defaults().withInstances(8).withCredit(400).withBootTime(Duration.ZERO))
            .settings(f -> UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0));

    @Test
    void withGuardsAndLongLabelsTheDeployPanelIsWholeOrClosed(FxRobot robot) {
        await().atMost(30, SECONDS).until(() -> tableIds(robot).size() == 8);
        List<Long> ids = simIds(ui.sim());
        var guards = ui.window().session().guards();
        fxRun(() -> {
            guards.save(ids.get(0), InstanceGuard.ttl(ids.get(0), Duration.ofDays(30)));
            guards.save(ids.get(2), InstanceGuard.ttl(ids.get(2), Duration.ofDays(30)));
            guards.save(ids.get(3), InstanceGuard.maxHourly(ids.get(3), 5.0));
        });
        robot.interact(() -> {
            ui.window().stage().setWidth(1320);
            ui.window().stage().setHeight(800);
        });
        fxRun(() -> ui.window().session().refreshNow());
        await().atMost(30, SECONDS)
                .until(() -> fx(() -> ids.stream()
                                .filter(id -> {
                                    var cell = ui.window()
                                            .session()
                                            .guards()
                                            .cells()
                                            .get(id);
                                    return cell != null && cell != io.imggenhub.vast.ui.guards.GuardCell.NONE;
                                })
                                .count())
                        == 3);
        WaitForAsyncUtils.waitForFxEvents(5);

        boolean open = fx(() -> ui.window().session().view().root().lookup("#deploy-toggle") instanceof ToggleButton t
                && t.isSelected());
        List<String> cut = fx(() -> {
            List<String> out = new ArrayList<>();
            Node panel = ui.window().session().view().root().lookup("#deploy-panel");
            if (panel == null || panel.getScene() == null) {
                return out;
            }
            for (String kind : List.of(".button", ".check-box", ".toggle-button")) {
                for (Node n : panel.lookupAll(kind)) {
                    if (n instanceof Labeled l && l.isVisible() && UiTestSupport.ellipsized(l)) {
                        out.add(l.getText());
                    }
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), "deploy panel " + (open ? "open" : "closed") + ", controls cut to '…': " + cut);
    }
}
