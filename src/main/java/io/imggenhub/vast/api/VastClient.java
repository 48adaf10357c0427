package io.imggenhub.vast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.config.ApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link VastApi} over {@link HttpClient} and Jackson (vast-api.md §3). Thread-safe; one instance per server. This
 * class reads Vast's answers; {@link Requests} shapes what is sent, {@link PacedExchange} sends it (pacing, retries,
 * redirects) and {@link ErrorClassifier} files what failed. The key goes only into the {@code Authorization: Bearer}
 * header: never into a URL, a log line or an exception.
 */
public class VastClient implements VastApi {
    private final ClientSettings settings;
    private final HttpClient http;
    private final Pacer pacer;
    private final Pacer.Priority priority;
    private final IoThreads threads;
    private final PacedExchange exchange;

    public VastClient(ClientSettings settings) {
        this(settings, httpFor(settings), Pacer.shared(settings), Pacer.Priority.NORMAL, new IoThreads());
    }

    private static HttpClient httpFor(ClientSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER); // see SameOriginRedirect
        if ("http".equals(settings.server().getScheme())) {
            // Plain http is loopback only (ServerUrl) and redirects are never followed: no TLS, so no trust store.
            builder.sslContext(new NoTlsContext()).sslParameters(new javax.net.ssl.SSLParameters());
        }
        return builder.build();
    }

    private VastClient(
            ClientSettings settings, HttpClient http, Pacer pacer, Pacer.Priority priority, IoThreads threads) {
        this.settings = settings;
        this.http = http;
        this.pacer = pacer;
        this.priority = priority;
        this.threads = threads;
        this.exchange = new PacedExchange(settings, http, pacer, priority);
    }

    /** The same connection pool and pacer with another retry policy, for callers that pace their own retries. */
    @Override
    public VastClient withRetry(RetryPolicy policy) {
        return new VastClient(settings.withRetry(policy), http, pacer, priority, threads);
    }

    /**
     * The same client whose requests go ahead of normal ones waiting on the same endpoint: a destroy, and the
     * listing it needs, never waits behind a poll.
     */
    @Override
    public VastClient urgent() {
        return new VastClient(settings, http, pacer, Pacer.Priority.URGENT, threads);
    }

    /** The process-wide pacer this client's requests wait on. */
    @Override
    public Pacer pacer() {
        return pacer;
    }

    public ClientSettings settings() {
        return settings;
    }

    @Override
    public URI server() {
        return settings.server();
    }

    public boolean hasApiKey() {
        return settings.apiKey() != null;
    }

    // ---- instances --------------------------------------------------------------------------------------------

    /**
     * Every instance of the account, following {@code next_token} through all pages. A listing that silently
     * returns a partial fleet is the worst failure a cost monitor can have, so a page that is not what Vast sends
     * fails the whole call.
     */
    @Override
    public List<Instance> listInstances() {
        return listPages("", page -> {});
    }

    /**
     * The same listing, handing each page to {@code onPage} as it arrives (on the calling thread), so that work
     * on the first 25 instances can start while the next page loads.
     */
    @Override
    public List<Instance> listInstances(Consumer<List<Instance>> onPage) {
        return listPages("", onPage);
    }

    /**
     * The listed instances among {@code ids}. Vast is asked to filter ({@code select_filters={"id":{"in":[...]}}}),
     * which answers a few known ids in one page instead of the whole fleet; the rows are filtered again here, so
     * a server that ignores the filter only makes this slower, never wrong.
     */
    @Override
    public List<Instance> listInstances(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(ids);
        return listPages(Requests.idFilter(ids), page -> {}).stream()
                .filter(i -> wanted.contains(i.id()))
                .toList();
    }

    /** The page after {@code token} (null: the first page) of the whole account. */
    @Override
    public InstancePage listPage(String token) {
        return page("", token, new HashSet<>());
    }

    /** The page after {@code token} of the listed instances among {@code ids} (Vast filters by id). */
    @Override
    public InstancePage listPage(String token, Collection<Long> ids) {
        return page(Requests.idFilter(ids), token, new HashSet<>());
    }

    private List<Instance> listPages(String extraQuery, Consumer<List<Instance>> onPage) {
        List<Instance> all = new ArrayList<>();
        Set<String> seenTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
        InstancePage page = page(extraQuery, null, seenTokens);
        int bound = InstancePage.pageBound(page.totalInstances());
        for (int read = 1; ; read++) {
            String token = page.nextToken();
            if (token != null && read >= bound) {
                throw exchange.malformed(
                        "the instance list did not end after " + read + " pages although it counts "
                                + page.totalInstances() + " instances",
                        null);
            }
            // The next page is asked for (and waits its turn at the pacer) before this one is handed over, so its
            // round trip overlaps whatever the caller does with this page (a destroy-all starts destroying it).
            java.util.concurrent.CompletableFuture<InstancePage> next =
                    token == null ? null : threads.supply(() -> page(extraQuery, token, seenTokens));
            all.addAll(page.instances());
            onPage.accept(page.instances());
            if (next == null) {
                return all;
            }
            try {
                page = next.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }

    private InstancePage page(String extraQuery, String token, Set<String> seenTokens) {
        JsonNode body = exchange.send(Requests.listPage(extraQuery, token));
        JsonNode rows = body.get("instances");
        if (rows == null || !(rows.isArray() || rows.isNull())) {
            throw exchange.malformed("the instance list has no \"instances\" array", null);
        }
        JsonNode nextNode = body.get("next_token");
        String next = nextNode == null || nextNode.isNull() || nextNode.asText().isEmpty() ? null : nextNode.asText();
        if (next != null && !seenTokens.add(next)) {
            throw exchange.malformed("the instance list repeats the page token " + next, null);
        }
        List<Instance> pageRows = new ArrayList<>();
        for (JsonNode row : rows) {
            pageRows.add(convert(row, Instance.class));
        }
        JsonNode total = body.get("total_instances");
        return new InstancePage(
                List.copyOf(pageRows), total != null && total.canConvertToInt() ? total.asInt() : null, next);
    }

    /** One instance, or empty once it is gone ({@code {"instances": null}} or 404). */
    @Override
    public Optional<Instance> getInstance(long id) {
        try {
            JsonNode body = exchange.send(Requests.showInstance(id));
            JsonNode node = body.get("instances");
            if (node == null || node.isNull() || node.isMissingNode()) {
                return Optional.empty();
            }
            if (node.isArray()) {
                return node.isEmpty() ? Optional.empty() : Optional.of(convert(node.get(0), Instance.class));
            }
            return Optional.of(convert(node, Instance.class));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code DELETE /api/v0/instances/{id}/}. 200 {@code {"success": true}}, 204 and an empty body are accepted;
     * 404 / {@code no_such_instance} is already gone; anything else throws.
     */
    @Override
    public DestroyResult destroyInstance(long id) {
        try {
            JsonNode body = exchange.send(Requests.destroy(id));
            if (body.isMissingNode()
                    || !body.has("success")
                    || body.get("success").asBoolean(false)) {
                return DestroyResult.ACCEPTED;
            }
            VastException failure = exchange.errors().classify(200, body.toString());
            if (failure instanceof NotFoundException) {
                return DestroyResult.ALREADY_GONE;
            }
            throw failure;
        } catch (NotFoundException e) {
            return DestroyResult.ALREADY_GONE;
        }
    }

    /**
     * The bulk form, {@code DELETE /api/v0/instances/} with {@code {"instance_ids": [...]}} (vast-api.md §3.3).
     * 200 {@code {"success": true}} returns; 400 {@code invalid_args} throws {@link ApiErrorException}; 404
     * {@code instances_not_found} (none of them is ours, maybe all gone already) throws {@link NotFoundException}.
     *
     * @param ids asked for once the endpoint's turn has come, so that ids found while waiting ride along
     * @return the ids that were sent
     */
    @Override
    public List<Long> destroyInstances(java.util.function.Supplier<List<Long>> ids) {
        List<Long> sent = new ArrayList<>();
        JsonNode answer = exchange.send(Requests.destroyBulk(ids, sent));
        failIfRefused(answer);
        return List.copyOf(sent);
    }

    /** As {@link #destroyInstances(java.util.function.Supplier)} with a fixed list. */
    @Override
    public void destroyInstances(List<Long> ids) {
        if (!ids.isEmpty()) {
            destroyInstances(() -> ids);
        }
    }

    /**
     * Stop or start: {@code PUT /api/v0/instances/{id}/} with {@code {"state": "stopped"|"running"}} (vast-api.md
     * §3.7). Safe to retry: asking twice for the same state changes nothing.
     */
    @Override
    public void setInstanceState(long id, boolean running) {
        JsonNode answer = exchange.send(Requests.setState(id, running));
        failIfRefused(answer);
    }

    // ---- renting and offers -----------------------------------------------------------------------------------

    /**
     * {@code PUT /api/v0/asks/{offerId}/}. Never retried: a timed-out rent may have created an instance, and a
     * blind retry could rent a second one. Callers look for the label in the list instead.
     */
    @Override
    public RentResult rent(long offerId, RentRequest request) {
        JsonNode answer = exchange.send(Requests.rent(offerId, request));
        failIfRefused(answer);
        JsonNode contract = answer.get("new_contract");
        if (contract == null || !contract.canConvertToLong()) {
            throw exchange.malformed("the rent answer has no new_contract id", null);
        }
        JsonNode instanceKey = answer.get("instance_api_key");
        return new RentResult(
                contract.asLong(), instanceKey == null || instanceKey.isNull() ? null : instanceKey.asText());
    }

    /** {@code POST /api/v0/bundles/} with the query as the body. Works without a key, as Vast's does. */
    @Override
    public List<Offer> searchOffers(OfferQuery query) {
        JsonNode body = exchange.send(Requests.searchOffers(query));
        JsonNode offers = body.get("offers");
        if (offers == null || !(offers.isArray() || offers.isNull())) {
            throw exchange.malformed("the offer search answer has no \"offers\" array", null);
        }
        List<Offer> result = new ArrayList<>();
        for (JsonNode row : offers) {
            result.add(convert(row, Offer.class));
        }
        return result;
    }

    /** The most results Vast sends on one charges page (vast-api.md §3.8). */
    public static final int CHARGES_PAGE_SIZE = 500;
    /** A cursor that never ends cannot keep a caller paging for ever. */
    private static final int MAX_CHARGE_PAGES = 10_000;

    /**
     * What Vast billed per contract between {@code from} and {@code to} ({@code GET /api/v0/charges/}, vast-api.md
     * §3.8): the required {@code day} range, 500 a page, following {@code next_token} as {@code after_token} until
     * it is null, each page paced at the endpoint's 1 s. A token seen twice fails the call rather than loop.
     */
    @Override
    public List<Charge> charges(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the charges range ends before it starts");
        }
        List<Charge> all = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_CHARGE_PAGES; page++) {
            JsonNode body = exchange.send(Requests.charges(from, to, CHARGES_PAGE_SIZE, token));
            JsonNode results = body.get("results");
            if (results == null || !(results.isArray() || results.isNull())) {
                throw exchange.malformed("the charges answer has no \"results\" array", null);
            }
            for (JsonNode row : results) {
                all.add(convert(row, Charge.class));
            }
            JsonNode next = body.get("next_token");
            token = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
            if (token == null) {
                return all;
            }
            if (!seenTokens.add(token)) {
                throw exchange.malformed("the charges answer repeats the page token", null);
            }
        }
        throw exchange.malformed("the charges did not end after " + MAX_CHARGE_PAGES + " pages", null);
    }

    /** {@code GET /api/v0/users/current/}: credit and balance. */
    @Override
    public Account currentUser() {
        JsonNode body = exchange.send(Requests.currentUser());
        if (!body.isObject()) {
            throw exchange.malformed("the user answer is not an object", null);
        }
        return convert(body, Account.class);
    }

    /** Vast also refuses with 200 and {@code "success": false} (vast-api.md §3.4). */
    private void failIfRefused(JsonNode answer) {
        if (answer.has("success") && !answer.get("success").asBoolean(false)) {
            throw exchange.errors().classify(200, answer.toString());
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw exchange.malformed(
                    "a " + type.getSimpleName() + " row could not be read: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw exchange.malformed("a " + type.getSimpleName() + " row could not be read: " + e.getMessage(), e);
        }
    }

    /** How this client files a failed answer (tests feed it answers directly). */
    ErrorClassifier errors() {
        return exchange.errors();
    }

    /** The threads this client and its {@link #urgent()} and {@link #withRetry} copies share (tests look at them). */
    IoThreads threads() {
        return threads;
    }

    /**
     * Ends the threads this client and its copies overlap requests on, once their work is done. A listing asked
     * for afterwards still works, without the overlap.
     */
    @Override
    public void close() {
        threads.close();
    }

    /** For logs and messages that want to say which server without anything secret in it. */
    @Override
    public String toString() {
        ApiKey key = settings.apiKey();
        return "VastClient[" + settings.server() + ", key " + (key == null ? "none" : key.hint()) + "]";
    }
}
