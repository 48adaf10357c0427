package io.imggenhub.vast.core.notify;

import io.imggenhub.vast.config.ServerUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A webhook to POST notifications to, and its body format. HTTPS only, except loopback (a local receiver): an
 * alert names instances and amounts, and a webhook URL is itself a secret, so neither travels in the clear.
 */
public record NotifyTarget(URI url, NotifyFormat format) {

    public NotifyTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
    }

    /** @param format null chooses by the URL ({@link NotifyFormat#forUrl}) */
    public static NotifyTarget parse(String text, NotifyFormat format) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The notification URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid notification URL: " + shown(text.strip()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "A notification URL must look like https://host/path, not " + shown(text.strip()));
        }
        if (scheme.equals("http") && !ServerUrl.isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Plain http is only allowed for a receiver on this machine (127.0.0.1,"
                    + " localhost); use https for " + uri.getHost());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("A notification URL must not carry credentials");
        }
        return new NotifyTarget(uri, format == null ? NotifyFormat.forUrl(uri) : format);
    }

    /** {@code https://hooks.slack.com/…}: webhook paths are secrets, so messages show scheme and host only. */
    public String shown() {
        return url.getScheme() + "://" + url.getRawAuthority() + "/…";
    }

    private static String shown(String text) {
        int slash = text.indexOf('/', text.indexOf("//") + 2);
        return slash < 0 ? text : text.substring(0, slash) + "/…";
    }

    @Override
    public String toString() {
        return shown() + " (" + format + ")";
    }
}
