package io.imggenhub.vast.core;

import io.imggenhub.vast.api.ApiErrorException;
import io.imggenhub.vast.api.AuthenticationException;
import io.imggenhub.vast.api.DestroyResult;
import io.imggenhub.vast.api.Endpoint;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.InstancePage;
import io.imggenhub.vast.api.NotFoundException;
import io.imggenhub.vast.api.RetryPolicy;
import io.imggenhub.vast.api.VastApi;
import io.imggenhub.vast.api.VastException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Destroys instances and proves it, within Vast's rate limits. Many instances go out on the bulk endpoint, up to
 * {@link #BULK_LIMIT} ids a request, each request as soon as a page of the list has brought its ids and the
 * endpoint's pacer allows; single DELETEs only where a bulk answer calls for them (400) or for a single target.
 * "Accepted" becomes "destroyed" only once the paced list no longer shows the instance; one still listed is
 * destroyed again before it is reported STILL BILLING. Everything ends by a deadline with a report, and a failure
 * never stops the rest. The CLI, the window, the emergency cleanup, the guards and {@code watch} all destroy
 * through this one class.
 */
public final class Destroyer {
    private static final Logger LOG = Logger.getLogger(Destroyer.class.getName());
    /** Ids per bulk request, as Vast's own client chunks them (vast-api.md §3.3). */
    public static final int BULK_LIMIT = 64;
    /** Extra tries of a list page that failed after the client's own retries. */
    private static final int PAGE_TRIES = 3;

    /**
     * @param maxAttempts    sends of one request (bulk chunk or single) on a transient failure (429, 5xx, network,
     *                       a cut-short answer) before its instances count as failed
     * @param deadline       the whole run, listing to last verification: then it reports what it knows
     * @param verifyTimeout  how long to keep re-listing before an accepted destroy counts as STILL BILLING
     * @param verifyInterval the least pause between those listings (the list's pacing may make it longer)
     */
    public record Settings(int maxAttempts, Duration deadline, Duration verifyTimeout, Duration verifyInterval) {
        public static final Settings DEFAULT =
                new Settings(8, Duration.ofMinutes(3), Duration.ofSeconds(60), Duration.ofSeconds(1));

        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        public Settings withDeadline(Duration d) {
            return new Settings(maxAttempts, d, verifyTimeout, verifyInterval);
        }
    }

    private final VastApi lister;
    private final VastApi sender;
    private final Settings settings;
    private final AuditSink audit;
    private final Clock clock;

    public Destroyer(VastApi client, Settings settings, AuditSink audit, Clock clock) {
        // Urgent: a destroy and the listing it needs go ahead of polls waiting on the same endpoint. Its DELETEs
        // do not retry inside the client: a failed chunk goes back into the queue (and a 400 to singles) here.
        this.lister = client.urgent();
        this.sender = client.urgent().withRetry(RetryPolicy.NONE);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public Destroyer(VastApi client) {
        this(client, Settings.DEFAULT, AuditSink.NONE, Clock.systemUTC());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Lists the account and destroys every live instance on it, sending a bulk request as soon as a page has
     * brought ids and the endpoint allows. The listener hears {@code starting} once the listing is complete;
     * events about instances of earlier pages are held until then. When the listing fails for good, what was
     * listed is still destroyed and verified, and the report says the listing failed.
     */
    public DestroyReport destroyEverything(String reason, DestroyListener listener) {
        return destroyEverything(List.of(), reason, listener);
    }

    /**
     * As {@link #destroyEverything(String, DestroyListener)}, with {@code known} instances (the window's table)
     * sent at once, before the first page of the listing arrives; the listing then adds any not known yet.
     */
    public DestroyReport destroyEverything(List<Instance> known, String reason, DestroyListener listener) {
        OrderedListener ordered = new OrderedListener(listener);
        Run run = new Run(reason, ordered, "destroy-all", true);
        return run.execute(known);
    }

    public DestroyOutcome destroyOne(Instance target, String reason, DestroyListener listener) {
        return destroy(List.of(target), reason, listener).outcomes().get(0);
    }

    /** Destroys exactly these instances (guards, a confirmed list); nothing else on the account is touched. */
    public DestroyReport destroy(List<Instance> targets, String reason, DestroyListener listener) {
        Run run = new Run(reason, listener, targets.size() == 1 ? "destroy" : "destroy-all", false);
        return run.execute(targets);
    }

    private enum State {
        QUEUED,
        SENT,
        NOT_FOUND,
        FAILED,
        GONE,
        ALREADY_GONE
    }

    /** One destroy run: the lister (calling thread), the sender and the verifier share this state. */
    private final class Run {
        private final String reason;
        private final DestroyListener listener;
        private final String action;
        private final boolean everything;
        private final long started = System.nanoTime();
        private final long deadline;

        private final Map<Long, Instance> targets = new LinkedHashMap<>();
        private final Map<Long, State> states = new HashMap<>();
        private final Map<Long, String> reasons = new HashMap<>();
        private final Map<Long, Integer> attempts = new HashMap<>();
        private final Set<Long> destroyedAgain = new LinkedHashSet<>();
        private final ArrayDeque<Long> bulkQueue = new ArrayDeque<>();
        private final ArrayDeque<Long> singleQueue = new ArrayDeque<>();
        private boolean listingDone;
        private String listingProblem;
        private Integer expected;
        private int listed;
        private long holdingSince = -1;
        /** How long the last list page took to arrive: a hold waits about one more of those. */
        private volatile long pageNanos;

        Run(String reason, DestroyListener listener, String action, boolean everything) {
            this.reason = reason;
            this.listener = listener;
            this.action = action;
            this.everything = everything;
            this.deadline = started + settings.deadline().toNanos();
        }

        DestroyReport execute(List<Instance> known) {
            Thread bulk = worker("destroyer-bulk", this::sendBulks);
            Thread single = worker("destroyer-single", this::sendSingles);
            try {
                add(known);
                if (everything) {
                    listAll();
                } else {
                    finishListing(null);
                }
                listener.starting(List.copyOf(snapshotTargets()));
                bulk.join(remainingMillis() + 1);
                synchronized (this) {
                    notifyAll();
                }
                single.join(remainingMillis() + 1);
                verify();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                bulk.interrupt();
                single.interrupt();
            }
            DestroyReport report = report();
            audit(
                    AuditEvent.Phase.OUTCOME,
                    report.outcomes().stream().map(DestroyOutcome::id).toList(),
                    summary(report));
            listener.finished(report);
            return report;
        }

        private Thread worker(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        // ---- listing ------------------------------------------------------------------------------------------

        private void listAll() {
            String token = null;
            Set<String> tokens = new java.util.HashSet<>();
            int bound = Integer.MAX_VALUE;
            for (int page = 1; ; page++) {
                InstancePage answer;
                long asked = System.nanoTime();
                try {
                    answer = pageWithRetries(token);
                    pageNanos = System.nanoTime() - asked;
                } catch (VastException e) {
                    finishListing("listing failed after " + Formats.count(page - 1, "page") + " (" + e.getMessage()
                            + "): more may be billing");
                    return;
                }
                if (page == 1) {
                    bound = InstancePage.pageBound(answer.totalInstances());
                    synchronized (this) {
                        expected = answer.totalInstances();
                    }
                }
                synchronized (this) {
                    listed += answer.instances().size();
                }
                add(answer.instances());
                progress();
                token = answer.nextToken();
                if (token == null) {
                    finishListing(null);
                    return;
                }
                if (!tokens.add(token) || page >= bound) {
                    finishListing("the list did not end after " + Formats.count(page, "page") + " although it counts "
                            + Formats.count(answer.totalInstances(), "instance") + ": more may be billing");
                    return;
                }
                if (pastDeadline()) {
                    finishListing("the deadline came before the listing ended: more may be billing");
                    return;
                }
            }
        }

        private InstancePage pageWithRetries(String token) {
            VastException last = null;
            for (int tryNo = 1; tryNo <= PAGE_TRIES && !pastDeadline(); tryNo++) {
                try {
                    return lister.listPage(token);
                } catch (AuthenticationException e) {
                    throw e;
                } catch (VastException e) {
                    last = e;
                    LOG.fine("list page failed (" + e.getMessage() + "), trying again");
                }
            }
            throw last != null
                    ? last
                    : new io.imggenhub.vast.api.TransportException(
                            "deadline", "the deadline came before the page was read", -1);
        }

        private synchronized void finishListing(String problem) {
            listingDone = true;
            listingProblem = problem;
            notifyAll();
        }

        /** New live instances become targets and join the bulk queue (or the single queue for a lone target). */
        private synchronized void add(Collection<Instance> instances) {
            List<Long> fresh = new ArrayList<>();
            for (Instance instance : instances) {
                if (instance.isGone() || targets.containsKey(instance.id())) {
                    continue;
                }
                targets.put(instance.id(), instance);
                states.put(instance.id(), State.QUEUED);
                fresh.add(instance.id());
            }
            if (fresh.isEmpty()) {
                return;
            }
            // The intent is on record before the first request for these goes out.
            audit(AuditEvent.Phase.INTENT, fresh, "destroying " + Formats.count(fresh.size(), "instance"));
            if (!everything && targets.size() == 1) {
                singleQueue.addAll(fresh);
            } else {
                bulkQueue.addAll(fresh);
            }
            notifyAll();
        }

        private synchronized List<Instance> snapshotTargets() {
            return new ArrayList<>(targets.values());
        }

        // ---- sending ------------------------------------------------------------------------------------------

        private synchronized boolean sendingDone() {
            return listingDone && bulkQueue.isEmpty() && singleQueue.isEmpty() && !inFlight;
        }

        private boolean inFlight;

        private void sendBulks() {
            try {
                while (!pastDeadline()) {
                    synchronized (this) {
                        while (!pastDeadline() && (bulkQueue.isEmpty() || holdForMore())) {
                            if (listingDone && bulkQueue.isEmpty()) {
                                return;
                            }
                            wait(Math.max(1, Math.min(remainingMillis(), 50)));
                        }
                        if (pastDeadline()) {
                            return;
                        }
                        inFlight = true;
                    }
                    try {
                        sendOneBulk();
                    } finally {
                        synchronized (this) {
                            inFlight = false;
                            notifyAll();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Whether to wait for more of the list before the next bulk request. Sending a partial chunk now is
         * right unless it costs one more request in the end: 25 now and 75 later need three requests (3 s apart),
         * 50 and 50 two. Never held much longer than it takes the next page to come, nor once the listing is over.
         */
        private boolean holdForMore() {
            int queued = bulkQueue.size();
            if (listingDone || queued >= BULK_LIMIT || expected == null) {
                holdingSince = -1;
                return false;
            }
            int unlisted = Math.max(0, expected - listed);
            boolean costsARequest = 1 + chunks(unlisted) > chunks(queued + unlisted);
            if (!costsARequest) {
                holdingSince = -1;
                return false;
            }
            long now = System.nanoTime();
            if (holdingSince < 0) {
                holdingSince = now;
            }
            long maxHold = 2 * ((long) (lister.pacer().intervalSeconds(Endpoint.LIST) * 1e9) + pageNanos) + 50_000_000L;
            return now - holdingSince < maxHold;
        }

        private int chunks(int ids) {
            return (ids + BULK_LIMIT - 1) / BULK_LIMIT;
        }

        private void sendOneBulk() {
            List<Long> chunk;
            lastChunk = List.of();
            try {
                // The ids are taken when the endpoint's turn has come, so that all listed meanwhile ride along.
                chunk = sender.destroyInstances(this::takeChunk);
            } catch (NotFoundException e) {
                // None of them is ours any more (maybe all gone already): the list decides.
                settleChunk(lastChunk, State.NOT_FOUND, "not found on the account");
                return;
            } catch (AuthenticationException e) {
                fail(lastChunk, e.getMessage());
                return;
            } catch (ApiErrorException e) {
                if (e.status() == 400) {
                    LOG.fine("bulk destroy refused (" + e.getMessage() + "): one DELETE each for " + lastChunk);
                    synchronized (this) {
                        singleQueue.addAll(lastChunk);
                        notifyAll();
                    }
                } else {
                    fail(lastChunk, e.getMessage());
                }
                return;
            } catch (VastException e) {
                if (!lastChunk.isEmpty()) {
                    retryLater(lastChunk, e, true);
                }
                return;
            }
            settleChunk(chunk, State.SENT, "accepted");
        }

        /** The chunk the bulk thread sent last (empty when the failure came before any id was taken). */
        private volatile List<Long> lastChunk = List.of();

        private synchronized List<Long> takeChunk() {
            List<Long> chunk = new ArrayList<>();
            while (!bulkQueue.isEmpty() && chunk.size() < BULK_LIMIT) {
                chunk.add(bulkQueue.removeFirst());
            }
            holdingSince = -1;
            lastChunk = List.copyOf(chunk);
            chunk.forEach(id -> attempts.merge(id, 1, Integer::sum));
            request(AuditEvent.Phase.INTENT, chunk, "bulk request for " + Formats.count(chunk.size(), "instance"));
            return chunk;
        }

        private void sendSingles() {
            try {
                while (!pastDeadline()) {
                    long id;
                    synchronized (this) {
                        while (singleQueue.isEmpty()) {
                            if (listingDone && bulkQueue.isEmpty() && !inFlight) {
                                return;
                            }
                            if (pastDeadline()) {
                                return;
                            }
                            wait(Math.max(1, Math.min(remainingMillis(), 50)));
                        }
                        id = singleQueue.removeFirst();
                        attempts.merge(id, 1, Integer::sum);
                    }
                    request(AuditEvent.Phase.INTENT, List.of(id), "attempt " + attempts.get(id));
                    try {
                        DestroyResult result = sender.destroyInstance(id);
                        settleChunk(
                                List.of(id),
                                result == DestroyResult.ALREADY_GONE ? State.ALREADY_GONE : State.SENT,
                                result == DestroyResult.ALREADY_GONE ? "already gone" : "accepted");
                    } catch (AuthenticationException e) {
                        fail(List.of(id), e.getMessage());
                    } catch (VastException e) {
                        if (e.isTransient() || e.status() >= 500) {
                            retryLater(List.of(id), e, false);
                        } else {
                            fail(List.of(id), e.getMessage());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * A transient failure: the same ids go again (after the endpoint's interval), unless out of tries. A 429 is
         * no try: nothing happened, and the pacer has learnt to wait longer; the deadline bounds those.
         */
        private void retryLater(List<Long> ids, VastException e, boolean bulk) {
            List<Long> again = new ArrayList<>();
            List<Long> exhausted = new ArrayList<>();
            synchronized (this) {
                if (e.status() == 429) {
                    ids.forEach(id -> attempts.merge(id, -1, Integer::sum));
                }
                for (Long id : ids) {
                    (attempts.getOrDefault(id, 0) >= settings.maxAttempts() ? exhausted : again).add(id);
                }
                ArrayDeque<Long> queue = bulk ? bulkQueue : singleQueue;
                for (int i = again.size() - 1; i >= 0; i--) {
                    queue.addFirst(again.get(i));
                }
                notifyAll();
            }
            LOG.fine("destroy of " + ids + " failed (" + e.getMessage() + "), sending again");
            if (!exhausted.isEmpty()) {
                fail(exhausted, e.getMessage());
            }
        }

        private void settleChunk(List<Long> ids, State state, String detail) {
            List<Instance> accepted = new ArrayList<>();
            synchronized (this) {
                for (Long id : ids) {
                    states.put(id, state);
                    reasons.put(id, detail);
                    accepted.add(targets.get(id));
                }
                notifyAll();
            }
            request(AuditEvent.Phase.OUTCOME, ids, detail);
            accepted.forEach(i -> listener.accepted(i, state == State.ALREADY_GONE));
            progress();
        }

        private void fail(List<Long> ids, String why) {
            List<Instance> failed = new ArrayList<>();
            synchronized (this) {
                for (Long id : ids) {
                    states.put(id, State.FAILED);
                    reasons.put(id, why);
                    failed.add(targets.get(id));
                }
                notifyAll();
            }
            request(AuditEvent.Phase.OUTCOME, ids, "failed: " + why);
            failed.forEach(i -> listener.failed(i, why));
            progress();
        }

        // ---- verifying ----------------------------------------------------------------------------------------

        /**
         * Re-lists (paced) until every accepted id is gone. An id still listed and live after one look is
         * destroyed once more; what is still there when verification times out is STILL BILLING.
         */
        private void verify() throws InterruptedException {
            long verifyUntil = Math.min(
                    deadline, System.nanoTime() + settings.verifyTimeout().toNanos());
            String lastError = null;
            Set<Long> seenLive = new java.util.HashSet<>();
            while (true) {
                Set<Long> open = unverified();
                if (open.isEmpty()) {
                    return;
                }
                try {
                    List<Instance> rows = boundedListing(open);
                    lastError = null;
                    Map<Long, Instance> live = rows.stream()
                            .filter(i -> !i.isGone())
                            .collect(Collectors.toMap(Instance::id, i -> i, (a, b) -> a));
                    List<Long> again = new ArrayList<>();
                    synchronized (this) {
                        for (Long id : open) {
                            if (!live.containsKey(id)) {
                                states.put(id, states.get(id) == State.NOT_FOUND ? State.ALREADY_GONE : State.GONE);
                            } else if (!seenLive.add(id) && destroyedAgain.add(id)) {
                                again.add(id);
                            }
                        }
                    }
                    progress();
                    if (!again.isEmpty()) {
                        destroyAgain(again);
                    }
                } catch (VastException e) {
                    lastError = e.getMessage();
                }
                if (unverified().isEmpty() || System.nanoTime() >= verifyUntil) {
                    break;
                }
                Thread.sleep(Math.max(1, Math.min(settings.verifyInterval().toMillis(), remainingMillis())));
            }
            String why = lastError == null
                    ? "still listed " + settings.verifyTimeout().toSeconds() + " s after Vast accepted the destroy"
                            + " (destroyed twice)"
                    : "could not verify the destroy: " + lastError;
            synchronized (this) {
                for (Long id : unverified()) {
                    reasons.put(id, why);
                }
            }
        }

        /**
         * The listed rows among {@code ids}, page by page through the paced list; a cursor that does not end is
         * read only as far as the first page's count allows.
         */
        private List<Instance> boundedListing(Set<Long> ids) {
            List<Instance> rows = new ArrayList<>();
            Set<String> tokens = new java.util.HashSet<>();
            InstancePage page = lister.listPage(null, ids);
            int bound = InstancePage.pageBound(page.totalInstances());
            for (int read = 1; ; read++) {
                rows.addAll(page.instances());
                String next = page.nextToken();
                if (next == null || !tokens.add(next) || read >= bound || pastDeadline()) {
                    return rows;
                }
                page = lister.listPage(next, ids);
            }
        }

        /** A second destroy for instances the list still shows, in bulk chunks (singles for a lone target). */
        private void destroyAgain(List<Long> ids) {
            for (int from = 0; from < ids.size() && !pastDeadline(); from += BULK_LIMIT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BULK_LIMIT));
                request(AuditEvent.Phase.INTENT, chunk, "destroy again: still listed after the destroy was accepted");
                try {
                    if (!everything && targets.size() == 1) {
                        sender.destroyInstance(chunk.get(0));
                    } else {
                        sender.destroyInstances(chunk);
                    }
                    request(AuditEvent.Phase.OUTCOME, chunk, "accepted again");
                } catch (VastException e) {
                    request(AuditEvent.Phase.OUTCOME, chunk, "destroy again failed: " + e.getMessage());
                }
            }
        }

        private synchronized Set<Long> unverified() {
            Set<Long> open = new LinkedHashSet<>();
            states.forEach((id, state) -> {
                if (state == State.SENT || state == State.NOT_FOUND || state == State.QUEUED) {
                    open.add(id);
                }
            });
            return open;
        }

        // ---- reporting ----------------------------------------------------------------------------------------

        private synchronized DestroyReport report() {
            List<DestroyOutcome> outcomes = new ArrayList<>();
            for (Instance target : targets.values()) {
                State state = states.get(target.id());
                String why = reasons.getOrDefault(target.id(), "");
                outcomes.add(
                        switch (state) {
                            case GONE -> new DestroyOutcome(target, DestroyOutcome.Status.DESTROYED, "verified gone");
                            case ALREADY_GONE ->
                                new DestroyOutcome(target, DestroyOutcome.Status.ALREADY_GONE, "already gone");
                            case FAILED -> new DestroyOutcome(target, DestroyOutcome.Status.FAILED, why);
                            case QUEUED ->
                                new DestroyOutcome(
                                        target,
                                        DestroyOutcome.Status.FAILED,
                                        "not sent before the deadline ("
                                                + settings.deadline().toSeconds() + " s)");
                            case SENT, NOT_FOUND ->
                                new DestroyOutcome(
                                        target,
                                        DestroyOutcome.Status.STILL_BILLING,
                                        why.isEmpty() || why.equals("accepted") || why.startsWith("not found")
                                                ? "not verified gone before the deadline"
                                                : why);
                        });
            }
            return new DestroyReport(outcomes, elapsed(), listingProblem);
        }

        private synchronized void progress() {
            int accepted = 0;
            int gone = 0;
            int failed = 0;
            for (State s : states.values()) {
                switch (s) {
                    case SENT, NOT_FOUND -> accepted++;
                    case GONE, ALREADY_GONE -> gone++;
                    case FAILED -> failed++;
                    default -> {}
                }
            }
            listener.progress(new DestroyProgress(
                    listed, expected, targets.size(), accepted + gone, gone, failed, listingDone, elapsed()));
        }

        private void audit(AuditEvent.Phase phase, List<Long> ids, String detail) {
            audit.record(new AuditEvent(clock.instant(), action, reason, phase, ids, detail));
        }

        /** One request's intent (before it goes out) or outcome, under its own action name. */
        private void request(AuditEvent.Phase phase, List<Long> ids, String detail) {
            audit.record(new AuditEvent(clock.instant(), "destroy-request", reason, phase, ids, detail));
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        private boolean pastDeadline() {
            return System.nanoTime() - deadline >= 0;
        }

        private long remainingMillis() {
            return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        }
    }

    private static String summary(DestroyReport report) {
        String failed = report.failures().stream()
                .map(o -> o.id() + " " + o.status() + " (" + o.reason() + ")")
                .collect(Collectors.joining("; "));
        return "stopped " + report.stopped() + "/" + report.total() + (failed.isEmpty() ? "" : "; " + failed)
                + (report.listingProblem() == null ? "" : "; " + report.listingProblem());
    }
}
