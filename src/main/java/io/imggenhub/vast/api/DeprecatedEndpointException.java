package io.imggenhub.vast.api;

/** An endpoint Vast retired (HTTP 410 deprecated_endpoint). */
public class DeprecatedEndpointException extends VastException {
    public DeprecatedEndpointException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public DeprecatedEndpointException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
