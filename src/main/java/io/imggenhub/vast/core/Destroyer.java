package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RateLimitedException;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.api.VastException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Destroys instances and proves it: requests go out concurrently (bounded, backing off together on 429), a failure
 * never stops the rest, and "accepted" only becomes "destroyed" once the instance is gone from the list. The CLI,
 * the window, the emergency cleanup and the guards all destroy through this one class.
 */
public final class Destroyer {
    private static final Logger LOG = Logger.getLogger(Destroyer.class.getName());

    /**
     * @param maxInFlight    destroy requests on the wire at once
     * @param maxAttempts    tries per instance for a transient failure (429, 5xx, network)
     * @param initialBackoff the first pause after a transient failure, doubled on each further one
     * @param verifyTimeout  how long to keep re-listing before an accepted destroy counts as STILL BILLING
     * @param verifyInterval the pause between those listings
     */
    public record Settings(int maxInFlight, int maxAttempts, Duration initialBackoff, Duration verifyTimeout,
                           Duration verifyInterval) {
        public static final Settings DEFAULT = new Settings(16, 6, Duration.ofMillis(250), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }

    private final VastClient client;
    private final VastClient requestClient;
    private final Settings settings;
    private final AuditSink audit;
    private final Clock clock;

    public Destroyer(VastClient client, Settings settings, AuditSink audit, Clock clock) {
        this.client = client;
        // This class paces its own retries across all workers, so its DELETEs must not also retry inside the client.
        this.requestClient = client.withRetry(RetryPolicy.NONE);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public Destroyer(VastClient client) {
        this(client, Settings.DEFAULT, AuditSink.NONE, Clock.systemUTC());
    }

    /** Lists the account first, then destroys every live instance on it. */
    public DestroyReport destroyEverything(String reason, DestroyListener listener) {
        List<Instance> targets = client.listInstances().stream().filter(i -> !i.isGone()).toList();
        return destroy(targets, reason, listener);
    }

    public DestroyOutcome destroyOne(Instance target, String reason, DestroyListener listener) {
        return destroy(List.of(target), reason, listener).outcomes().get(0);
    }

    public DestroyReport destroy(List<Instance> targets, String reason, DestroyListener listener) {
        long started = System.nanoTime();
        listener.starting(targets);
        if (targets.isEmpty()) {
            DestroyReport empty = new DestroyReport(List.of(), Duration.ZERO);
            listener.finished(empty);
            return empty;
        }
        List<Long> ids = targets.stream().map(Instance::id).toList();
        audit.record(new AuditEvent(clock.instant(), targets.size() == 1 ? "destroy" : "destroy-all", reason,
                AuditEvent.Phase.INTENT, ids, "destroying " + targets.size() + " instance(s)"));

        Map<Long, DestroyOutcome> outcomes = sendAll(targets, reason, listener);
        verify(outcomes);

        List<DestroyOutcome> ordered = ids.stream().map(outcomes::get).toList();
        DestroyReport report = new DestroyReport(ordered, Duration.ofNanos(System.nanoTime() - started));
        audit.record(new AuditEvent(clock.instant(), targets.size() == 1 ? "destroy" : "destroy-all", reason,
                AuditEvent.Phase.OUTCOME, ids, summary(report)));
        listener.finished(report);
        return report;
    }

    private Map<Long, DestroyOutcome> sendAll(List<Instance> targets, String reason, DestroyListener listener) {
        AdaptiveLimiter limiter = new AdaptiveLimiter(settings.maxInFlight());
        int threads = Math.min(settings.maxInFlight(), targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "destroyer");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Long, Future<DestroyOutcome>> futures = new LinkedHashMap<>();
            for (Instance target : targets) {
                futures.put(target.id(), pool.submit(() -> sendOne(target, reason, limiter, listener)));
            }
            Map<Long, DestroyOutcome> outcomes = new LinkedHashMap<>();
            for (Instance target : targets) {
                outcomes.put(target.id(), await(futures.get(target.id()), target));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private DestroyOutcome await(Future<DestroyOutcome> future, Instance target) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DestroyOutcome(target, DestroyOutcome.Status.FAILED, "interrupted before an answer arrived");
        } catch (ExecutionException e) {
            return new DestroyOutcome(target, DestroyOutcome.Status.FAILED, String.valueOf(e.getCause()));
        }
    }

    private DestroyOutcome sendOne(Instance target, String reason, AdaptiveLimiter limiter, DestroyListener listener)
            throws InterruptedException {
        VastException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            limiter.acquire();
            try {
                audit.record(new AuditEvent(clock.instant(), "destroy-request", reason, AuditEvent.Phase.INTENT,
                        List.of(target.id()), "attempt " + attempt));
                VastClient.DestroyResult result = requestClient.destroyInstance(target.id());
                limiter.releaseOk();
                boolean gone = result == VastClient.DestroyResult.ALREADY_GONE;
                audit.record(new AuditEvent(clock.instant(), "destroy-request", reason, AuditEvent.Phase.OUTCOME,
                        List.of(target.id()), gone ? "already gone" : "accepted"));
                listener.accepted(target, gone);
                return new DestroyOutcome(target, gone ? DestroyOutcome.Status.ALREADY_GONE
                        : DestroyOutcome.Status.DESTROYED, gone ? "already gone" : "accepted");
            } catch (VastException e) {
                last = e;
                long pause = backoffMillis(attempt);
                if (e instanceof RateLimitedException || e.status() == 503) {
                    // The server as a whole is pushing back: everyone slows down.
                    limiter.releaseCongested(pause);
                } else {
                    limiter.releaseFailed();
                    if (!isRetryable(e)) {
                        break;
                    }
                    if (attempt < settings.maxAttempts()) {
                        Thread.sleep(pause);
                    }
                }
                LOG.fine("destroy " + target.id() + " attempt " + attempt + " failed: " + e.getMessage());
            }
        }
        String reasonText = last == null ? "unknown error" : last.getMessage();
        audit.record(new AuditEvent(clock.instant(), "destroy-request", reason, AuditEvent.Phase.OUTCOME,
                List.of(target.id()), "failed: " + reasonText));
        listener.failed(target, reasonText);
        return new DestroyOutcome(target, DestroyOutcome.Status.FAILED, reasonText);
    }

    private static boolean isRetryable(VastException e) {
        return e.isTransient() || e.status() >= 500;
    }

    private long backoffMillis(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 5);
        return (long) (Math.min(base, 8_000) * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
    }

    /** Re-lists until every accepted destroy is gone; what is still there at the deadline is STILL BILLING. */
    private void verify(Map<Long, DestroyOutcome> outcomes) {
        Set<Long> pending = outcomes.values().stream()
                .filter(o -> o.status() == DestroyOutcome.Status.DESTROYED)
                .map(DestroyOutcome::id)
                .collect(Collectors.toCollection(HashSet::new));
        long deadline = System.nanoTime() + settings.verifyTimeout().toNanos();
        String lastError = null;
        while (!pending.isEmpty()) {
            try {
                Set<Long> listed = client.listInstances().stream()
                        .filter(i -> !i.isGone())
                        .map(Instance::id)
                        .collect(Collectors.toSet());
                pending.retainAll(listed);
                lastError = null;
            } catch (VastException e) {
                lastError = e.getMessage();
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(settings.verifyInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String why = lastError == null
                ? "still listed " + settings.verifyTimeout().toSeconds() + " s after Vast accepted the destroy"
                : "could not verify the destroy: " + lastError;
        for (Long id : new ArrayList<>(pending)) {
            DestroyOutcome accepted = outcomes.get(id);
            outcomes.put(id, new DestroyOutcome(accepted.instance(), DestroyOutcome.Status.STILL_BILLING, why));
        }
    }

    private static String summary(DestroyReport report) {
        String failed = report.failures().stream()
                .map(o -> o.id() + " " + o.status() + " (" + o.reason() + ")")
                .collect(Collectors.joining("; "));
        return "stopped " + report.stopped() + "/" + report.total() + (failed.isEmpty() ? "" : "; " + failed);
    }
}
