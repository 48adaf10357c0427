package io.imggenhub.vast.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.testutil.MutableClock;
import io.imggenhub.vast.ui.common.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window thins old history after polls, at most about once an hour, without the History tab being open. */
class HistoryThinningTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    /** Runs work on the calling thread, so the test sees its effect at once. */
    private static final TaskRunner INLINE = TaskRunner.sameThread();

    @Test
    void oldPollsAreThinnedToOnePerHourAndOnlyOnceAnHour() {
        try (LocalData data = LocalData.inMemory()) {
            Instant start = NOW.minus(Duration.ofDays(3));
            for (Instant t = start; t.isBefore(NOW); t = t.plus(Duration.ofMinutes(10))) {
                data.history()
                        .record(new FleetSnapshot(List.of(), new Account(1L, "u", "e", 10.0, 0.0, null, null), t));
            }
            MutableClock clock = new MutableClock(NOW);
            HistoryModel model = new HistoryModel(data.history(), INLINE, clock);
            model.thinIfDue();
            int afterFirst = data.history().points(start, NOW).size();
            assertEquals(6 * 24 + 2 * 24, afterFirst, "the last day every 10 min, the two days before hourly");

            data.history().record(new FleetSnapshot(List.of(), null, start.plusSeconds(60)));
            clock.advance(Duration.ofMinutes(30));
            model.thinIfDue();
            assertEquals(afterFirst + 1, data.history().points(start, NOW).size(), "not again within the hour");

            clock.advance(Duration.ofMinutes(31));
            model.thinIfDue();
            assertEquals(
                    1,
                    data.history().points(start, start.plusSeconds(120)).size(),
                    "again after an hour: the extra point in an old hour is gone");
        }
    }
}
