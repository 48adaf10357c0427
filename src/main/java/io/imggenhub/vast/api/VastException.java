package io.imggenhub.vast.api;

/**
 * Every failure talking to Vast.ai (or the simulator). The message always reads {@code type: message}, e.g.
 * {@code insufficient_credit: Your account lacks credit; see the billing page.}, and never contains the API key:
 * {@link VastClient} redacts it before any exception is built.
 */
public class VastException extends RuntimeException {
    private final String type;
    private final String detail;
    private final int status;

    public VastException(String type, String detail, int status) {
        this(type, detail, status, null);
    }

    public VastException(String type, String detail, int status, Throwable cause) {
        super(type + ": " + detail, cause);
        this.type = type;
        this.detail = detail;
        this.status = status;
    }

    /** Vast's {@code error} code where it sent one (e.g. {@code insufficient_credit}), else our own category. */
    public String type() {
        return type;
    }

    /** The human part of the message (Vast's {@code msg}). */
    public String detail() {
        return detail;
    }

    /** The HTTP status, or -1 when no response arrived. */
    public int status() {
        return status;
    }

    /** Whether sending the same request again may succeed (rate limit, overloaded server, network). */
    public boolean isTransient() {
        return false;
    }
}
