package io.imggenhub.vast.ui.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.core.guard.AccountGuard;
import io.imggenhub.vast.core.guard.IdleRule;
import io.imggenhub.vast.core.guard.InstanceGuard;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the guard dialogs accept, and the sentences they answer wrong input with. */
class GuardFormTest {

    @Test
    void everyRuleIsReadAndEmptyFieldsAreOff() {
        assertEquals(
                new InstanceGuard(7, Duration.ofMinutes(90), new IdleRule(5, Duration.ofMinutes(30)), 0.5),
                GuardForm.instanceGuard(7, "1h30m", "5", "30m", "$0.50"));
        assertEquals(InstanceGuard.ttl(7, Duration.ofHours(2)), GuardForm.instanceGuard(7, " 2h ", "", " ", null));
        assertNull(GuardForm.instanceGuard(7, "", "", "", ""), "nothing typed: nothing to save");
    }

    @Test
    void wrongInputNamesTheFieldAndWhatToWrite() {
        String lifetime = message(() -> GuardForm.instanceGuard(7, "soon", "", "", ""));
        assertTrue(lifetime.startsWith("Lifetime: ") && lifetime.contains("soon"), lifetime);
        assertEquals(
                "Idle needs both a GPU % and a time, e.g. below 5 % for 30m",
                message(() -> GuardForm.instanceGuard(7, "", "5", "", "")));
        assertEquals(
                "Max $/hr: \"cheap\" is not a number", message(() -> GuardForm.instanceGuard(7, "", "", "", "cheap")));
        assertEquals(
                "The maximum $/hr must be a positive amount, not -1.0",
                message(() -> GuardForm.instanceGuard(7, "", "", "", "-1")));
        assertEquals(
                "Daily cap: \"lots\" is not a number", message(() -> GuardForm.accountGuard("lots", "", "", false)));
    }

    @Test
    void accountGuardsKeepTheOptIn() {
        assertEquals(new AccountGuard(20.0, null, 5.0, true), GuardForm.accountGuard("20", "", "$5", true));
        assertEquals(AccountGuard.NONE, GuardForm.accountGuard("", "", "", false));
    }

    @Test
    void savedValuesAreShownAsTheyAreTyped() {
        assertEquals("1h30min", GuardForm.text(Duration.ofMinutes(90)));
        assertEquals("0.50", GuardForm.text(0.5));
        assertEquals("5", GuardForm.text(5.0));
        assertEquals("", GuardForm.text((Double) null));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
