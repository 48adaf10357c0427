package io.imggenhub.vast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.testutil.InstanceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account spend the caps add up from recorded polls. */
class SpendBetweenTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration GAP = Duration.ofMinutes(90);

    static FleetSnapshot at(Duration after, double... rates) {
        List<Instance> instances = new java.util.ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            instances.add(InstanceBuilder.running(i + 1, rates[i]).build());
        }
        return new FleetSnapshot(instances, new Account(1L, "u", "e", 50.0, 0.0, null, null), T0.plus(after));
    }

    @Test
    void eachBurnCountsUntilTheNextPoll() {
        try (Database db = Database.inMemory()) {
            SpendHistory h = new SpendHistory(db);
            h.record(at(Duration.ZERO, 1.0, 0.5)); // $1.50/hr for an hour
            h.record(at(Duration.ofHours(1), 2.0)); // $2/hr for half an hour
            h.record(at(Duration.ofMinutes(90))); // nothing bills
            h.record(at(Duration.ofHours(3)));
            assertEquals(2.5, h.spendBetween(T0, T0.plus(Duration.ofHours(4)), GAP), 1e-9);
            assertEquals(
                    1.5 * 0.5 + 1.0,
                    h.spendBetween(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2)), GAP),
                    1e-9,
                    "a poll before the period counts for its part inside it");
            assertEquals(0.0, h.spendBetween(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2)), GAP));
        }
    }

    @Test
    void aLongGapIsNotInventedAndTheLatestBurnRunsOnToTheEnd() {
        try (Database db = Database.inMemory()) {
            SpendHistory h = new SpendHistory(db);
            h.record(at(Duration.ZERO, 2.0));
            h.record(at(Duration.ofHours(10), 2.0)); // the app was closed for ten hours
            // 1.5 h counted for the gap, then 0.5 h after the last poll up to the end.
            assertEquals(2.0 * 1.5 + 2.0 * 0.5, h.spendBetween(T0, T0.plus(Duration.ofMinutes(630)), GAP), 1e-9);
            assertEquals(2.0 * 1.5, h.spendBetween(T0, T0.plus(Duration.ofHours(10)), GAP), 1e-9);
        }
    }

    @Test
    void anEmptyHistorySpendsNothing() {
        try (Database db = Database.inMemory()) {
            assertEquals(0.0, new SpendHistory(db).spendBetween(T0, T0.plus(Duration.ofDays(1)), GAP));
        }
    }
}
