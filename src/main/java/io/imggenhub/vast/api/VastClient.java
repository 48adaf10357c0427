package io.imggenhub.vast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imggenhub.vast.config.ApiKey;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The Vast.ai REST API over {@link HttpClient} and Jackson (vast-api.md §3). Thread-safe; one instance per server.
 * The key goes only into the {@code Authorization: Bearer} header: never into a URL, a log line or an exception.
 */
public class VastClient {
    private static final Logger LOG = Logger.getLogger(VastClient.class.getName());
    private static final int PAGE_SIZE = 25;
    private static final int MAX_PAGES = 10_000;
    static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    /** What Vast says when it refuses a rent for lack of credit (vast-api.md §3.4). */
    static final String INSUFFICIENT_CREDIT_MSG = "Your account lacks credit; see the billing page.";

    /** Rows beyond the first page's {@code total_instances} that a listing still reads (instances rented meanwhile). */
    static final int PAGING_MARGIN_ROWS = 50;
    /** Tries of a rent refused with 429: safe to repeat, since an answer came back and nothing was rented. */
    private static final int RENT_ATTEMPTS_ON_429 = 3;

    private final ClientSettings settings;
    private final HttpClient http;
    private final Pacer pacer;
    private final Pacer.Priority priority;

    public VastClient(ClientSettings settings) {
        this(settings, HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // see SameOriginRedirect
                .build(), Pacer.shared(settings), Pacer.Priority.NORMAL);
    }

    private VastClient(ClientSettings settings, HttpClient http, Pacer pacer, Pacer.Priority priority) {
        this.settings = settings;
        this.http = http;
        this.pacer = pacer;
        this.priority = priority;
    }

    /** The same connection pool and pacer with another retry policy, for callers that pace their own retries. */
    public VastClient withRetry(RetryPolicy policy) {
        return new VastClient(settings.withRetry(policy), http, pacer, priority);
    }

    /**
     * The same client whose requests go ahead of normal ones waiting on the same endpoint: a destroy, and the
     * listing it needs, never waits behind a poll.
     */
    public VastClient urgent() {
        return new VastClient(settings, http, pacer, Pacer.Priority.URGENT);
    }

    /** The process-wide pacer this client's requests wait on. */
    public Pacer pacer() {
        return pacer;
    }

    public ClientSettings settings() {
        return settings;
    }

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
    public List<Instance> listInstances() {
        return listPages("", page -> { });
    }

    /**
     * The same listing, handing each page to {@code onPage} as it arrives (on the calling thread), so that work
     * on the first 25 instances can start while the next page loads.
     */
    public List<Instance> listInstances(Consumer<List<Instance>> onPage) {
        return listPages("", onPage);
    }

    /**
     * The listed instances among {@code ids}. Vast is asked to filter ({@code select_filters={"id":{"in":[...]}}}),
     * which answers a few known ids in one page instead of the whole fleet; the rows are filtered again here, so
     * a server that ignores the filter only makes this slower, never wrong.
     */
    public List<Instance> listInstances(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ObjectNode filter = emptyObject();
        ids.forEach(filter.putObject("id").putArray("in")::add);
        Set<Long> wanted = new HashSet<>(ids);
        return listPages("&select_filters=" + encode(filter.toString()), page -> { }).stream()
                .filter(i -> wanted.contains(i.id()))
                .toList();
    }

    /** One page of {@code GET /api/v1/instances/}: its rows, the total the server counts, the next cursor. */
    public record InstancePage(List<Instance> instances, Integer totalInstances, String nextToken) {
    }

    /** The page after {@code token} (null: the first page) of the whole account. */
    public InstancePage listPage(String token) {
        return page("", token, new HashSet<>());
    }

    /** The page after {@code token} of the listed instances among {@code ids} (Vast filters by id). */
    public InstancePage listPage(String token, Collection<Long> ids) {
        return page(idFilter(ids), token, new HashSet<>());
    }

    private static String idFilter(Collection<Long> ids) {
        ObjectNode filter = emptyObject();
        ids.forEach(filter.putObject("id").putArray("in")::add);
        return "&select_filters=" + encode(filter.toString());
    }

    /**
     * The most pages a listing reads: the first page's {@code total_instances} plus a margin, so a server whose
     * cursor never ends cannot keep a caller paging for ever.
     */
    public static int pageBound(Integer totalInstances) {
        return totalInstances == null ? MAX_PAGES
                : (Math.max(0, totalInstances) + PAGING_MARGIN_ROWS + PAGE_SIZE - 1) / PAGE_SIZE + 1;
    }

    private List<Instance> listPages(String extraQuery, Consumer<List<Instance>> onPage) {
        List<Instance> all = new ArrayList<>();
        Set<String> seenTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
        InstancePage page = page(extraQuery, null, seenTokens);
        int bound = pageBound(page.totalInstances());
        for (int read = 1; ; read++) {
            String token = page.nextToken();
            if (token != null && read >= bound) {
                throw malformed("the instance list did not end after " + read + " pages although it counts "
                        + page.totalInstances() + " instances", null);
            }
            // The next page is asked for (and waits its turn at the pacer) before this one is handed over, so its
            // round trip overlaps whatever the caller does with this page (a destroy-all starts destroying it).
            java.util.concurrent.CompletableFuture<InstancePage> next = token == null ? null
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> page(extraQuery, token, seenTokens));
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
        JsonNode body = send(Call.get(Endpoint.LIST, pagePath(extraQuery, token)));
        JsonNode rows = body.get("instances");
        if (rows == null || !(rows.isArray() || rows.isNull())) {
            throw malformed("the instance list has no \"instances\" array", null);
        }
        JsonNode nextNode = body.get("next_token");
        String next = nextNode == null || nextNode.isNull() || nextNode.asText().isEmpty() ? null : nextNode.asText();
        if (next != null && !seenTokens.add(next)) {
            throw malformed("the instance list repeats the page token " + next, null);
        }
        List<Instance> pageRows = new ArrayList<>();
        for (JsonNode row : rows) {
            pageRows.add(convert(row, Instance.class));
        }
        JsonNode total = body.get("total_instances");
        return new InstancePage(List.copyOf(pageRows), total != null && total.canConvertToInt() ? total.asInt() : null,
                next);
    }

    private static String pagePath(String extraQuery, String token) {
        return "/api/v1/instances/?limit=" + PAGE_SIZE + extraQuery + (token == null ? "" : "&after_token=" + encode(token));
    }

    /** One instance, or empty once it is gone ({@code {"instances": null}} or 404). */
    public Optional<Instance> getInstance(long id) {
        try {
            JsonNode body = send(Call.get(Endpoint.SHOW, "/api/v0/instances/" + id + "/?owner=me"));
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

    public enum DestroyResult {
        /** Vast took the request; billing stops once the instance is gone from the list. */
        ACCEPTED,
        /** The instance did not exist any more. */
        ALREADY_GONE
    }

    /**
     * {@code DELETE /api/v0/instances/{id}/}. 200 {@code {"success": true}}, 204 and an empty body are accepted;
     * 404 / {@code no_such_instance} is already gone; anything else throws.
     */
    public DestroyResult destroyInstance(long id) {
        try {
            JsonNode body = send(Call.delete(Endpoint.DESTROY, "/api/v0/instances/" + id + "/", emptyObject()));
            if (body.isMissingNode() || !body.has("success") || body.get("success").asBoolean(false)) {
                return DestroyResult.ACCEPTED;
            }
            VastException failure = errorFrom(200, body.toString());
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
    public List<Long> destroyInstances(java.util.function.Supplier<List<Long>> ids) {
        List<Long> sent = new ArrayList<>();
        Call call = new Call("DELETE", Endpoint.DESTROY_BULK, "/api/v0/instances/", () -> {
            sent.clear();
            sent.addAll(ids.get());
            ObjectNode body = emptyObject();
            sent.forEach(body.putArray("instance_ids")::add);
            return body;
        }, true);
        JsonNode answer = send(call);
        if (answer.has("success") && !answer.get("success").asBoolean(false)) {
            throw errorFrom(200, answer.toString());
        }
        return List.copyOf(sent);
    }

    /** As {@link #destroyInstances(java.util.function.Supplier)} with a fixed list. */
    public void destroyInstances(List<Long> ids) {
        if (!ids.isEmpty()) {
            destroyInstances(() -> ids);
        }
    }

    /**
     * Stop or start: {@code PUT /api/v0/instances/{id}/} with {@code {"state": "stopped"|"running"}} (vast-api.md
     * §3.7). Safe to retry: asking twice for the same state changes nothing.
     */
    public void setInstanceState(long id, boolean running) {
        ObjectNode body = emptyObject();
        body.put("state", running ? "running" : "stopped");
        JsonNode answer = send(Call.put(Endpoint.MANAGE, "/api/v0/instances/" + id + "/", body));
        if (answer.has("success") && !answer.get("success").asBoolean(false)) {
            throw errorFrom(200, answer.toString());
        }
    }

    // ---- renting and offers -----------------------------------------------------------------------------------

    /**
     * {@code PUT /api/v0/asks/{offerId}/}. Never retried: a timed-out rent may have created an instance, and a
     * blind retry could rent a second one. Callers look for the label in the list instead.
     */
    public RentResult rent(long offerId, RentRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("client_id", "me");
        body.put("image", request.image());
        body.set("env", Json.mapper().valueToTree(request.env()));
        if (request.bidPrice() == null) {
            body.putNull("price");
        } else {
            body.put("price", request.bidPrice());
        }
        body.put("disk", request.diskGb());
        if (request.label() == null) {
            body.putNull("label");
        } else {
            body.put("label", request.label());
        }
        if (request.onstart() == null) {
            body.putNull("onstart");
        } else {
            body.put("onstart", request.onstart());
        }
        body.put("runtype", request.runtype());
        body.putNull("extra");
        body.putNull("image_login");
        body.put("python_utf8", false);
        body.put("lang_utf8", false);
        body.put("use_jupyter_lab", false);
        body.putNull("jupyter_dir");
        body.put("force", false);
        body.put("cancel_unavail", false);
        body.putNull("template_hash_id");
        body.putNull("user");

        JsonNode answer = send(Call.put(Endpoint.RENT, "/api/v0/asks/" + offerId + "/", body).once());
        if (answer.has("success") && !answer.get("success").asBoolean(false)) {
            throw errorFrom(200, answer.toString());
        }
        JsonNode contract = answer.get("new_contract");
        if (contract == null || !contract.canConvertToLong()) {
            throw malformed("the rent answer has no new_contract id", null);
        }
        JsonNode instanceKey = answer.get("instance_api_key");
        return new RentResult(contract.asLong(), instanceKey == null || instanceKey.isNull() ? null : instanceKey.asText());
    }

    /** {@code POST /api/v0/bundles/} with the query as the body. Works without a key, as Vast's does. */
    public List<Offer> searchOffers(OfferQuery query) {
        JsonNode body = send(Call.post(Endpoint.OFFERS, "/api/v0/bundles/", query.toJson()));
        JsonNode offers = body.get("offers");
        if (offers == null || !(offers.isArray() || offers.isNull())) {
            throw malformed("the offer search answer has no \"offers\" array", null);
        }
        List<Offer> result = new ArrayList<>();
        for (JsonNode row : offers) {
            result.add(convert(row, Offer.class));
        }
        return result;
    }

    /** The most results Vast sends on one charges page (vast-api.md §3.8). */
    public static final int CHARGES_PAGE_SIZE = 500;

    /**
     * What Vast billed per contract between {@code from} and {@code to} ({@code GET /api/v0/charges/}, vast-api.md
     * §3.8): the required {@code day} range, 500 a page, following {@code next_token} as {@code after_token} until
     * it is null, each page paced at the endpoint's 1 s. A token seen twice fails the call rather than loop.
     */
    public List<Charge> charges(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the charges range ends before it starts");
        }
        ObjectNode filter = emptyObject();
        filter.putObject("day").put("gte", from.getEpochSecond()).put("lte", to.getEpochSecond());
        String base = "/api/v0/charges/?select_filters=" + encode(filter.toString()) + "&limit=" + CHARGES_PAGE_SIZE;
        List<Charge> all = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = send(Call.get(Endpoint.CHARGES, token == null ? base : base + "&after_token=" + encode(token)));
            JsonNode results = body.get("results");
            if (results == null || !(results.isArray() || results.isNull())) {
                throw malformed("the charges answer has no \"results\" array", null);
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
                throw malformed("the charges answer repeats the page token", null);
            }
        }
        throw malformed("the charges did not end after " + MAX_PAGES + " pages", null);
    }

    /** {@code GET /api/v0/users/current/}: credit and balance. */
    public Account currentUser() {
        JsonNode body = send(Call.get(Endpoint.USER, "/api/v0/users/current/"));
        if (!body.isObject()) {
            throw malformed("the user answer is not an object", null);
        }
        return convert(body, Account.class);
    }

    // ---- the HTTP exchange ------------------------------------------------------------------------------------

    /**
     * One request description; {@code retryable} is false for calls that must never be repeated blindly. The body
     * is built when the request's turn has come (see {@link #destroyInstances(java.util.function.Supplier)}).
     */
    private record Call(String method, Endpoint endpoint, String path, java.util.function.Supplier<JsonNode> body,
                        boolean retryable) {
        static Call get(Endpoint endpoint, String path) {
            return new Call("GET", endpoint, path, null, true);
        }

        static Call delete(Endpoint endpoint, String path, JsonNode body) {
            return new Call("DELETE", endpoint, path, () -> body, true);
        }

        static Call put(Endpoint endpoint, String path, JsonNode body) {
            return new Call("PUT", endpoint, path, () -> body, false);
        }

        /** Offer search is read-only, so it may be retried like a GET. */
        static Call post(Endpoint endpoint, String path, JsonNode body) {
            return new Call("POST", endpoint, path, () -> body, true);
        }

        Call once() {
            return new Call(method, endpoint, path, body, false);
        }
    }

    /**
     * Sends with pacing and retries. Each attempt first waits its turn at the endpoint's pacer; that wait is not
     * an attempt and does not count against the retry budget. A 429 teaches the pacer the server's threshold, so
     * the retry goes no sooner than the server allows. A rent refused with 429 is tried again after the penalty:
     * an answer came back, so nothing was rented; a rent whose answer was lost is never repeated here.
     */
    private JsonNode send(Call call) {
        RetryPolicy policy = call.retryable() ? settings.retry() : RetryPolicy.NONE;
        int maxAttempts = call.endpoint() == Endpoint.RENT ? Math.max(policy.maxAttempts(), RENT_ATTEMPTS_ON_429)
                : policy.maxAttempts();
        long retryBudget = policy.maxTotal().toNanos();
        JsonNode body = null;
        for (int attempt = 1; ; attempt++) {
            Pacer.Turn turn;
            try {
                turn = pacer.acquire(call.endpoint(), priority);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted", "interrupted while waiting for the rate limit of "
                        + pathOnly(call.path()), -1, e);
            }
            long sentAt = System.nanoTime();
            try (turn) {
                if (body == null && call.body() != null) {
                    body = call.body().get();
                }
                return sendOnce(call, body);
            } catch (VastException e) {
                boolean refused = e instanceof RateLimitedException && e.status() == 429;
                if (refused) {
                    pacer.refused(call.endpoint(), e.getMessage());
                }
                boolean rentRefused = call.endpoint() == Endpoint.RENT && refused;
                boolean retryable = call.retryable()
                        ? e instanceof TransportException || RETRYABLE_STATUS.contains(e.status())
                        : rentRefused;
                if (!retryable || attempt >= (rentRefused ? maxAttempts : policy.maxAttempts())) {
                    throw e;
                }
                // A refusal with a threshold is waited out by the pacer; anything else backs off as well.
                Duration pause = refused && Pacer.threshold(e.getMessage()) != null && pacer.paces(call.endpoint())
                        ? Duration.ZERO : policy.delayAfter(attempt);
                retryBudget -= System.nanoTime() - sentAt + pause.toNanos();
                if (retryBudget < 0 && !rentRefused) {
                    throw e;
                }
                LOG.fine(() -> call.method() + " " + pathOnly(call.path()) + " failed (" + e.getMessage()
                        + "), retrying" + (pause.isZero() ? " when the rate limit allows" : " in " + pause.toMillis() + " ms"));
                if (!pause.isZero()) {
                    sleep(pause);
                }
            }
        }
    }

    private JsonNode sendOnce(Call call, JsonNode body) {
        Duration timeout = timeoutFor(call);
        URI target = settings.server().resolve(call.path());
        String method = call.method();
        long started = System.nanoTime();
        HttpResponse<String> response;
        for (int hop = 0; ; hop++) {
            response = exchange(target, method, body, timeout);
            if (!SameOriginRedirect.isRedirect(response.statusCode())) {
                break;
            }
            SameOriginRedirect next = SameOriginRedirect.follow(target, method, response.statusCode(),
                    response.headers().firstValue("Location").orElse(null), hop);
            target = next.target();
            method = next.method();
            body = next.keepsBody() ? body : null;
        }
        int status = response.statusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.fine(() -> call.method() + " " + pathOnly(call.path()) + " -> " + status + " in " + millis + " ms");
        String text = response.body() == null ? "" : response.body();
        if (status == 204 || (status / 100 == 2 && text.isBlank())) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (status / 100 != 2) {
            throw errorFrom(status, text);
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("the answer to " + call.method() + " " + pathOnly(call.path()) + " is not JSON ("
                    + preview(text) + ")", e);
        }
    }

    private HttpResponse<String> exchange(URI target, String method, JsonNode body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "imggenhub-vast/0.1");
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey().reveal());
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException("connect_timeout", "no connection to " + host() + " within "
                    + settings.connectTimeout().toMillis() + " ms", -1, e);
        } catch (HttpTimeoutException e) {
            throw new TransportException("timeout", "no answer from " + host() + " within "
                    + timeout.toMillis() + " ms", -1, e);
        } catch (ConnectException e) {
            throw new TransportException("connection_refused", "cannot connect to " + host()
                    + " (is the server running?)", -1, e);
        } catch (IOException e) {
            throw new TransportException("connection_failed", redact("connection to " + host() + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), -1,
                    RedactedCause.of(e, this::redact));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", "the request to " + host() + " was interrupted", -1, e);
        }
    }

    /** A rent creates an instance, which is slow: it gets the rent timeout, everything else the request timeout. */
    private Duration timeoutFor(Call call) {
        return call.endpoint() == Endpoint.RENT ? settings.rentTimeout() : settings.requestTimeout();
    }

    /** Maps a failed answer to the one exception type a caller can act on (vast-api.md §2, §3, §5). */
    VastException errorFrom(int status, String text) {
        String error = null;
        String msg = null;
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node != null && node.isObject()) {
                error = textOf(node.get("error"));
                msg = firstText(node, "msg", "message", "detail");
            }
        } catch (JsonProcessingException notJson) {
            // Vast's 429s and proxies' 5xx are often plain text.
        }
        if (msg == null) {
            msg = text.isBlank() ? "(no detail message supplied)" : preview(text);
        }
        msg = redact(msg);
        String lower = (String.valueOf(error) + " " + msg).toLowerCase();

        if (isCreditRefusal(status, error, msg)) {
            return new InsufficientCreditException("insufficient_credit", msg, status);
        }
        if (status == 429 || "rate_limit_exceeded".equals(error)) {
            return new RateLimitedException("rate_limited", msg, status);
        }
        if (status == 410 && "deprecated_endpoint".equals(error)) {
            return new DeprecatedEndpointException("deprecated_endpoint", msg, status);
        }
        boolean authText = "auth_error".equals(error) || lower.contains("invalid user key")
                || lower.contains("requires login") || lower.contains("session expired");
        if (status == 401 || authText) {
            return new AuthenticationException("auth_error", msg, status);
        }
        if (status == 403 && error == null) {
            return new AuthenticationException("auth_error", msg, status);
        }
        if (status == 404 || status == 410 || "no_such_instance".equals(error) || "not_found".equals(error)
                || "no_such_ask".equals(error)) {
            return new NotFoundException(error == null ? "not_found" : error, msg, status);
        }
        if (status >= 500) {
            return new ServerErrorException(error == null ? "server_error" : error,
                    "HTTP " + status + ": " + msg, status);
        }
        return new ApiErrorException(error == null ? "http_" + status : error, msg, status);
    }

    /**
     * Only Vast's own refusal may start the emergency cleanup (it destroys every instance): a client error whose
     * {@code error} is {@code insufficient_credit} or whose message is Vast's known text (vast-api.md §3.4). Text
     * that merely mentions credit (a proxy's 502 page, a 400 echoing the user's label) is not a refusal. Status 200
     * stands for Vast's "200 + success:false" variant.
     */
    private static boolean isCreditRefusal(int status, String error, String msg) {
        if (status >= 500) {
            return false;
        }
        return "insufficient_credit".equals(error) || (error == null && INSUFFICIENT_CREDIT_MSG.equals(msg.strip()));
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw malformed("a " + type.getSimpleName() + " row could not be read: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw malformed("a " + type.getSimpleName() + " row could not be read: " + e.getMessage(), e);
        }
    }

    private MalformedResponseException malformed(String what, Throwable cause) {
        // The cause's message quotes the server's text, which may hold the key: mask it all the way down.
        return new MalformedResponseException("malformed_response", redact(what), 200,
                cause == null ? null : RedactedCause.of(cause, this::redact));
    }

    /** Belt and braces: no text we build into an exception may contain the key, whatever a server echoes. */
    private String redact(String text) {
        if (text == null || settings.apiKey() == null) {
            return text;
        }
        return text.replace(settings.apiKey().reveal(), "****");
    }

    private String host() {
        URI s = settings.server();
        return s.getPort() < 0 ? s.getHost() : s.getHost() + ":" + s.getPort();
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String preview(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = textOf(node.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static ObjectNode emptyObject() {
        return Json.mapper().createObjectNode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", "interrupted while waiting to retry", -1, e);
        }
    }

    /** For logs and messages that want to say which server without anything secret in it. */
    @Override
    public String toString() {
        ApiKey key = settings.apiKey();
        return "VastClient[" + settings.server() + ", key " + (key == null ? "none" : key.hint()) + "]";
    }
}
