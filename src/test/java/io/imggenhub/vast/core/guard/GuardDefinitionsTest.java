package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardDefinitionsTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void instanceGuardsRefuseNonsenseWithAClearMessage() {
        assertEquals(
                "The maximum lifetime must be positive, not 0 s", refused(() -> InstanceGuard.ttl(1, Duration.ZERO)));
        assertEquals(
                "The maximum lifetime must be positive, not -2 h",
                refused(() -> InstanceGuard.ttl(1, Duration.ofHours(-2))));
        assertEquals(
                "The maximum $/hr must be a positive amount, not -0.5",
                refused(() -> InstanceGuard.maxHourly(1, -0.5)));
        assertEquals(
                "The maximum $/hr must be a positive amount, not 0.0", refused(() -> InstanceGuard.maxHourly(1, 0)));
        assertEquals(
                "The idle threshold must be a GPU utilisation above 0% and at most 100%, not 120.0%",
                refused(() -> InstanceGuard.idle(1, 120, Duration.ofMinutes(5))));
        assertEquals(
                "The idle threshold must be a GPU utilisation above 0% and at most 100%, not -1.0%",
                refused(() -> InstanceGuard.idle(1, -1, Duration.ofMinutes(5))));
        assertEquals("The idle time must be positive, not 0 s", refused(() -> InstanceGuard.idle(1, 5, Duration.ZERO)));
        assertEquals(
                "A guard for instance 7 needs at least one rule: a maximum lifetime, an idle limit or a maximum $/hr",
                refused(() -> new InstanceGuard(7, null, null, null)));
        assertEquals(
                "An instance id is a positive number, not 0", refused(() -> InstanceGuard.ttl(0, Duration.ofHours(1))));
    }

    @Test
    void accountGuardsRefuseNegativeLimits() {
        assertEquals(
                "The daily spend cap must be a positive amount, not -1.0",
                refused(() -> AccountGuard.NONE.withDailyCap(-1.0)));
        assertEquals(
                "The monthly spend cap must be a positive amount, not 0.0",
                refused(() -> AccountGuard.NONE.withMonthlyCap(0.0)));
        assertEquals(
                "The credit floor must be $0 or more, not -5.0",
                refused(() -> AccountGuard.NONE.withCreditFloor(-5.0)));
        AccountGuard zeroFloor = AccountGuard.NONE.withCreditFloor(0.0);
        assertEquals(List.of(GuardRule.CREDIT_FLOOR), zeroFloor.rules());
        assertTrue(AccountGuard.NONE.isEmpty());
    }

    @Test
    void rulesCanBeCombinedDescribedAndTakenAway() {
        InstanceGuard g = InstanceGuard.ttl(5, Duration.ofMinutes(150))
                .withIdle(new IdleRule(5, Duration.ofMinutes(30)))
                .withMaxHourly(0.5);
        assertEquals(List.of(GuardRule.TTL, GuardRule.IDLE, GuardRule.MAX_HOURLY), g.rules());
        assertEquals("lifetime 2 h 30 min, GPU below 5% for 30 min, at most $0.50/hr", g.describe());
        assertEquals(Optional.of(new InstanceGuard(5, null, g.idle(), 0.5)), g.without(GuardRule.TTL));
        assertEquals(Optional.empty(), InstanceGuard.ttl(5, Duration.ofHours(1)).without(GuardRule.TTL));
        assertEquals(
                "$20.00 a day, credit floor $5.00; destroys everything on breach",
                new AccountGuard(20.0, null, 5.0, true).describe());
        assertEquals("guard:max-hourly", GuardRule.MAX_HOURLY.reason());
        assertTrue(GuardRule.DAILY_CAP.isAccountRule());
    }

    @Test
    void durationsReadTheWayPeopleWriteThem() {
        assertEquals(Duration.ofHours(2), HumanDuration.parse("2h"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("90m"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1.5h"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1h 30min"));
        assertEquals(Duration.ofSeconds(45), HumanDuration.parse("45s"));
        assertEquals(Duration.ofDays(2), HumanDuration.parse("2d"));
        assertEquals(Duration.ofHours(2), HumanDuration.parse("PT2H"));
        for (String bad : new String[] {"", "2", "h", "2x", "2h-5m", "two hours", "P2X"}) {
            assertThrows(IllegalArgumentException.class, () -> HumanDuration.parse(bad), bad);
        }
        assertEquals(
                "Not a duration: \"2x\"; write it like 2h, 90m or 1h30m", refused(() -> HumanDuration.parse("2x")));
    }

    @Test
    void durationsPrintWithTheTwoLargestUnits() {
        assertEquals("2 h", HumanDuration.format(Duration.ofHours(2)));
        assertEquals("1 h 30 min", HumanDuration.format(Duration.ofMinutes(90)));
        assertEquals("45 s", HumanDuration.format(Duration.ofSeconds(45)));
        assertEquals("3 d 4 h", HumanDuration.format(Duration.ofHours(76).plusMinutes(5)));
        assertEquals("1 d", HumanDuration.format(Duration.ofDays(1).plusMinutes(5)));
        assertEquals("0 s", HumanDuration.format(Duration.ZERO));
        assertEquals("-2 h", HumanDuration.format(Duration.ofHours(-2)));
    }
}
