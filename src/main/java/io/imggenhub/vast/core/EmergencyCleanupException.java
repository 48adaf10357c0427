package io.imggenhub.vast.core;

import io.imggenhub.vast.api.InsufficientCreditException;

/**
 * Vast refused a rental for lack of credit and every instance was destroyed in response. Carries both the original
 * error (its message is what the user sees) and what the cleanup did.
 */
public final class EmergencyCleanupException extends RuntimeException {
    private final transient DestroyReport cleanup;
    private final InsufficientCreditException cause;

    public EmergencyCleanupException(InsufficientCreditException cause, DestroyReport cleanup) {
        super(cause.getMessage(), cause);
        this.cause = cause;
        this.cleanup = cleanup;
    }

    public InsufficientCreditException creditError() {
        return cause;
    }

    /** Null when the cleanup itself could not even list the instances. */
    public DestroyReport cleanup() {
        return cleanup;
    }
}
