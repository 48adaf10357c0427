package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Charge;
import io.imggenhub.vast.api.ChargeItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Vast's charges as bars over time, to draw under the estimated burn: each item's amount spread evenly over its
 * own start..end (an instant for a transfer), summed per bucket, and shown as the bucket's average $/hr so the bars
 * share the burn line's axis.
 */
public final class ChargeBars {
    /** One bar: the average billed $/hr from {@code start} to {@code end}. */
    public record Bar(Instant start, Instant end, double usdPerHour) {}

    private ChargeBars() {}

    /** The bucket that gives about 24 to 31 bars: an hour for a day, six hours for a week, a day for a month. */
    public static Duration bucketFor(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(Duration.ofHours(36)) <= 0) {
            return Duration.ofHours(1);
        }
        return span.compareTo(Duration.ofDays(8)) <= 0 ? Duration.ofHours(6) : Duration.ofDays(1);
    }

    public static List<Bar> of(List<Charge> charges, Instant from, Instant to, Duration bucket) {
        long start = from.getEpochSecond();
        long size = bucket.toSeconds();
        int n = (int) Math.max(1, (to.getEpochSecond() - start + size - 1) / size);
        double[] usd = new double[n];
        for (Charge c : charges) {
            for (ChargeItem item : c.items()) {
                long a = item.start() == null ? start : item.start();
                long b = item.end() == null ? a : item.end();
                spread(usd, start, size, a, Math.max(a, b), item.usd());
            }
        }
        List<Bar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant s = Instant.ofEpochSecond(start + i * size);
            Instant e =
                    Instant.ofEpochSecond(Math.min(start + (i + 1) * size, Math.max(to.getEpochSecond(), start + 1)));
            double hours = Math.max(1, Duration.between(s, e).toSeconds()) / 3600.0;
            bars.add(new Bar(s, e, usd[i] / hours));
        }
        return bars;
    }

    private static void spread(double[] usd, long start, long size, long a, long b, double amount) {
        if (b == a) {
            int i = (int) Math.floorDiv(a - start, size);
            if (i >= 0 && i < usd.length) {
                usd[i] += amount;
            }
            return;
        }
        double perSecond = amount / (b - a);
        for (int i = Math.max(0, (int) Math.floorDiv(a - start, size)); i < usd.length; i++) {
            long bs = start + i * size;
            long be = bs + size;
            if (bs >= b) {
                break;
            }
            long overlap = Math.min(be, b) - Math.max(bs, a);
            if (overlap > 0) {
                usd[i] += overlap * perSecond;
            }
        }
    }
}
