package io.imggenhub.vast.api;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a redirect may lead. {@link java.net.http.HttpClient}'s own redirect handling resends every header,
 * {@code Authorization} included, to whatever host a {@code Location} names; so the client follows redirects itself
 * and only within the origin (scheme, host and port) it was given. Vast's trailing-slash 302 (vast-api.md §1) is
 * such a same-origin hop. Anything else is refused with both origins named, before a byte goes to the other host.
 */
record SameOriginRedirect(URI target, String method, boolean keepsBody) {
    static final int MAX_HOPS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /**
     * The next request after {@code status} from {@code from}. The method and body are kept (a DELETE moved to its
     * slash form must stay a DELETE, never quietly become a GET), except for 303, which by definition says "GET
     * this other resource".
     */
    static SameOriginRedirect follow(URI from, String method, int status, String location, int hop) {
        if (location == null || location.isBlank()) {
            throw new RedirectRefusedException(
                    "the server at " + origin(from) + " answered HTTP " + status + " without a Location", status);
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new RedirectRefusedException(
                    "the server at " + origin(from) + " answered HTTP " + status + " with an unreadable Location",
                    status);
        }
        if (!sameOrigin(from, target)) {
            throw new RedirectRefusedException(
                    "the server at " + origin(from) + " redirected to another origin, "
                            + origin(target) + "; the API key is only sent to " + origin(from)
                            + ", so the request was not"
                            + " repeated there (check --url / VAST_URL)",
                    status);
        }
        if (hop >= MAX_HOPS) {
            throw new RedirectRefusedException(
                    "the server at " + origin(from) + " redirected more than " + MAX_HOPS + " times", status);
        }
        boolean toGet = status == 303 && !"HEAD".equals(method);
        return new SameOriginRedirect(target, toGet ? "GET" : method, !toGet);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && b.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && b.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** {@code scheme://host:port}, never a path, query or user info (a query may hold a page token). */
    static String origin(URI uri) {
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "?").toLowerCase(Locale.ROOT);
        return scheme + "://" + Objects.requireNonNullElse(uri.getHost(), "?") + ":" + port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
