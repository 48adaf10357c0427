package io.imggenhub.vast.api;

/** Vast refused to rent because the account lacks credit (insufficient_credit, HTTP 400 or 403). */
public class InsufficientCreditException extends VastException {
    public InsufficientCreditException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public InsufficientCreditException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
