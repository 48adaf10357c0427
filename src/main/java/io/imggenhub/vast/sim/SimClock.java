package io.imggenhub.vast.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time: wall time since start multiplied by the time scale, plus manual advances. Tests move it with
 * {@link #advance} instead of sleeping; demos speed it up so that credit visibly drains.
 */
public final class SimClock {
    private final Instant origin;
    private final long originNanos;
    private final double timeScale;
    private final AtomicLong advancedNanos = new AtomicLong();

    SimClock(double timeScale) {
        this(Instant.now(), timeScale);
    }

    SimClock(Instant origin, double timeScale) {
        this.origin = origin;
        this.originNanos = System.nanoTime();
        this.timeScale = timeScale;
    }

    public Instant now() {
        long wall = System.nanoTime() - originNanos;
        long simulated = (long) (wall * timeScale) + advancedNanos.get();
        return origin.plusNanos(simulated);
    }

    /** Moves simulated time forward; billing and boot progress catch up on the next access. */
    public void advance(Duration simulated) {
        if (simulated.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + simulated);
        }
        advancedNanos.addAndGet(simulated.toNanos());
    }

    public double timeScale() {
        return timeScale;
    }

    /** This clock as a {@link Clock} in UTC. See {@link VastSimulator#shareClockWithClients()} before using it. */
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
