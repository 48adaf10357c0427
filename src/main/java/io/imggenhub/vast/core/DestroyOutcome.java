package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;

/** What happened to one instance that was to be destroyed. */
public record DestroyOutcome(Instance instance, Status status, String reason) {

    public enum Status {
        /** Vast accepted the destroy and the instance is gone from the list: billing stopped. */
        DESTROYED,
        /** It did not exist any more when we asked. */
        ALREADY_GONE,
        /** Vast refused or never answered; it is still billing. */
        FAILED,
        /** Vast accepted the destroy but the instance was still listed when verification gave up. */
        STILL_BILLING
    }

    public boolean stoppedBilling() {
        return status == Status.DESTROYED || status == Status.ALREADY_GONE;
    }

    public long id() {
        return instance.id();
    }
}
