package io.imggenhub.vast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends one {@link Requests.Call} the way Vast wants to be talked to: each attempt waits its turn at the endpoint's
 * pacer, failures that may be repeated are retried within the policy's budget, redirects are followed only to the
 * same origin, and every failed answer becomes one typed {@link VastException} with the key masked.
 */
final class PacedExchange {
    /** The client's logger, as before this class was split out of it: -v output and log settings stay the same. */
    private static final Logger LOG = Logger.getLogger(VastClient.class.getName());

    static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    /** Tries of a rent refused with 429: safe to repeat, since an answer came back and nothing was rented. */
    private static final int RENT_ATTEMPTS_ON_429 = 3;

    private final ClientSettings settings;
    private final HttpClient http;
    private final Pacer pacer;
    private final Pacer.Priority priority;
    private final ErrorClassifier errors = new ErrorClassifier(this::redact);

    PacedExchange(ClientSettings settings, HttpClient http, Pacer pacer, Pacer.Priority priority) {
        this.settings = settings;
        this.http = http;
        this.pacer = pacer;
        this.priority = priority;
    }

    ErrorClassifier errors() {
        return errors;
    }

    /**
     * Sends with pacing and retries. Each attempt first waits its turn at the endpoint's pacer; that wait is not
     * an attempt and does not count against the retry budget. A 429 teaches the pacer the server's threshold, so
     * the retry goes no sooner than the server allows. A rent refused with 429 is tried again after the penalty:
     * an answer came back, so nothing was rented; a rent whose answer was lost is never repeated here.
     */
    JsonNode send(Requests.Call call) {
        RetryPolicy policy = call.retryable() ? settings.retry() : RetryPolicy.NONE;
        int maxAttempts = call.endpoint() == Endpoint.RENT
                ? Math.max(policy.maxAttempts(), RENT_ATTEMPTS_ON_429)
                : policy.maxAttempts();
        long retryBudget = policy.maxTotal().toNanos();
        JsonNode body = null;
        for (int attempt = 1; ; attempt++) {
            Pacer.Turn turn;
            try {
                turn = pacer.acquire(call.endpoint(), priority);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(
                        "interrupted",
                        "interrupted while waiting for the rate limit of " + pathOnly(call.path()),
                        -1,
                        e);
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
                        ? Duration.ZERO
                        : policy.delayAfter(attempt);
                retryBudget -= System.nanoTime() - sentAt + pause.toNanos();
                if (retryBudget < 0 && !rentRefused) {
                    throw e;
                }
                LOG.fine(
                        () -> call.method() + " " + pathOnly(call.path()) + " failed (" + e.getMessage() + "), retrying"
                                + (pause.isZero() ? " when the rate limit allows" : " in " + pause.toMillis() + " ms"));
                if (!pause.isZero()) {
                    sleep(pause);
                }
            }
        }
    }

    private JsonNode sendOnce(Requests.Call call, JsonNode body) {
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
            SameOriginRedirect next = SameOriginRedirect.follow(
                    target,
                    method,
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    hop);
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
            throw errors.classify(status, text);
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(
                    "the answer to " + call.method() + " " + pathOnly(call.path()) + " is not JSON ("
                            + ErrorClassifier.preview(text) + ")",
                    e);
        }
    }

    private HttpResponse<String> exchange(URI target, String method, JsonNode body, Duration timeout) {
        try {
            return http.send(
                    Requests.http(target, method, body, timeout, settings.apiKey()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException(
                    "connect_timeout",
                    "no connection to " + host() + " within "
                            + settings.connectTimeout().toMillis() + " ms",
                    -1,
                    e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(
                    "timeout", "no answer from " + host() + " within " + timeout.toMillis() + " ms", -1, e);
        } catch (ConnectException e) {
            throw new TransportException(
                    "connection_refused", "cannot connect to " + host() + " (is the server running?)", -1, e);
        } catch (IOException e) {
            throw new TransportException(
                    "connection_failed",
                    redact("connection to " + host() + " failed: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())),
                    -1,
                    RedactedCause.of(e, this::redact));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", "the request to " + host() + " was interrupted", -1, e);
        }
    }

    /** A rent creates an instance, which is slow: it gets the rent timeout, everything else the request timeout. */
    private Duration timeoutFor(Requests.Call call) {
        return call.endpoint() == Endpoint.RENT ? settings.rentTimeout() : settings.requestTimeout();
    }

    MalformedResponseException malformed(String what, Throwable cause) {
        // The cause's message quotes the server's text, which may hold the key: mask it all the way down.
        return new MalformedResponseException(
                "malformed_response", redact(what), 200, cause == null ? null : RedactedCause.of(cause, this::redact));
    }

    /** Belt and braces: no text we build into an exception may contain the key, whatever a server echoes. */
    String redact(String text) {
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

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", "interrupted while waiting to retry", -1, e);
        }
    }
}
