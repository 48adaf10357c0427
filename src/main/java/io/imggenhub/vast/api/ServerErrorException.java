package io.imggenhub.vast.api;

/** HTTP 5xx from Vast or a proxy in front of it. */
public class ServerErrorException extends VastException {
    public ServerErrorException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public ServerErrorException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
