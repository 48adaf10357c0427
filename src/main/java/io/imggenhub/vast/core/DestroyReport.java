package io.imggenhub.vast.core;

import java.time.Duration;
import java.util.List;

/**
 * The result of destroying a set of instances: one outcome each, in the order they were listed.
 *
 * @param listingProblem why the listing ended early (more may be billing), or null when it was read to the end
 */
public record DestroyReport(List<DestroyOutcome> outcomes, Duration elapsed, String listingProblem) {

    public DestroyReport {
        outcomes = List.copyOf(outcomes);
    }

    public DestroyReport(List<DestroyOutcome> outcomes, Duration elapsed) {
        this(outcomes, elapsed, null);
    }

    public int total() {
        return outcomes.size();
    }

    /** How many no longer bill (the k of "Destroyed k/N instance(s)"). */
    public int stopped() {
        return (int) outcomes.stream().filter(DestroyOutcome::stoppedBilling).count();
    }

    public List<DestroyOutcome> failures() {
        return outcomes.stream().filter(o -> !o.stoppedBilling()).toList();
    }

    public List<DestroyOutcome> stillBilling() {
        return outcomes.stream()
                .filter(o -> o.status() == DestroyOutcome.Status.STILL_BILLING)
                .toList();
    }

    /** Every listed instance stopped billing and the listing was complete. */
    public boolean allStopped() {
        return failures().isEmpty() && listingProblem == null;
    }
}
