package io.imggenhub.vast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Maps a failed answer to the one exception type a caller can act on (vast-api.md §2, §3, §5): a refusal for lack
 * of credit, a rate limit, a retired endpoint, a bad key, something gone, a server error, or any other refusal.
 */
final class ErrorClassifier {
    /** What Vast says when it refuses a rent for lack of credit (vast-api.md §3.4). */
    static final String INSUFFICIENT_CREDIT_MSG = "Your account lacks credit; see the billing page.";

    private final UnaryOperator<String> redact;

    /** @param redact masks the key in any text the server sent back, before it goes into an exception */
    ErrorClassifier(UnaryOperator<String> redact) {
        this.redact = redact;
    }

    /** @param status the HTTP status; 200 stands for Vast's "200 + {@code success: false}" answers */
    VastException classify(int status, String text) {
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
        msg = redact.apply(msg);
        // Locale.ROOT: under a Turkish default locale "INVALID" lower-cases to "ınvalıd" and would not match.
        String lower = (String.valueOf(error) + " " + msg).toLowerCase(Locale.ROOT);

        if (isCreditRefusal(status, error, msg)) {
            return new InsufficientCreditException("insufficient_credit", msg, status);
        }
        if (status == 429 || "rate_limit_exceeded".equals(error)) {
            return new RateLimitedException("rate_limited", msg, status);
        }
        if (status == 410 && "deprecated_endpoint".equals(error)) {
            return new DeprecatedEndpointException("deprecated_endpoint", msg, status);
        }
        boolean authText = "auth_error".equals(error)
                || lower.contains("invalid user key")
                || lower.contains("requires login")
                || lower.contains("session expired");
        if (status == 401 || authText) {
            return new AuthenticationException("auth_error", msg, status);
        }
        if (status == 403 && error == null) {
            return new AuthenticationException("auth_error", msg, status);
        }
        if (status == 404
                || status == 410
                || "no_such_instance".equals(error)
                || "not_found".equals(error)
                || "no_such_ask".equals(error)) {
            return new NotFoundException(error == null ? "not_found" : error, msg, status);
        }
        if (status >= 500) {
            return new ServerErrorException(
                    error == null ? "server_error" : error, "HTTP " + status + ": " + msg, status);
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

    /** The start of a server's text on one line, for messages. */
    static String preview(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String textOf(JsonNode node) {
        return node == null
                        || node.isNull()
                        || !node.isTextual()
                        || node.asText().isBlank()
                ? null
                : node.asText();
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
}
