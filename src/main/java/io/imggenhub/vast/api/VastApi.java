package io.imggenhub.vast.api;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the rest of the program asks of Vast's REST API (vast-api.md §3), with typed answers and typed failures
 * ({@link VastException}). {@link VastClient} speaks it over HTTP. The core takes this interface, not the client, so
 * it does not depend on how requests are sent, paced or retried.
 *
 * <p>It lives in {@code api}, next to the types it speaks in, rather than in {@code core}: the layers point one
 * way (core → api), and an interface in core that api implements would point them both ways.
 */
public interface VastApi extends AutoCloseable {

    /** The server this talks to, e.g. {@code https://console.vast.ai}. */
    URI server();

    /**
     * Every instance of the account, following {@code next_token} through all pages (vast-api.md §3.1). A page
     * that is not what Vast sends fails the whole call: a silently partial fleet is the worst failure a cost
     * monitor can have.
     */
    List<Instance> listInstances();

    /**
     * The same listing, handing each page to {@code onPage} as it arrives (on the calling thread), so that work on
     * the first 25 instances can start while the next page loads.
     */
    List<Instance> listInstances(Consumer<List<Instance>> onPage);

    /** The listed instances among {@code ids}; Vast is asked to filter, the rows are filtered again here. */
    List<Instance> listInstances(Collection<Long> ids);

    /** The page after {@code token} (null: the first page) of the whole account. */
    InstancePage listPage(String token);

    /** The page after {@code token} of the listed instances among {@code ids}. */
    InstancePage listPage(String token, Collection<Long> ids);

    /** One instance, or empty once it is gone ({@code {"instances": null}} or 404; vast-api.md §3.2). */
    Optional<Instance> getInstance(long id);

    /** {@code DELETE /api/v0/instances/{id}/} (vast-api.md §3.3). */
    DestroyResult destroyInstance(long id);

    /**
     * The bulk {@code DELETE /api/v0/instances/} (vast-api.md §3.3).
     *
     * @param ids asked for once the endpoint's turn has come, so that ids found while waiting ride along
     * @return the ids that were sent
     */
    List<Long> destroyInstances(Supplier<List<Long>> ids);

    /** As {@link #destroyInstances(Supplier)} with a fixed list; nothing is sent for none. */
    void destroyInstances(List<Long> ids);

    /** Stop or start (vast-api.md §3.7). Safe to retry: asking twice for the same state changes nothing. */
    void setInstanceState(long id, boolean running);

    /** Rents an offer (vast-api.md §3.4). Never retried blindly: a lost answer may still have rented. */
    RentResult rent(long offerId, RentRequest request);

    /** Offer search (vast-api.md §3.5); works without a key. */
    List<Offer> searchOffers(OfferQuery query);

    /**
     * What Vast billed per contract between {@code from} and {@code to} (vast-api.md §3.8), every page read through
     * {@code next_token}, paced at the endpoint's 1 s.
     */
    List<Charge> charges(java.time.Instant from, java.time.Instant to);

    /** Credit and balance (vast-api.md §3.6). */
    Account currentUser();

    /** The same API whose requests go ahead of normal ones on the same endpoint: a destroy never waits behind a poll. */
    VastApi urgent();

    /** The same API with another retry policy, for callers that pace their own retries. */
    VastApi withRetry(RetryPolicy policy);

    /** The process-wide pacer the requests wait on (vast-api.md §5). */
    Pacer pacer();

    /** Releases the threads the API overlaps requests on; calls made afterwards still work, only slower. */
    @Override
    void close();
}
