package io.imggenhub.vast.core;

import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.RentResult;
import io.imggenhub.vast.api.TransportException;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.api.VastException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        Listener NONE = new Listener() { };

        default void renting(Offer offer) {
        }

        default void rented(long instanceId) {
        }

        default void waiting(Instance instance) {
        }

        default void emergencyCleanup(InsufficientCreditException cause) {
        }

        /** Receives the per-instance progress of the emergency cleanup. */
        default DestroyListener cleanupListener() {
            return DestroyListener.NONE;
        }
    }

    public record Deployment(Offer offer, long instanceId, Instance instance) {
    }

    private final VastClient client;
    private final Destroyer destroyer;
    private final AuditSink audit;
    private final Clock clock;
    private final boolean emergencyCleanup;

    public Deployer(VastClient client, Destroyer destroyer, AuditSink audit, Clock clock, boolean emergencyCleanup) {
        this.client = client;
        this.destroyer = destroyer;
        this.audit = audit;
        this.clock = clock;
        this.emergencyCleanup = emergencyCleanup;
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

    /**
     * Rents one offer. Never retried blindly: if the answer is lost to a timeout, the fleet is searched for the
     * label so that a rental that did happen is found instead of repeated.
     */
    public RentResult rent(long offerId, RentRequest request, Listener listener) {
        RentRequest labelled = request.label() == null
                ? new RentRequest(request.image(), request.diskGb(), "imggenhub-" + clock.instant().getEpochSecond(),
                request.env(), request.onstart(), request.runtype(), request.bidPrice())
                : request;
        audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.INTENT, List.of(),
                "offer " + offerId + ", image " + labelled.image() + ", label " + labelled.label()));
        try {
            RentResult result = client.rent(offerId, labelled);
            audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.OUTCOME,
                    List.of(result.newContract()), "rented offer " + offerId));
            listener.rented(result.newContract());
            return result;
        } catch (InsufficientCreditException e) {
            audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.OUTCOME, List.of(),
                    "refused: " + e.getMessage()));
            if (!emergencyCleanup) {
                throw e;
            }
            listener.emergencyCleanup(e);
            DestroyReport report;
            try {
                report = destroyer.destroyEverything("insufficient_credit", listener.cleanupListener());
            } catch (VastException listingFailed) {
                // The user must still learn that the credit ran out; the cleanup failure rides along.
                e.addSuppressed(listingFailed);
                report = null;
            }
            throw new EmergencyCleanupException(e, report);
        } catch (TransportException e) {
            Optional<Instance> created = findByLabel(labelled.label());
            if (created.isPresent()) {
                audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.OUTCOME,
                        List.of(created.get().id()), "answer lost (" + e.getMessage() + ") but the instance exists"));
                listener.rented(created.get().id());
                return new RentResult(created.get().id(), null);
            }
            audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.OUTCOME, List.of(),
                    "failed: " + e.getMessage() + "; no instance with label " + labelled.label() + " was found"));
            throw e;
        } catch (VastException e) {
            audit.record(new AuditEvent(clock.instant(), "rent", "manual", AuditEvent.Phase.OUTCOME, List.of(),
                    "failed: " + e.getMessage()));
            throw e;
        }
    }

    private Optional<Instance> findByLabel(String label) {
        try {
            return client.listInstances().stream()
                    .filter(i -> label.equals(i.label()) && !i.isGone())
                    .findFirst();
        } catch (VastException listingFailed) {
            return Optional.empty();
        }
    }

    /** Polls the instance until it runs and has an SSH address, the wait runs out, or the caller cancels. */
    public Instance waitUntilReady(long instanceId, Duration timeout, Duration interval, BooleanSupplier cancelled,
                                   Listener listener) {
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
    public Deployment deployCheapest(OfferFilter filter, RentRequest request, Duration wait, BooleanSupplier cancelled,
                                     Listener listener) {
        Offer offer = cheapest(filter);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled before renting");
        }
        listener.renting(offer);
        RentRequest withBid = filter.spot() && request.bidPrice() == null && offer.minBid() != null
                ? request.withBid(offer.minBid())
                : request;
        RentResult result = rent(offer.id(), withBid, listener);
        Instance ready = wait.isZero() ? null
                : waitUntilReady(result.newContract(), wait, Duration.ofSeconds(2), cancelled, listener);
        return new Deployment(offer, result.newContract(), ready);
    }
}
