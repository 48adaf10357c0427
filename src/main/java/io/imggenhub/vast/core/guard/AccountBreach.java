package io.imggenhub.vast.core.guard;

import java.time.Instant;

/** An account guard crossed ({@code cleared == false}) or back within its limit ({@code cleared == true}). */
public record AccountBreach(GuardRule rule, boolean cleared, String message, Instant at) {}
