package io.imggenhub.vast.api;

/**
 * The server answered with a redirect the client will not follow: to another origin (which would carry the API key
 * to a host the user never named), or one hop too many.
 */
public class RedirectRefusedException extends VastException {
    public RedirectRefusedException(String detail, int status) {
        super("redirect_refused", detail, status);
    }
}
