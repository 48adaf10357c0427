package io.imggenhub.vast.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The Vast server base, e.g. {@code https://console.vast.ai}. Plain http is allowed only for loopback (the
 * simulator): anything else would send the API key in the clear.
 */
public final class ServerUrl {
    public static final String DEFAULT = "https://console.vast.ai";

    private ServerUrl() {}

    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The server URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid server URL: " + text.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "The server URL must look like https://console.vast.ai, not " + text.strip());
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The server URL must not carry a query or credentials");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Plain http is only allowed for a local simulator (127.0.0.1, localhost);" + " use https for "
                            + uri.getHost());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // Old configurations point at .../api/v0/; our client appends the versioned paths itself.
        path = path.replaceAll("/+$", "").replaceAll("/api/v\\d+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here could be steered by DNS.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
