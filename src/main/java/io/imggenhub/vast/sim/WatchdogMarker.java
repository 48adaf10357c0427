package io.imggenhub.vast.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises imggenhub-vast's on-instance watchdog in an onstart script by its first line,
 * {@code # imggenhub-vast watchdog ttl=SECONDS}. The simulator runs no containers, so instead of executing the
 * script it models what the script does: destroy the instance with its own key once the TTL has passed.
 * Parsed here rather than with the core's builder so that the simulator stays a model of Vast and the host.
 */
final class WatchdogMarker {
    private static final Pattern MARKER = Pattern.compile("(?m)^# imggenhub-vast watchdog ttl=(\\d{1,9})\\s*$");
    /** The JSON body the script sends to report itself armed: the line after its quoted heredoc opener. */
    private static final Pattern LABEL_BODY = Pattern.compile("<<'IMGGENHUB_VAST_LABEL'\\n(\\{[^\\n]*})\\n");

    private WatchdogMarker() {}

    /** The label the script sets once armed, or null when it carries none (an older script). */
    static String armedLabel(String onstart) {
        if (onstart == null) {
            return null;
        }
        Matcher m = LABEL_BODY.matcher(onstart);
        if (!m.find()) {
            return null;
        }
        try {
            JsonNode label = SimJson.mapper().readTree(m.group(1)).get("label");
            return label == null || !label.isTextual() ? null : label.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The TTL the script waits for, or null when there is no watchdog in {@code onstart}. */
    static Duration ttl(String onstart) {
        if (onstart == null) {
            return null;
        }
        Matcher m = MARKER.matcher(onstart);
        if (!m.find()) {
            return null;
        }
        long seconds = Long.parseLong(m.group(1));
        return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }
}
