package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.RentResult;
import io.imggenhub.vast.api.TransportException;
import io.imggenhub.vast.api.VastApi;
import io.imggenhub.vast.api.VastException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Search, pick the cheapest, rent, wait until it runs. When Vast answers {@code insufficient_credit} the account is
 * out of money while machines may still be burning it: every instance is destroyed at once through the
 * {@link Destroyer}, then the rent fails with {@link EmergencyCleanupException}.
 */
public final class Deployer {
    /** Progress of a deploy; all methods optional, called on the deploying thread. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void renting(Offer offer) {}

        default void rented(long instanceId) {}

        default void waiting(Instance instance) {}

        default void emergencyCleanup(InsufficientCreditException cause) {}

        /** Receives the per-instance progress of the emergency cleanup. */
        default DestroyListener cleanupListener() {
            return DestroyListener.NONE;
        }
    }

    public record Deployment(Offer offer, long instanceId, Instance instance) {}

    /**
     * How a lost rent answer is looked for: a list every {@code interval} for up to {@code window}. Vast needs a
     * while to show a new instance, and the list endpoint allows one call a second (vast-api.md §5).
     */
    public record LostAnswerSearch(Duration window, Duration interval, Sleeper sleeper) {
        public static final LostAnswerSearch DEFAULT =
                new LostAnswerSearch(Duration.ofMinutes(2), Duration.ofSeconds(3), Sleeper.REAL);
    }

    /** Waits between looks; tests move a simulated clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = pause -> Thread.sleep(pause.toMillis());

        void sleep(Duration pause) throws InterruptedException;
    }

    /** The bid above {@code min_bid} by default: a bid of exactly the minimum is outbid at once. */
    public static final double DEFAULT_BID_MARGIN_PERCENT = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VastApi client;
    private final Destroyer destroyer;
    private final AuditSink audit;
    private final Clock clock;
    private final boolean emergencyCleanup;
    private final LostAnswerSearch lostAnswerSearch;

    public Deployer(VastApi client, Destroyer destroyer, AuditSink audit, Clock clock, boolean emergencyCleanup) {
        this(client, destroyer, audit, clock, emergencyCleanup, LostAnswerSearch.DEFAULT);
    }

    public Deployer(
            VastApi client,
            Destroyer destroyer,
            AuditSink audit,
            Clock clock,
            boolean emergencyCleanup,
            LostAnswerSearch lostAnswerSearch) {
        this.client = client;
        this.destroyer = destroyer;
        this.audit = audit;
        this.clock = clock;
        this.emergencyCleanup = emergencyCleanup;
        this.lostAnswerSearch = lostAnswerSearch;
    }

    public Deployer withLostAnswerSearch(LostAnswerSearch search) {
        return new Deployer(client, destroyer, audit, clock, emergencyCleanup, search);
    }

    /** Offers matching the filter, cheapest first. */
    public List<Offer> search(OfferFilter filter) {
        // Ask for more than we show: the server's own order may differ from ours, and we re-filter.
        int serverLimit = Math.max(64, filter.limit() * 4);
        return filter.apply(client.searchOffers(filter.toQuery(serverLimit)));
    }

    public Offer cheapest(OfferFilter filter) {
        return search(filter).stream().findFirst().orElseThrow(() -> new NoMatchingOfferException(filter));
    }

    /** A label no other rent shares, even one started in the same second by another process. */
    public String uniqueLabel() {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return "imggenhub-" + clock.instant().getEpochSecond() + "-"
                + HexFormat.of().formatHex(suffix);
    }

    /** $/hr a rental is billed: on demand the offer's all-in price for the disk; a bid plus the disk's storage. */
    public static double billedPerHour(Offer offer, RentRequest request) {
        if (request.bidPrice() == null) {
            return offer.hourlyCost();
        }
        double storage = offer.storageCost() == null ? 0 : request.diskGb() * offer.storageCost() / 720.0;
        return request.bidPrice() + storage;
    }

    /** An interruptible bid: {@code min_bid} plus {@code marginPercent}, rounded up to a tenth of a cent. */
    public static double bidAbove(double minBid, double marginPercent) {
        return Math.ceil(minBid * (1 + marginPercent / 100.0) * 10_000) / 10_000;
    }

    /**
     * Rents one offer, sending the rent request at most once. If its answer is lost (a timeout, a cut
     * connection), the fleet is searched for a new instance with its label, one that was not there before the rent
     * went out, for up to {@link LostAnswerSearch#window()}; if none appears, {@link RentMayExistException}.
     */
    public RentResult rent(long offerId, RentRequest request, Listener listener) {
        RentRequest labelled = request.label() == null ? request.withLabel(uniqueLabel()) : request;
        // Known before the rent goes out, so an older instance that carries the same label is never taken for it.
        Set<Long> before = new HashSet<>();
        client.listInstances().forEach(i -> before.add(i.id()));
        String key = requestKey();
        audit.record(new AuditEvent(
                clock.instant(),
                "rent",
                "manual",
                AuditEvent.Phase.INTENT,
                List.of(),
                key + "offer " + offerId + ", image " + labelled.image() + ", label " + labelled.label()));
        try {
            RentResult result = client.rent(offerId, labelled);
            audit.record(new AuditEvent(
                    clock.instant(),
                    "rent",
                    "manual",
                    AuditEvent.Phase.OUTCOME,
                    List.of(result.newContract()),
                    key + "rented offer " + offerId));
            listener.rented(result.newContract());
            return result;
        } catch (InsufficientCreditException e) {
            audit.record(new AuditEvent(
                    clock.instant(),
                    "rent",
                    "manual",
                    AuditEvent.Phase.OUTCOME,
                    List.of(),
                    key + "refused: " + e.getMessage()));
            if (!emergencyCleanup) {
                throw e;
            }
            throw cleanUp(e, listener);
        } catch (TransportException e) {
            if (neverSent(e)) {
                audit.record(new AuditEvent(
                        clock.instant(),
                        "rent",
                        "manual",
                        AuditEvent.Phase.OUTCOME,
                        List.of(),
                        key + "not sent: " + e.getMessage()));
                throw e;
            }
            Optional<Instance> created = searchForLostRental(labelled.label(), before);
            if (created.isPresent()) {
                audit.record(new AuditEvent(
                        clock.instant(),
                        "rent",
                        "manual",
                        AuditEvent.Phase.OUTCOME,
                        List.of(created.get().id()),
                        key + "answer lost (" + e.getMessage() + ") but the instance" + " exists"));
                listener.rented(created.get().id());
                return new RentResult(created.get().id(), null);
            }
            // No OUTCOME: the intent stays UNCONFIRMED in the history, which is the truth.
            throw new RentMayExistException(offerId, labelled.label(), lostAnswerSearch.window(), e);
        } catch (VastException e) {
            audit.record(new AuditEvent(
                    clock.instant(),
                    "rent",
                    "manual",
                    AuditEvent.Phase.OUTCOME,
                    List.of(),
                    key + "failed: " + e.getMessage()));
            throw e;
        }
    }

    /** "request 1a2b3c4d5e6f on host:port: ", so the audit pairs this rent's outcome with its own intent. */
    private String requestKey() {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        URI server = client.server();
        return "request " + HexFormat.of().formatHex(id) + " on " + server.getHost()
                + (server.getPort() < 0 ? "" : ":" + server.getPort()) + ": ";
    }

    /** A refused connection never carried the request: nothing can have been rented. */
    private static boolean neverSent(TransportException e) {
        return "connection_refused".equals(e.type()) || "connect_timeout".equals(e.type());
    }

    private Optional<Instance> searchForLostRental(String label, Set<Long> before) {
        Instant deadline = clock.instant().plus(lostAnswerSearch.window());
        while (true) {
            try {
                Optional<Instance> found = client.listInstances().stream()
                        .filter(i -> label.equals(i.label()) && !before.contains(i.id()) && !i.isGone())
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (VastException listingFailed) {
                // The server may be back at the next look.
            }
            if (clock.instant().plus(lostAnswerSearch.interval()).isAfter(deadline)) {
                return Optional.empty();
            }
            try {
                lostAnswerSearch.sleeper().sleep(lostAnswerSearch.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Credit at or below zero while instances bill: Vast would refuse the rent, and the instances drain an empty
     * account. The same cleanup as an {@code insufficient_credit} answer, without sending the rent.
     */
    public EmergencyCleanupException noCreditEmergency(FleetSnapshot snapshot, Listener listener) {
        InsufficientCreditException refusal = noCredit(snapshot);
        audit.record(new AuditEvent(
                clock.instant(),
                "rent",
                "insufficient_credit",
                AuditEvent.Phase.OUTCOME,
                List.of(),
                "not sent: " + refusal.detail()));
        return cleanUp(refusal, listener);
    }

    /** What Vast would answer a rent with this credit, said with the numbers. */
    public static InsufficientCreditException noCredit(FleetSnapshot snapshot) {
        return new InsufficientCreditException(
                "insufficient_credit",
                String.format(
                        Locale.ROOT,
                        "credit is %s while %s bill%s %s/hr; Vast refuses to rent without credit",
                        usd(snapshot.credit()),
                        Formats.count(snapshot.billingCount(), "instance"),
                        snapshot.billingCount() == 1 ? "s" : "",
                        usd(snapshot.burnPerHour())),
                0);
    }

    private static String usd(double amount) {
        return (amount <= -0.005 ? "-$" : "$") + String.format(Locale.ROOT, "%.2f", Math.abs(amount));
    }

    private EmergencyCleanupException cleanUp(InsufficientCreditException e, Listener listener) {
        listener.emergencyCleanup(e);
        DestroyReport report;
        try {
            report = destroyer.destroyEverything("insufficient_credit", listener.cleanupListener());
        } catch (VastException listingFailed) {
            // The user must still learn that the credit ran out; the cleanup failure rides along.
            e.addSuppressed(listingFailed);
            report = null;
        }
        return new EmergencyCleanupException(e, report);
    }

    /** Polls the instance until it runs and has an SSH address, the wait runs out, or the caller cancels. */
    public Instance waitUntilReady(
            long instanceId, Duration timeout, Duration interval, BooleanSupplier cancelled, Listener listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instance last = null;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stopped waiting for instance " + instanceId);
            }
            Optional<Instance> current = client.getInstance(instanceId);
            if (current.isEmpty()) {
                throw new IllegalStateException("instance " + instanceId + " disappeared while starting");
            }
            last = current.get();
            listener.waiting(last);
            if ("running".equals(last.actualStatus()) && last.ssh() != null) {
                return last;
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return last;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for instance " + instanceId);
            }
        }
    }

    /** Rents the cheapest offer that matches and waits (up to {@code wait}) for it to run. */
    public Deployment deployCheapest(
            OfferFilter filter, RentRequest request, Duration wait, BooleanSupplier cancelled, Listener listener) {
        Offer offer = cheapest(filter);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled before renting");
        }
        listener.renting(offer);
        RentRequest withBid = filter.spot() && request.bidPrice() == null && offer.minBid() != null
                ? request.withBid(bidAbove(offer.minBid(), DEFAULT_BID_MARGIN_PERCENT))
                : request;
        RentResult result = rent(offer.id(), withBid, listener);
        Instance ready = wait.isZero()
                ? null
                : waitUntilReady(result.newContract(), wait, Duration.ofSeconds(2), cancelled, listener);
        return new Deployment(offer, result.newContract(), ready);
    }
}
