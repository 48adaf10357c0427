package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.RateLimitedException;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.TransportException;
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
    /** Vast's page size: this many ids fit one filtered listing. */
    private static final int IDS_PER_QUERY = 25;

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

    /**
     * Lists the account and destroys every live instance on it. Destroying starts with the first page of the
     * listing rather than after the last one, so a large fleet stops billing sooner. The listener hears
     * {@code starting} once the listing is complete; progress on instances of earlier pages waits for it, so the
     * order of events stays starting, accepted/failed..., finished. If the listing fails part-way, the instances
     * already found are still destroyed and verified before the listing's exception is thrown.
     */
    public DestroyReport destroyEverything(String reason, DestroyListener listener) {
        OrderedListener ordered = new OrderedListener(listener);
        return run(reason, ordered, "destroy-all", submit -> {
            List<Instance> targets = new ArrayList<>();
            client.listInstances(page -> {
                List<Instance> live = page.stream().filter(i -> !i.isGone()).toList();
                targets.addAll(live);
                submit.accept(live);
            });
            ordered.starting(targets);
            return targets;
        });
    }

    public DestroyOutcome destroyOne(Instance target, String reason, DestroyListener listener) {
        return destroy(List.of(target), reason, listener).outcomes().get(0);
    }

    public DestroyReport destroy(List<Instance> targets, String reason, DestroyListener listener) {
        return run(reason, listener, targets.size() == 1 ? "destroy" : "destroy-all", submit -> {
            listener.starting(targets);
            submit.accept(targets);
            return targets;
        });
    }

    /** Where the targets come from: it hands them to {@code submit} in batches and returns them all, in order. */
    @FunctionalInterface
    private interface TargetSource {
        List<Instance> feed(java.util.function.Consumer<List<Instance>> submit);
    }

    private DestroyReport run(String reason, DestroyListener listener, String action, TargetSource source) {
        long started = System.nanoTime();
        AdaptiveLimiter limiter = new AdaptiveLimiter(settings.maxInFlight());
        ExecutorService pool = Executors.newFixedThreadPool(settings.maxInFlight(), r -> {
            Thread t = new Thread(r, "destroyer");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Long, Future<DestroyOutcome>> futures = new LinkedHashMap<>();
            Map<Long, Instance> submitted = new LinkedHashMap<>();
            List<Instance> targets;
            try {
                targets = source.feed(batch -> {
                    List<Instance> fresh = batch.stream().filter(i -> !submitted.containsKey(i.id())).toList();
                    if (fresh.isEmpty()) {
                        return;
                    }
                    // The intent is on record before the batch's first request goes out.
                    audit.record(new AuditEvent(clock.instant(), action, reason, AuditEvent.Phase.INTENT,
                            fresh.stream().map(Instance::id).toList(), "destroying " + fresh.size() + " instance(s)"));
                    for (Instance target : fresh) {
                        submitted.put(target.id(), target);
                        futures.put(target.id(), pool.submit(() -> sendOne(target, reason, limiter, listener)));
                    }
                });
            } catch (VastException listingFailed) {
                // Finish and check what was already sent, so that nothing is left half-done, then report.
                Map<Long, DestroyOutcome> partial = awaitAll(futures, submitted);
                verify(partial, pool);
                throw listingFailed;
            }
            if (targets.isEmpty()) {
                DestroyReport empty = new DestroyReport(List.of(), Duration.ofNanos(System.nanoTime() - started));
                listener.finished(empty);
                return empty;
            }
            List<Long> ids = targets.stream().map(Instance::id).distinct().toList();
            Map<Long, DestroyOutcome> outcomes = awaitAll(futures, submitted);
            verify(outcomes, pool);

            List<DestroyOutcome> ordered = ids.stream().map(outcomes::get).toList();
            DestroyReport report = new DestroyReport(ordered, Duration.ofNanos(System.nanoTime() - started));
            audit.record(new AuditEvent(clock.instant(), action, reason, AuditEvent.Phase.OUTCOME, ids,
                    summary(report)));
            listener.finished(report);
            return report;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Long, DestroyOutcome> awaitAll(Map<Long, Future<DestroyOutcome>> futures,
                                               Map<Long, Instance> targets) {
        Map<Long, DestroyOutcome> outcomes = new LinkedHashMap<>();
        futures.forEach((id, future) -> outcomes.put(id, await(future, targets.get(id))));
        return outcomes;
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
            long ticket = limiter.acquire();
            try {
                audit.record(new AuditEvent(clock.instant(), "destroy-request", reason, AuditEvent.Phase.INTENT,
                        List.of(target.id()), "attempt " + attempt));
                VastClient.DestroyResult result = requestClient.destroyInstance(target.id());
                limiter.releaseOk(ticket);
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
                    limiter.releaseCongested(ticket, pause);
                } else {
                    limiter.releaseFailed(ticket);
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
    private void verify(Map<Long, DestroyOutcome> outcomes, ExecutorService pool) {
        Set<Long> pending = outcomes.values().stream()
                .filter(o -> o.status() == DestroyOutcome.Status.DESTROYED)
                .map(DestroyOutcome::id)
                .collect(Collectors.toCollection(HashSet::new));
        long deadline = System.nanoTime() + settings.verifyTimeout().toNanos();
        String lastError = null;
        boolean filterById = true;
        while (!pending.isEmpty()) {
            try {
                pending.retainAll(filterById ? stillListed(pending, pool) : stillListed(client.listInstances()));
                lastError = null;
            } catch (VastException e) {
                if (filterById && e.status() == 400) {
                    // A server that refuses the id filter gets the plain listing, as before.
                    filterById = false;
                    continue;
                }
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

    /**
     * Which of {@code ids} are still listed: one id-filtered query per page-full of ids, in parallel, instead of
     * paging through the whole fleet one page after another (100 destroyed instances linger as four pages).
     */
    private Set<Long> stillListed(Set<Long> ids, ExecutorService pool) {
        List<Long> sorted = ids.stream().sorted().toList();
        List<Future<List<Instance>>> parts = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY));
            parts.add(pool.submit(() -> client.listInstances(chunk)));
        }
        Set<Long> listed = new HashSet<>();
        for (Future<List<Instance>> part : parts) {
            try {
                listed.addAll(stillListed(part.get()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof VastException v) {
                    throw v;
                }
                throw new IllegalStateException("verifying the destroy failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted", "interrupted while verifying the destroy", -1, e);
            }
        }
        return listed;
    }

    private static Set<Long> stillListed(List<Instance> rows) {
        return rows.stream().filter(i -> !i.isGone()).map(Instance::id).collect(Collectors.toSet());
    }

    private static String summary(DestroyReport report) {
        String failed = report.failures().stream()
                .map(o -> o.id() + " " + o.status() + " (" + o.reason() + ")")
                .collect(Collectors.joining("; "));
        return "stopped " + report.stopped() + "/" + report.total() + (failed.isEmpty() ? "" : "; " + failed);
    }
}
