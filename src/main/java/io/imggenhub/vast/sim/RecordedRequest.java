package io.imggenhub.vast.sim;

import java.time.Instant;

/**
 * One request as the simulator received it. Headers are never kept, so no key ends up in a test report; the query
 * string is kept raw because clients that send {@code ?api_key=} are exactly what some tests look for.
 *
 * @param method HTTP method
 * @param path   the raw path as sent (double slashes and a missing trailing slash preserved), without the query
 * @param query  the raw query string, or null
 * @param at     wall time of arrival
 * @param status the status answered, 0 when the connection was dropped without an answer
 * @param answeredAt wall time the answer was decided (after any latency), just before it is sent
 * @param body   the request body as text (empty when none): what a client sent, e.g. an offer query
 */
public record RecordedRequest(
        String method, String path, String query, Instant at, int status, Instant answeredAt, String body) {}
