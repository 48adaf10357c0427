package io.imggenhub.vast.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body a webhook expects: a generic JSON object, Slack's and Discord's incoming-webhook JSON, or ntfy's plain
 * text with the title and priority in headers. Chosen by {@code --notify-format} or, by default, by the URL.
 */
public enum NotifyFormat {
    JSON,
    SLACK,
    DISCORD,
    NTFY;

    /** Discord refuses content longer than this. */
    static final int DISCORD_MAX = 2000;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** What goes over the wire: the body and its headers. */
    public record Payload(String contentType, byte[] body, Map<String, String> headers) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** hooks.slack.com → Slack, discord.com/api/webhooks → Discord, ntfy.sh or a path with /ntfy → ntfy, else JSON. */
    public static NotifyFormat forUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (host.equals("hooks.slack.com")) {
            return SLACK;
        }
        if ((host.equals("discord.com") || host.endsWith(".discord.com") || host.equals("discordapp.com"))
                && path.startsWith("/api/webhooks")) {
            return DISCORD;
        }
        if (host.equals("ntfy.sh")
                || host.endsWith(".ntfy.sh")
                || path.startsWith("/ntfy")
                || path.contains("/ntfy/")) {
            return NTFY;
        }
        return JSON;
    }

    /** json, slack, discord or ntfy (any case). */
    public static NotifyFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The notification format must be json, slack, discord or ntfy, not '" + text.strip() + "'");
        }
    }

    public Payload payload(Notice n) {
        String line = n.title() + ": " + n.message();
        return switch (this) {
            case JSON -> json(genericJson(n));
            case SLACK ->
                json(Map.of("text", (n.urgent() ? ":rotating_light: " : "") + "*" + n.title() + "*: " + n.message()));
            case DISCORD -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", "imggenhub-vast");
                String content = (n.urgent() ? "🚨 " : "") + "**" + n.title() + "**: " + n.message();
                body.put(
                        "content",
                        content.length() > DISCORD_MAX ? content.substring(0, DISCORD_MAX - 1) + "…" : content);
                // Text from Vast (labels) must never ping anyone.
                body.put("allowed_mentions", Map.of("parse", java.util.List.of()));
                yield json(body);
            }
            case NTFY -> {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Title", ascii(n.title()));
                headers.put("Priority", n.urgent() ? "urgent" : n.cleared() ? "low" : "high");
                headers.put("Tags", n.cleared() ? "white_check_mark" : n.urgent() ? "rotating_light" : "warning");
                yield new Payload("text/plain; charset=utf-8", n.message().getBytes(StandardCharsets.UTF_8), headers);
            }
        };
    }

    private static Map<String, Object> genericJson(Notice n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "imggenhub-vast");
        body.put("event", n.event());
        body.put("kind", n.kind());
        body.put("title", n.title());
        body.put("message", n.message());
        body.put("urgent", n.urgent());
        body.put("cleared", n.cleared());
        body.put("at", n.at() == null ? null : n.at().toString());
        return body;
    }

    private static Payload json(Object body) {
        try {
            return new Payload("application/json", MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTTP header values are ASCII; anything else becomes '?'. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
