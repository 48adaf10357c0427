package io.imggenhub.vast.api;

import java.util.function.UnaryOperator;

/**
 * A copy of a cause chain with the key masked in every message. Jackson's and the HTTP stack's messages quote what
 * the server sent, and a server may echo the key (into a typed field, say); the copy keeps each original's class
 * name and stack so {@code -v} still shows where it went wrong.
 */
final class RedactedCause extends Exception {
    private static final int MAX_DEPTH = 16;
    private final String originalClass;

    private RedactedCause(String originalClass, String message, Throwable cause) {
        super(message, cause);
        this.originalClass = originalClass;
    }

    static Throwable of(Throwable original, UnaryOperator<String> redact) {
        return copy(original, redact, 0);
    }

    private static Throwable copy(Throwable t, UnaryOperator<String> redact, int depth) {
        if (t == null || depth >= MAX_DEPTH) {
            return null;
        }
        RedactedCause copy = new RedactedCause(
                t.getClass().getName(),
                redact.apply(t.getMessage()),
                copy(t.getCause() == t ? null : t.getCause(), redact, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
