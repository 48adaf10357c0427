package io.imggenhub.vast.api;

/** The server answered something that is not the JSON Vast sends. */
public class MalformedResponseException extends VastException {
    public MalformedResponseException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public MalformedResponseException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
