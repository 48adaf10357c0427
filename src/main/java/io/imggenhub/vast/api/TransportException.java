package io.imggenhub.vast.api;

/** No usable response: connection refused or dropped, or a timeout. */
public class TransportException extends VastException {
    public TransportException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public TransportException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
