package io.imggenhub.vast.ui.deploy;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static io.imggenhub.vast.ui.shell.UiTestSupport.simIds;
import static io.imggenhub.vast.ui.shell.UiTestSupport.tableIds;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.guards.GuardCell;
import io.imggenhub.vast.ui.guards.GuardTestSupport;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import io.imggenhub.vast.ui.shell.WindowFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The deploy panel's guards: the pre-rent check with "Rent anyway", "Destroy after" and the on-instance watchdog. */
@ExtendWith(ApplicationExtension.class)
class DeployGuardsTest {
    Connection connection;
    long existing;
    /** What the window asked, and what this test answers. */
    final List<Confirmer.Confirmation> asked = new CopyOnWriteArrayList<>();

    volatile boolean rentAnyway;
    final List<Confirmer.Choice> choices = new CopyOnWriteArrayList<>();
    volatile int choice = -1;

    @RegisterExtension
    final WindowFixture ui = WindowFixture.simulator(GuardTestSupport.frozenEmptyAccount())
            .beforeWindow(f -> {
                existing = f.sim().state().addInstance("RTX 4090", 1, 2.00, "busy");
                connection = GuardTestSupport.onSimulatedTime(f.sim());
            })
            .connection(f -> connection)
            // No spend alerts here: their pop-ups would sit over the deploy panel this test clicks in.
            .settings(f -> UiSettings.defaults().withPollSeconds(600).withThresholds(0, 0, 0))
            .confirmer(new Confirmer() {
                @Override
                public boolean confirm(Confirmation q) {
                    asked.add(q);
                    return rentAnyway;
                }

                @Override
                public int choose(Choice q) {
                    choices.add(q);
                    return choice;
                }
            });

    @Test
    void lowCreditRefusalRentsNothingUnlessThePersonChoosesRentAnyway(FxRobot robot) {
        creditIs(1.0);
        robot.clickOn("#deploy-search");
        await().atMost(20, SECONDS)
                .until(() -> !UiTestSupport.text(robot, "#deploy-rent-check").isEmpty());
        String summary = UiTestSupport.text(robot, "#deploy-rent-check");
        assertTrue(
                summary.startsWith("⚠ Cheapest $")
                        && summary.contains("Credit $1.00 covers 0.")
                        && summary.contains("the minimum is 2 h."),
                summary);

        rentAnyway = false;
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS).until(() -> UiTestSupport.text(robot, "#deploy-message")
                .startsWith("Not rented: Credit $1.00 covers 0."));
        assertEquals(1, asked.size());
        assertEquals("Rent anyway", asked.get(0).action());
        assertTrue(
                asked.get(0).text().startsWith("Credit $1.00 covers 0."),
                asked.get(0).text());
        assertEquals(0, puts(), "declined: nothing rented");
        assertEquals(List.of(existing), simIds(ui.sim()));

        rentAnyway = true;
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS).until(() -> simIds(ui.sim()).size() == 2);
        assertEquals(2, asked.size());
        assertEquals(1, puts(), "Rent anyway rents once");
    }

    @Test
    void destroyAfterWithTheWatchdogShowsBothInTheGuardColumn(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(existing));
        UiTestSupport.typeInto(robot, "#deploy-destroy-after", "3");
        robot.clickOn("#deploy-watchdog");
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS).until(() -> simIds(ui.sim()).size() == 2);
        long rented =
                simIds(ui.sim()).stream().filter(i -> i != existing).findFirst().orElseThrow();
        assertTrue(asked.isEmpty(), "plenty of credit: no question");

        await().atMost(20, SECONDS).until(() -> connection
                .data()
                .guards(connection.server())
                .instanceGuard(rented)
                .isPresent());
        assertEquals(
                Duration.ofHours(3),
                connection
                        .data()
                        .guards(connection.server())
                        .instanceGuard(rented)
                        .orElseThrow()
                        .maxLifetime());
        ui.window().session().refreshNow();
        await().atMost(20, SECONDS).until(() -> cellText(rented).contains("watchdog"));
        String cell = cellText(rented);
        assertTrue(cell.startsWith("TTL ") && cell.endsWith(" · watchdog"), cell);
        String tip = fx(() -> ui.window().session().guards().cells().get(rented).tooltip());
        assertTrue(tip.contains("on-instance watchdog (about ~"), tip);
        assertTrue(!cell.contains("local only"), "the watchdog also works while the app is closed: " + cell);
        assertEquals("—", cellText(existing));
    }

    private void creditIs(double usd) {
        ui.sim().state().setCredit(usd);
        ui.window().session().refreshNow();
        await().atMost(20, SECONDS)
                .until(() -> fx(
                        () -> ui.window().session().monitor().snapshotProperty().get() != null
                                && ui.window()
                                                .session()
                                                .monitor()
                                                .snapshotProperty()
                                                .get()
                                                .credit()
                                        == usd));
    }

    /** Issue 12 §3: Runway never reads "∞" for an account with no credit, even when nothing bills. */
    @Test
    void runwayIsNoneWithoutCreditAndEndlessOnlyWhileCreditRemainsAndNothingBills(FxRobot robot) {
        ui.sim().state().destroy(existing);
        creditIs(0.0);
        await().atMost(20, SECONDS).until(() -> tableIds(robot).isEmpty());
        assertEquals("none", UiTestSupport.text(robot, "#runway-value"), "no credit, no burn: still no runway");
        assertEquals("credit used up", UiTestSupport.text(robot, "#runway-detail"));

        creditIs(50.0);
        assertEquals("∞", UiTestSupport.text(robot, "#runway-value"), "credit left and nothing billing");
        assertEquals("nothing is billing", UiTestSupport.text(robot, "#runway-detail"));
    }

    /** Issue 10 §4: with credit below zero the ui.window() asks, listing what the cleanup would destroy. */
    @Test
    void zeroCreditAsksAndDestroyThemNowRunsTheCleanupWithoutRenting(FxRobot robot) {
        creditIs(-0.04);
        assertEquals("used up", UiTestSupport.text(robot, "#credit-detail"));
        assertTrue(robot.lookup("#credit-tile").query().getStyleClass().contains("danger"), "a red Credit tile");
        assertTrue(
                !UiTestSupport.text(robot, "#runway-detail").contains("reaches zero at"),
                UiTestSupport.text(robot, "#runway-detail"));
        assertEquals("none", UiTestSupport.text(robot, "#runway-value"), "no credit is no runway, not an endless one");

        choice = 0;
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS).until(() -> simIds(ui.sim()).isEmpty());

        assertEquals(1, choices.size());
        Confirmer.Choice q = choices.get(0);
        assertEquals("Credit is -$0.04: Vast will refuse to rent", q.header());
        assertEquals(List.of("Destroy them now", "Keep them"), q.options());
        assertTrue(q.text().startsWith("The emergency cleanup would destroy 1 instance, billing $"), q.text());
        assertTrue(
                q.text().contains("• " + existing + " RTX 4090 $")
                        && q.text().contains("— stopped: storage only, data is deleted"),
                q.text());
        assertTrue(asked.isEmpty(), "no Rent anyway on an empty account");
        await().atMost(20, SECONDS).until(() -> UiTestSupport.text(robot, "#deploy-message")
                .equals("Credit used up: nothing was rented, and every instance was destroyed."));
        assertEquals(0, puts(), "Vast would refuse: nothing is sent");
    }

    @Test
    void zeroCreditKeepThemRentsAndDestroysNothing(FxRobot robot) {
        creditIs(-0.04);
        choice = 1;
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS).until(() -> UiTestSupport.text(robot, "#deploy-message")
                .startsWith(
                        "Not rented: credit is -$0.04, so Vast would refuse; the instance was kept and still bills"));
        assertEquals(List.of(existing), simIds(ui.sim()));
        assertEquals(0, puts());
        assertEquals(0, ui.sim().count("DELETE", "/api/v0/instances/"));
    }

    /** Issue 10 §2: a failure after the rent says that the instance exists, with its id and $/hr. */
    @Test
    void aFailureAfterTheRentSaysTheInstanceExistsWithItsRate(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(existing));
        // The rent is answered, then the instance cannot be read back: the wait for it fails.
        ui.sim().state().hideNewRentalsFor(Duration.ofDays(1));
        robot.clickOn("#deploy-cheapest");
        await().atMost(20, SECONDS)
                .until(() -> UiTestSupport.text(robot, "#deploy-message").startsWith("Deploy failed."));

        long rented = ui.sim().state().instances().stream()
                .mapToLong(i -> i.id())
                .filter(i -> i != existing)
                .findFirst()
                .orElseThrow();
        String message = UiTestSupport.text(robot, "#deploy-message");
        assertTrue(
                message.matches(
                        "Deploy failed\\. Instance " + rented
                                + " was rented and bills at \\$\\d+\\.\\d+/hr: destroy it from the table if you do not want it\\."),
                message);
        assertEquals(1, puts());
    }

    /** Issue 10 §2: a rent whose answer is lost and whose instance never shows: the ui.window() says one may exist. */
    @Test
    void aLostRentAnswerSaysAnInstanceMayExist(FxRobot robot) {
        await().atMost(20, SECONDS).until(() -> tableIds(robot).contains(existing));
        ui.sim().state().hideNewRentalsFor(Duration.ofDays(1));
        ui.sim().faults().loseRentAnswerNext(1);
        robot.clickOn("#deploy-cheapest");
        await().atMost(30, SECONDS)
                .until(() -> UiTestSupport.text(robot, "#deploy-message").startsWith("Deploy failed."));

        String message = UiTestSupport.text(robot, "#deploy-message");
        assertTrue(
                message.matches("Deploy failed\\. The rent answer was lost: an instance may exist and bill"
                        + " \\(about \\$\\d+\\.\\d+/hr\\)\\. Check the table before renting again\\."),
                message);
        assertEquals(1, puts(), "never rented twice");
    }

    private String cellText(long id) {
        return fx(() -> {
            GuardCell c = ui.window().session().guards().cells().get(id);
            return c == null ? GuardCell.NONE.text() : c.text();
        });
    }

    private long puts() {
        return ui.sim().requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().contains("/asks/"))
                .count();
    }
}
