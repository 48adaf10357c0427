package io.imggenhub.vast.api;

/** HTTP 429: Vast throttles per endpoint and identity, often with a plain-text body and no Retry-After. */
public class RateLimitedException extends VastException {
    public RateLimitedException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public RateLimitedException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
