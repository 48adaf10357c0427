package io.imggenhub.vast.store;

/** The local database could not be opened, read or written; the message says which file and what to do. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
