package io.imggenhub.vast.core;

import java.time.Instant;

/**
 * A notice for the user: a rule that started to hold ({@code cleared == false}) or stopped holding
 * ({@code cleared == true}). {@code subject} tells apart alerts of one kind, e.g. the instance id of a STILL BILLING.
 */
public record Alert(Kind kind, String subject, boolean cleared, String title, String message, Instant at) {

    public enum Kind {
        HIGH_BURN("High spend"),
        LOW_RUNWAY("Credit running out"),
        LOW_CREDIT("Low credit"),
        STILL_BILLING("STILL BILLING"),
        INSUFFICIENT_CREDIT("Out of credit");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Alerts that need action now are errors; a cleared alert never is. */
    public boolean urgent() {
        return !cleared && (kind == Kind.STILL_BILLING || kind == Kind.INSUFFICIENT_CREDIT || kind == Kind.LOW_RUNWAY);
    }
}
