package io.imggenhub.vast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.testutil.InstanceBuilder;
import io.imggenhub.vast.testutil.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendWatchTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    final SpendWatch watch = new SpendWatch(new AlertThresholds(1.00, 6, 2.0, 0.10), clock, ZoneOffset.UTC);

    FleetSnapshot fleet(double credit, double... rates) {
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            instances.add(InstanceBuilder.running(100 + i, rates[i]).build());
        }
        return new FleetSnapshot(instances, new Account(1L, "u", "e", credit, 0.0, null, null), clock.instant());
    }

    @Test
    void highBurnFiresOncePerEpisodeAndClearsOnlyPastTheHysteresis() {
        List<Alert> first = watch.onSnapshot(fleet(500, 0.6, 0.6)); // $1.20/hr
        assertEquals(1, first.size());
        assertEquals(Alert.Kind.HIGH_BURN, first.get(0).kind());
        assertFalse(first.get(0).cleared());
        assertTrue(first.get(0).message().contains("$1.20/hr"), first.get(0).message());

        assertTrue(watch.onSnapshot(fleet(500, 0.6, 0.6)).isEmpty(), "no repeat while it holds");
        assertTrue(
                watch.onSnapshot(fleet(500, 0.95)).isEmpty(), "0.95 is under the limit but inside the hysteresis band");
        assertEquals(1, watch.active().size());

        List<Alert> cleared = watch.onSnapshot(fleet(500, 0.85));
        assertEquals(1, cleared.size());
        assertTrue(cleared.get(0).cleared());
        assertTrue(watch.active().isEmpty());

        assertEquals(1, watch.onSnapshot(fleet(500, 1.5)).size(), "a new episode fires again");
    }

    @Test
    void lowRunwayNamesTheClockTimeCreditReachesZero() {
        List<Alert> alerts = watch.onSnapshot(fleet(4.0, 1.0)); // 4 h left; $1.00/hr is at, not over, the burn limit
        assertEquals(1, alerts.size());
        Alert a = alerts.get(0);
        assertEquals(Alert.Kind.LOW_RUNWAY, a.kind());
        assertTrue(a.message().contains("4.0 h"), a.message());
        assertTrue(a.message().contains("Sat 14:00"), a.message());
        assertTrue(a.urgent());
    }

    @Test
    void snoozeHoldsAnAlertBackAndDeliversItIfStillTrueAfterwards() {
        watch.snooze(Alert.Kind.HIGH_BURN, Duration.ofMinutes(30));
        assertTrue(watch.onSnapshot(fleet(500, 2.0)).isEmpty(), "snoozed");
        clock.advance(Duration.ofMinutes(31));
        List<Alert> late = watch.onSnapshot(fleet(500, 2.0));
        assertEquals(1, late.size());
        assertEquals(Alert.Kind.HIGH_BURN, late.get(0).kind());
    }

    @Test
    void aSnoozedEpisodeThatEndsUnseenClearsSilently() {
        watch.snooze(Alert.Kind.HIGH_BURN, Duration.ofMinutes(30));
        watch.onSnapshot(fleet(500, 2.0));
        assertTrue(watch.onSnapshot(fleet(500, 0.1)).isEmpty(), "nothing was shown, so no 'cleared' either");
        clock.advance(Duration.ofHours(1));
        assertTrue(watch.onSnapshot(fleet(500, 0.1)).isEmpty());
    }

    @Test
    void stillBillingFiresPerInstanceAndClearsWhenItIsGone() {
        Instance ghost = fleet(500, 0.5).instances().get(0);
        DestroyReport report = new DestroyReport(
                List.of(new DestroyOutcome(ghost, DestroyOutcome.Status.STILL_BILLING, "still listed")),
                Duration.ofSeconds(60));
        List<Alert> fired = watch.onDestroyReport(report);
        assertEquals(1, fired.size());
        assertEquals("100", fired.get(0).subject());
        assertTrue(fired.get(0).message().contains("was not destroyed"));
        assertTrue(watch.onDestroyReport(report).isEmpty(), "once per episode");

        assertTrue(watch.onSnapshot(fleet(500, 0.5)).isEmpty(), "still listed: stays active");
        List<Alert> cleared = watch.onSnapshot(fleet(500));
        assertEquals(1, cleared.size());
        assertTrue(cleared.get(0).cleared());
    }

    @Test
    void listenersHearEveryAlert() {
        List<Alert> heard = new ArrayList<>();
        watch.addListener(heard::add);
        watch.onInsufficientCredit("Rent refused: insufficient_credit");
        watch.onSnapshot(fleet(10));
        assertEquals(2, heard.size());
        assertEquals(Alert.Kind.INSUFFICIENT_CREDIT, heard.get(0).kind());
        assertTrue(heard.get(1).cleared());
    }
}
