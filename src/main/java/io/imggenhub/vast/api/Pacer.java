package io.imggenhub.vast.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * One pacer per endpoint for the whole process and account (server and key): the window's polls, destroys,
 * guards and deploys all wait their turn here instead of collecting 429s. It starts from the documented intervals
 * ({@link Endpoint}) and learns from a 429's {@code threshold=T}. A paced wait is not a failure and not a retry;
 * a request sent after a refusal still waits out the interval. Urgent requests (a destroy and the listing it
 * needs) are served before normal ones (a poll) that queue on the same endpoint.
 */
public final class Pacer {
    public enum Priority {
        URGENT,
        NORMAL
    }

    /**
     * Added to the interval of endpoints that allow several calls per period (offer search), which are counted
     * from when ours left: the server counts from arrival. Never more than half the interval.
     */
    private static final long MARGIN_NANOS = 25_000_000L;

    private static final Pattern THRESHOLD = Pattern.compile("threshold\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)");
    private static final Map<String, Pacer> SHARED = new ConcurrentHashMap<>();

    private final Pacing pacing;
    private final Map<Endpoint, Lane> lanes = new EnumMap<>(Endpoint.class);

    private Pacer(Pacing pacing) {
        this.pacing = pacing;
        for (Endpoint e : Endpoint.values()) {
            lanes.put(e, new Lane(e, pacing));
        }
    }

    /** The one pacer of this server and key (and pacing) in this process. */
    static Pacer shared(ClientSettings settings) {
        Pacing pacing = settings.pacing();
        String key = settings.server() + "|"
                + fingerprint(settings.apiKey() == null ? "" : settings.apiKey().reveal()) + "|" + pacing.enabled()
                + "|" + pacing.scale();
        return SHARED.computeIfAbsent(key, k -> new Pacer(settings.pacing()));
    }

    /** A pacer of its own, for tests. */
    static Pacer unshared(Pacing pacing) {
        return new Pacer(pacing);
    }

    /** The end of one paced call: closing it says the answer (or the failure) has come back. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private static final Turn NO_TURN = () -> {};

    /**
     * Waits until {@code endpoint} may be called and counts the call as sent now; close the turn when its answer
     * is in. The next call on a one-call-per-interval endpoint goes no sooner than the interval after that answer:
     * the server measures from when our request reached it, which is somewhere before the answer, so counting from
     * the answer can never be too early, whatever the network's jitter.
     */
    Turn acquire(Endpoint endpoint, Priority priority) throws InterruptedException {
        if (!pacing.enabled()) {
            return NO_TURN;
        }
        Lane lane = lanes.get(endpoint);
        long sent = lane.acquire(priority);
        return () -> lane.answered(sent);
    }

    /**
     * A 429 from {@code endpoint}: learn the server's threshold when the body names one, and send nothing more
     * there before it (rent also waits out its penalty).
     */
    void refused(Endpoint endpoint, String detail) {
        Double threshold = threshold(detail);
        lanes.get(endpoint).refused(threshold);
    }

    /** Whether requests to {@code endpoint} are paced (a documented limit, or one learned from a 429). */
    boolean paces(Endpoint endpoint) {
        return pacing.enabled() && lanes.get(endpoint).periodNanos() > 0;
    }

    /** The interval now used for {@code endpoint}, in seconds (0 when not paced). */
    public double intervalSeconds(Endpoint endpoint) {
        return pacing.enabled() ? lanes.get(endpoint).periodNanos() / 1e9 / Math.max(1, endpoint.calls()) : 0;
    }

    static Double threshold(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = THRESHOLD.matcher(detail);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /**
     * The key stands for itself in the map by a checksum, not in clear. Not a cryptographic digest: the first use of
     * MessageDigest starts the JDK's security providers, ~10 % of a CLI command's start in a profile, and two keys
     * that collided would only share one pacer, which paces them more strictly, never less.
     */
    private static String fingerprint(String key) {
        CRC32C crc = new CRC32C();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue()) + ":" + key.length();
    }

    /** One endpoint: a sliding window of send times, a not-before after a refusal, and a queue of waiters. */
    private static final class Lane {
        private final Endpoint endpoint;
        private final double scale;
        private int calls;
        private long periodNanos;
        private final ArrayDeque<Long> sent = new ArrayDeque<>();
        private long notBefore = Long.MIN_VALUE;
        /** When the last call was sent and when its answer came (MIN_VALUE while none / while it is out). */
        private long lastSent = Long.MIN_VALUE;

        private long lastAnswered = Long.MIN_VALUE;
        private final PriorityQueue<long[]> queue =
                new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        private long nextSeq;

        Lane(Endpoint endpoint, Pacing pacing) {
            this.endpoint = endpoint;
            this.scale = pacing.scale();
            this.calls = endpoint.calls();
            this.periodNanos = (long) (endpoint.seconds() * pacing.scale() * 1e9);
        }

        synchronized long periodNanos() {
            return periodNanos;
        }

        /** Returns the send time of the granted call. */
        synchronized long acquire(Priority priority) throws InterruptedException {
            long[] me = {priority.ordinal(), nextSeq++};
            queue.add(me);
            try {
                while (true) {
                    long now = System.nanoTime();
                    long wait = queue.peek() == me ? readyIn(now) : Long.MAX_VALUE;
                    if (wait <= 0) {
                        if (calls > 0) {
                            sent.addLast(now);
                            while (sent.size() > calls) {
                                sent.removeFirst();
                            }
                        }
                        lastSent = now;
                        lastAnswered = Long.MIN_VALUE;
                        return now;
                    }
                    if (wait == Long.MAX_VALUE) {
                        wait();
                    } else {
                        long ms = wait / 1_000_000;
                        wait(ms, (int) (wait % 1_000_000));
                    }
                }
            } finally {
                queue.remove(me);
                notifyAll();
            }
        }

        /** Nanoseconds until the next call may go; 0 or less when it may go now. */
        private long readyIn(long now) {
            long wait = notBefore == Long.MIN_VALUE ? 0 : notBefore - now;
            if (calls > 0 && sent.size() >= calls) {
                long margin = Math.min(MARGIN_NANOS, periodNanos / calls / 2);
                wait = Math.max(wait, sent.peekFirst() + periodNanos + margin - now);
            }
            if (calls == 1 && lastSent != Long.MIN_VALUE) {
                // From the last answer; while it is still out, wait for it, but not beyond two intervals.
                long from = lastAnswered != Long.MIN_VALUE ? lastAnswered : lastSent + periodNanos;
                wait = Math.max(wait, from + periodNanos - now);
            }
            return wait;
        }

        synchronized void answered(long sentAt) {
            if (sentAt == lastSent) {
                lastAnswered = System.nanoTime();
                notifyAll();
            }
        }

        synchronized void refused(Double thresholdSeconds) {
            if (thresholdSeconds != null && thresholdSeconds > 0) {
                // The server's word beats the documented numbers: T seconds per call.
                if (calls == 0) {
                    calls = 1;
                }
                periodNanos = (long) (thresholdSeconds * 1e9 * calls);
            }
            long now = System.nanoTime();
            long pause = Math.max(periodNanos / Math.max(1, calls), (long) (endpoint.penaltySeconds() * scale * 1e9));
            if (pause > 0) {
                notBefore = Math.max(notBefore == Long.MIN_VALUE ? now : notBefore, now + pause);
            }
            notifyAll();
        }
    }
}
