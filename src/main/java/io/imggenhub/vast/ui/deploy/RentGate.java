package io.imggenhub.vast.ui.deploy;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.RentRequest;

/**
 * What Deploy cheapest asks before and after it rents: the guards' pre-rent check, the on-instance watchdog and
 * the local lifetime guard plug in here, so the deploy flow itself stays as it was.
 */
interface RentGate {
    RentGate NONE = new RentGate() {};

    /**
     * On the FX thread when Deploy is clicked: the request to rent with (e.g. with a watchdog added). Throws
     * IllegalArgumentException with a sentence for the person when an option is wrong; nothing is rented then.
     */
    default RentRequest request(RentRequest request) {
        return request;
    }

    /**
     * On the deploying thread, with the offer about to be rented. Throws {@link Declined} to rent nothing.
     */
    default void beforeRent(Offer offer) {}

    /** The person chose not to rent (e.g. at the low-credit question): nothing was rented, and the panel says why. */
    final class Declined extends java.util.concurrent.CancellationException {
        Declined(String why) {
            super(why);
        }
    }

    /**
     * The person chose "Destroy them now" at the no-credit question: nothing is rented, and the emergency cleanup
     * runs on the deploying thread, exactly as Vast's insufficient_credit answer would make it.
     */
    final class CleanUpInstead extends java.util.concurrent.CancellationException {
        private final transient io.imggenhub.vast.core.FleetSnapshot snapshot;

        CleanUpInstead(io.imggenhub.vast.core.FleetSnapshot snapshot) {
            super("credit is used up: the emergency cleanup was chosen instead of renting");
            this.snapshot = snapshot;
        }

        io.imggenhub.vast.core.FleetSnapshot snapshot() {
            return snapshot;
        }
    }

    /** On the deploying thread, as soon as Vast answered with the new instance's id. */
    default void rented(long instanceId) {}
}
