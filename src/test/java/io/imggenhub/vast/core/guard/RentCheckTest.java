package io.imggenhub.vast.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RentCheckTest {
    static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    static FleetSnapshot fleet(Double credit, double... rates) {
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            instances.add(InstanceBuilder.running(i + 1, rates[i]).build());
        }
        Account account = credit == null ? null : new Account(1L, "u", "e", credit, 0.0, null, null);
        return new FleetSnapshot(instances, account, T0);
    }

    @Test
    void theRatesAddUpAsShown() {
        // Issue 12: "$10.26 (current $10.20 + this offer $0.05)" did not add up: each part is rounded as shown and
        // the total is their sum.
        RentCheck check = RentCheck.of(0.054, fleet(1000.0, 5.102, 5.102), RentCheck.DEFAULT_MINIMUM);
        assertTrue(check.summary().contains("$10.25/hr (current $10.20/hr + this offer $0.05/hr)"), check.summary());
        // Thousands grouped, as everywhere else.
        assertTrue(check.summary().startsWith("Credit $1,000.00 covers"), check.summary());
    }

    @Test
    void refusesBelowTheMinimumAndSaysWhyAndHowToOverride() {
        RentCheck check = RentCheck.of(0.50, fleet(3.20, 1.00, 0.80), RentCheck.DEFAULT_MINIMUM);
        assertEquals(RentCheck.Verdict.REFUSE, check.verdict());
        assertEquals(3.20 / 2.30, check.hoursCovered(), 1e-9);
        assertEquals(
                "Credit $3.20 covers 1.4 h at $2.30/hr (current $1.80/hr + this offer $0.50/hr); "
                        + "the minimum is 2 h. Use --force to rent anyway.",
                check.message());
        assertEquals(
                "Credit $3.20 covers 1.4 h at $2.30/hr (current $1.80/hr + this offer $0.50/hr); "
                        + "the minimum is 2 h.",
                check.summary());
        assertFalse(check.allows(false));
        assertTrue(check.allows(true), "--force rents anyway");
    }

    @Test
    void aCreditAFractionOfACentBelowZeroReadsAsZero() {
        RentCheck check = RentCheck.of(0.50, fleet(-0.001, 1.00), RentCheck.DEFAULT_MINIMUM);
        assertEquals(RentCheck.Verdict.REFUSE, check.verdict());
        assertTrue(check.summary().startsWith("Credit $0.00 "), check.summary());
    }

    @Test
    void allowsWhenTheCreditLastsLongEnough() {
        RentCheck check = RentCheck.of(0.50, fleet(25.0, 1.80), Duration.ofHours(2));
        assertEquals(RentCheck.Verdict.OK, check.verdict());
        assertTrue(check.allows(false));
        assertEquals(
                "Credit $25.00 covers 10.9 h at $2.30/hr (current $1.80/hr + this offer $0.50/hr).", check.message());
    }

    @Test
    void exactlyTheMinimumIsEnoughAndRoundingNeverHidesARefusal() {
        assertEquals(
                RentCheck.Verdict.OK,
                RentCheck.of(1.0, fleet(2.0), Duration.ofHours(2)).verdict());
        RentCheck justShort = RentCheck.of(1.0, fleet(1.99), Duration.ofHours(2));
        assertEquals(RentCheck.Verdict.REFUSE, justShort.verdict());
        assertTrue(justShort.summary().contains("covers 1.99 h"), justShort.summary());
    }

    @Test
    void aCreditFloorIsKeptAside() {
        RentCheck check = RentCheck.of(1.0, fleet(6.0), Duration.ofHours(2), 5.0);
        assertEquals(RentCheck.Verdict.REFUSE, check.verdict());
        assertEquals(1.0, check.hoursCovered(), 1e-9);
        assertTrue(
                check.summary().startsWith("Credit $6.00 ($1.00 above the $5.00 floor) covers 1.0 h"), check.summary());
    }

    @Test
    void negativeCreditCoversNothing() {
        RentCheck check = RentCheck.of(0.2, fleet(-0.03), Duration.ofMinutes(1));
        assertEquals(RentCheck.Verdict.REFUSE, check.verdict());
        assertEquals(0.0, check.hoursCovered());
        assertTrue(check.summary().startsWith("Credit -$0.03 covers 0.0 h"), check.summary());
    }

    @Test
    void withoutAnAccountTheVerdictIsUnknownAndRentingIsAllowed() {
        RentCheck check = RentCheck.of(0.5, fleet(null, 1.0), Duration.ofHours(2));
        assertEquals(RentCheck.Verdict.UNKNOWN, check.verdict());
        assertTrue(check.allows(false));
        assertEquals("Credit unknown; this offer adds $0.50/hr to the current $1.00/hr.", check.message());
    }

    @Test
    void aFreeOfferOnAnIdleAccountNeverRunsOut() {
        RentCheck check = RentCheck.of(0.0, fleet(1.0), Duration.ofHours(2));
        assertEquals(RentCheck.Verdict.OK, check.verdict());
        assertTrue(Double.isInfinite(check.hoursCovered()));
    }

    @Test
    void refusesNonsenseInput() {
        assertThrows(IllegalArgumentException.class, () -> RentCheck.of(-1, fleet(5.0), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> RentCheck.of(Double.NaN, fleet(5.0), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> RentCheck.of(1, fleet(5.0), Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> RentCheck.of(1, fleet(5.0), Duration.ofHours(1), -2));
    }
}
