package io.imggenhub.vast.core;

import io.imggenhub.vast.api.VastException;
import java.time.Duration;

/**
 * The rent request was sent but its answer never came, and no new instance with its label appeared in the search
 * window. A rental may still exist and bill: the caller must say so, and must not rent again on its own.
 */
public final class RentMayExistException extends RuntimeException {
    private final long offerId;
    private final String label;

    public RentMayExistException(long offerId, String label, Duration searched, VastException cause) {
        super(
                "the answer to the rent of offer " + offerId + " was lost (" + cause.getMessage() + ") and no new"
                        + " instance labelled " + label + " appeared within " + searched.toSeconds()
                        + " s. A rental may"
                        + " exist and bill: check 'instances' before renting again.",
                cause);
        this.offerId = offerId;
        this.label = label;
    }

    public long offerId() {
        return offerId;
    }

    public String label() {
        return label;
    }
}
