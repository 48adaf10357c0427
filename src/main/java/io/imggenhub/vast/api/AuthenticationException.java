package io.imggenhub.vast.api;

/** Missing, wrong or revoked API key (403 without a key, 401/404 auth_error). */
public class AuthenticationException extends VastException {
    public AuthenticationException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public AuthenticationException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
