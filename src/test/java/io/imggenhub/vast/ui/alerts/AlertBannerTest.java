package io.imggenhub.vast.ui.alerts;

import static io.imggenhub.vast.ui.shell.UiTestSupport.allText;
import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.ui.shell.WindowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The thresholds from Settings drive the shared alert rules: a banner when one is crossed, a note when it clears. */
@ExtendWith(ApplicationExtension.class)
class AlertBannerTest {
    @RegisterExtension
    final WindowFixture ui =
            WindowFixture.simulator(SimulatorConfig.defaults().withInstances(3)).settings(WindowFixture::highBurnAlert);

    @Test
    void aBurnAboveTheLimitRaisesABannerThatClearsWhenTheBurnDrops(FxRobot robot) {
        await().atMost(20, SECONDS)
                .until(() -> allText(robot, "#banner-alert-high-burn").contains("High spend"));
        assertTrue(
                fx(() -> robot.lookup("#burn-tile").query().getStyleClass().contains("warning")),
                "the burn tile is marked too");

        simIds(ui.sim()).forEach(id -> ui.sim().state().destroy(id));
        robot.interact(() -> ui.window().session().refreshNow());
        await().atMost(20, SECONDS).until(() -> tableIds(robot).isEmpty());
        await().atMost(20, SECONDS)
                .until(() -> allText(robot, "#banner-alert-high-burn").contains("cleared"));
        assertTrue(fx(() -> !robot.lookup("#burn-tile").query().getStyleClass().contains("warning")));
    }
}
