package io.imggenhub.vast.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request reduced to what the routes need: method, path segments (so that {@code //} and a missing trailing
 * slash do not matter), decoded query parameters and the body.
 */
final class SimRequest {
    private final String method;
    private final List<String> segments;
    private final Map<String, String> params;
    private final byte[] body;
    private final String authorization;
    private final Long instanceKeyOwner;

    SimRequest(String method, String rawPath, String rawQuery, byte[] body, String authorization) {
        this.method = method;
        this.segments = segments(rawPath);
        this.params = parseQuery(rawQuery);
        this.body = body;
        this.authorization = authorization;
        this.instanceKeyOwner = null;
    }

    private SimRequest(SimRequest o, long instanceKeyOwner) {
        this.method = o.method;
        this.segments = o.segments;
        this.params = o.params;
        this.body = o.body;
        this.authorization = o.authorization;
        this.instanceKeyOwner = instanceKeyOwner;
    }

    /** This request, authenticated by the restricted key of instance {@code id} rather than the account key. */
    SimRequest withInstanceKeyOf(long id) {
        return new SimRequest(this, id);
    }

    /** The instance whose restricted key authenticated this request; null for the account key. */
    Long instanceKeyOwner() {
        return instanceKeyOwner;
    }

    static List<String> segments(String rawPath) {
        if (rawPath == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .forEach(s -> result.add(URLDecoder.decode(s, StandardCharsets.UTF_8)));
        return Collections.unmodifiableList(result);
    }

    /** The first value of each parameter, decoded the way Python's {@code quote_plus} encoded it. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                result.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                result.putIfAbsent(name, value);
            }
        }
        return result;
    }

    String method() {
        return method;
    }

    List<String> segments() {
        return segments;
    }

    String param(String name) {
        return params.get(name);
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String authorization() {
        return authorization;
    }
}
