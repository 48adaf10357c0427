package io.imggenhub.vast.api;

/** The instance or offer does not exist (any more): 404, no_such_instance, no_such_ask. */
public class NotFoundException extends VastException {
    public NotFoundException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public NotFoundException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
