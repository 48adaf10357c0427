package io.imggenhub.vast.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Vast.ai server on loopback: the REST routes our client and Vast's own CLI use, a billing clock, and fault
 * switches, over real HTTP. Start one per test class (port 0), or run it with {@code imggenhub-vast simulator}.
 *
 * <p>Every request runs on its own thread from a cached pool, so injected latency never makes 100 concurrent
 * requests queue behind each other. Per request: record → latency → dropped connection → 429 → 5xx (the faults
 * of a proxy in front, hence before auth) → route → auth → handler → malformed JSON.
 */
public final class VastSimulator implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final List<String> INSTANCE_KEY_ROUTE = SimRequest.segments("/api/v0/instances/{id}/");

    static {
        // The JDK server writes headers and body as two packets; with Nagle on, the body waits for the client's
        // delayed ACK (~40 ms a response). Read once, when the first server starts, so set it before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorConfig config;
    private final SimClock clock;
    private final SimState state;
    private final SimFaults faults;
    private final Router router;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private volatile boolean closed;

    private VastSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.clock = new SimClock(config.timeScale());
        this.state = new SimState(config, clock);
        this.faults = new SimFaults(config.seed(), config.rateLimits(), config.rateLimitScale());
        this.router = routes();
        int serverNo = SERVERS.incrementAndGet();
        AtomicInteger threadNo = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "vast-sim-" + serverNo + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(threads);
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
        int port = server.getAddress().getPort();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        this.baseUrl = URI.create("http://" + host + ":" + port);
    }

    /** Binds and starts serving; port 0 picks a free port (see {@link #baseUrl()}). */
    public static VastSimulator start(SimulatorConfig config) {
        try {
            return new VastSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the Vast.ai simulator on " + config.host() + ":" + config.port(), e);
        }
    }

    private Router routes() {
        InstanceHandlers instances = new InstanceHandlers(state, faults);
        OfferSearchHandler offers = new OfferSearchHandler(state);
        return new Router()
                .add("GET", "/api/v1/instances/", true, "instances-list", new InstanceListHandler(state, faults))
                .add("GET", "/api/v0/instances/", true, "instances-list-v0", instances::legacyList)
                .add("DELETE", "/api/v0/instances/", true, "destroy", instances::destroyMany)
                .add("GET", "/api/v0/instances/filters/", true, "instances-list", instances::filters)
                .add("GET", "/api/v0/instances/{id}/", true, "show-instance", instances::show)
                .add("DELETE", "/api/v0/instances/{id}/", true, "destroy", instances::destroy)
                .add("PUT", "/api/v0/instances/{id}/", true, "manage-instance", instances::manage)
                .add("PUT", "/api/v0/asks/{id}/", true, "create", new RentHandler(state, faults))
                .add("POST", "/api/v0/bundles/", false, "bundles", offers)
                .add("GET", "/api/v0/bundles/", false, "bundles", offers)
                .add("PUT", "/api/v0/search/asks/", false, "bundles", offers)
                .add("GET", "/api/v0/charges/", true, "charges", new ChargesHandler(state))
                .add("GET", "/api/v0/users/current/", true, "user", (r, a) -> SimResponse.json(200, state.userJson()))
                .add(
                        "GET",
                        "/api/v0/gpu_names/unique/",
                        false,
                        "gpu-names",
                        (r, a) -> SimResponse.json(200, Map.of("gpu_names", GpuModel.KNOWN_NAMES)));
    }

    // ---- public API -------------------------------------------------------------------------------------------

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return config.apiKey();
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimFaults faults() {
        return faults;
    }

    public SimState state() {
        return state;
    }

    public SimClock clock() {
        return clock;
    }

    /**
     * A {@link java.time.Clock} on simulated time for clients in this JVM (a guard engine, a destroyer's audit),
     * and from now on dates are sent unshifted. By default a client compares dates with its wall clock, so the
     * simulator shifts {@code start_date} back by its lead over the wall clock; a client on the simulated clock
     * must not get that shift, or it would count the lead twice. With a shared clock, advancing the simulator
     * moves billing, instance ages and the client's "now" together.
     */
    public java.time.Clock shareClockWithClients() {
        state.shareClockWithClients();
        return clock.asClock();
    }

    /** Every request received so far, in the order their answers were decided. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Requests with this method whose path starts with {@code pathPrefix}. Paths are compared with repeated
     * slashes collapsed and a trailing slash added, so {@code count("DELETE", "/api/v0/instances/")} also counts
     * {@code /api/v0//instances/5}.
     */
    public long count(String method, String pathPrefix) {
        String prefix = collapseSlashes(pathPrefix);
        synchronized (recorded) {
            return recorded.stream()
                    .filter(r -> r.method().equalsIgnoreCase(method))
                    .filter(r -> canonical(r.path()).startsWith(prefix))
                    .count();
        }
    }

    /** Forgets the recorded requests (between phases of a benchmark). */
    public void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /** Stops at once: open exchanges are cut and sleeping handlers interrupted. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the exchange -----------------------------------------------------------------------------------------

    private void exchange(HttpExchange exchange) {
        Instant at = Instant.now();
        long arrivedAt = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String rawQuery = uri.getRawQuery();
        SimResponse response;
        byte[] received = null;
        Router.Match match = null;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received = body;
            Duration latency = faults.latency();
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            }
            SimRequest request = new SimRequest(
                    method,
                    rawPath,
                    rawQuery,
                    body,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            match = router.match(method, request.segments());
            if (faults.takeDropConnection()) {
                record(method, rawPath, rawQuery, at, 0, received);
                exchange.close();
                return;
            }
            response = answer(
                    request,
                    match,
                    arrivedAt,
                    exchange.getRemoteAddress() == null
                            ? "?"
                            : exchange.getRemoteAddress().getAddress().toString());
        } catch (InterruptedException e) {
            // Shutting down: cut the exchange rather than answer.
            Thread.currentThread().interrupt();
            record(method, rawPath, rawQuery, at, 0);
            exchange.close();
            return;
        } catch (IOException | RuntimeException e) {
            response = SimResponse.error(500, "server_error", "Simulator error: " + e);
        }
        if (response.status() == 429) {
            faults.countRateLimited();
        }
        boolean rent = match != null && match.route() != null && "create".equals(match.group());
        if (faults.takeLoseAnswer() || (rent && faults.takeLoseRentAnswer())) {
            record(method, rawPath, rawQuery, at, 0, received);
            exchange.close();
            return;
        }
        // Recorded before the answer leaves, so a client that got its answer always finds its request here.
        record(method, rawPath, rawQuery, at, response.status(), received);
        try {
            send(exchange, response);
        } catch (IOException | RuntimeException clientGone) {
            exchange.close();
        }
    }

    private SimResponse answer(SimRequest request, Router.Match match, long arrivedAt, String address) {
        Router.Route route = match.route();
        String refusal = faults.takeRateLimit(
                identity(request, address),
                request.method(),
                route == null ? null : route.pattern(),
                request.segments(),
                arrivedAt);
        if (refusal != null) {
            return SimResponse.text(429, refusal);
        }
        int serverError = faults.takeServerError();
        if (serverError != 0) {
            return switch (serverError) {
                case 502 ->
                    SimResponse.html(
                            502,
                            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
                                    + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
                case 503 -> SimResponse.text(503, "Service Temporarily Unavailable");
                default -> SimResponse.error(500, "server_error", "Internal Server Error");
            };
        }
        boolean malformed = faults.takeMalformedJson();
        SimResponse response = route(request, match);
        return malformed ? response.malformed() : response;
    }

    private SimResponse route(SimRequest request, Router.Match match) {
        if (match.route() == null) {
            return match.pathExists()
                    ? SimResponse.error(405, "method_not_allowed", "The method is not allowed for the requested URL.")
                    : SimResponse.error(404, "not_found", "The requested URL was not found on the server.");
        }
        SimRequest caller = request;
        if (match.route().auth()) {
            SimResponse refused = authenticate(request);
            if (refused != null) {
                long owner = instanceKeyOwner(request);
                if (owner == 0) {
                    // The charges spec answers a wrong key with 404, not 401 (vast-api.md §2, §3.8).
                    return refused.status() == 401 && "charges".equals(match.group())
                            ? SimResponse.error(404, "auth_error", "Invalid user key")
                            : refused;
                }
                if (!INSTANCE_KEY_ROUTE.equals(match.route().pattern())
                        || !String.valueOf(owner).equals(match.pathArgs().get(0).strip())) {
                    return SimResponse.error(
                            403,
                            "not_authorized",
                            "This instance API key only grants access to instance " + owner + ".");
                }
                caller = request.withInstanceKeyOf(owner);
            }
        }
        try {
            return match.route().handler().handle(caller, match.pathArgs());
        } catch (QueryException e) {
            return SimResponse.error(400, e.error(), e.getMessage());
        }
    }

    /**
     * Whom Vast's limits count a request against: its key (bearer or {@code ?api_key=}), else its address. The
     * key is only ever compared, never kept beyond the limiter's map of this run.
     */
    private static String identity(SimRequest request, String address) {
        String header = request.authorization();
        if (header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && !header.substring(7).isBlank()) {
            return "key:" + header.substring(7).strip();
        }
        String param = request.param("api_key");
        return param != null && !param.isEmpty() ? "key:" + param : "ip:" + address;
    }

    /** Bearer header or {@code ?api_key=}; either, or both, as Vast accepted for years. Null when accepted. */
    private SimResponse authenticate(SimRequest request) {
        String header = request.authorization();
        String bearer = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bearer = header.substring(7).strip();
        }
        String param = request.param("api_key");
        if ((bearer == null || bearer.isEmpty()) && (param == null || param.isEmpty())) {
            return SimResponse.error(403, "auth_error", "This action requires login.");
        }
        if (matchesKey(bearer) || matchesKey(param)) {
            return null;
        }
        return SimResponse.error(401, "auth_error", "Invalid user key");
    }

    /**
     * The instance whose restricted key ({@code CONTAINER_API_KEY}) the request carries, or 0. Such a key reaches
     * only its own instance's show, manage and destroy routes: it cannot list the account, rent, or touch another
     * instance.
     */
    private long instanceKeyOwner(SimRequest request) {
        String header = request.authorization();
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        return state.instanceForKey(bearer)
                .orElse(state.instanceForKey(request.param("api_key")).orElse(0));
    }

    private boolean matchesKey(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8),
                        config.apiKey().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, SimResponse response) throws IOException {
        try (exchange) {
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] body = response.body();
            if (response.status() == 204 || body.length == 0) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private void record(String method, String path, String query, Instant at, int status) {
        record(method, path, query, at, status, null);
    }

    private void record(String method, String path, String query, Instant at, int status, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        synchronized (recorded) {
            recorded.add(new RecordedRequest(method, path, query, at, status, Instant.now(), text));
        }
    }

    private static String collapseSlashes(String path) {
        return path == null ? "" : path.replaceAll("/{2,}", "/");
    }

    private static String canonical(String path) {
        String p = collapseSlashes(path);
        return p.endsWith("/") ? p : p + "/";
    }
}
