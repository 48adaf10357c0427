package io.imggenhub.vast.config;

import java.util.Objects;

/**
 * An API key that cannot leak by accident: {@link #toString()} shows only where it came from and its last four
 * characters (as Vast's own CLI does on a 401). Use {@link #reveal()} only to build the Authorization header.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    public ApiKey(String value, String source) {
        Objects.requireNonNull(value, "value");
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The API key from " + source + " is empty");
        }
        if (stripped.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The API key from " + source + " contains spaces or control characters");
        }
        this.value = stripped;
        this.source = source;
    }

    public String reveal() {
        return value;
    }

    public String source() {
        return source;
    }

    /** The last four characters, enough for a person to tell keys apart. */
    public String hint() {
        return value.length() <= 8 ? "****" : "…" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKey[" + hint() + " from " + source + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
