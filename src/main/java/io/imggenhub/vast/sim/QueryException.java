package io.imggenhub.vast.sim;

/** A query the API refuses with 400; {@code error} is Vast's error code (invalid_request, invalid_token...). */
final class QueryException extends Exception {
    private final String error;

    QueryException(String error, String msg) {
        super(msg, null, false, false);
        this.error = error;
    }

    String error() {
        return error;
    }
}
