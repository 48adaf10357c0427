package io.imggenhub.vast.api;

/** Any other request Vast rejected (invalid_args, invalid_price, ...). */
public class ApiErrorException extends VastException {
    public ApiErrorException(String type, String detail, int status) {
        super(type, detail, status);
    }

    public ApiErrorException(String type, String detail, int status, Throwable cause) {
        super(type, detail, status, cause);
    }
}
