/**
 * Guardrails: per-instance guards (lifetime, idle, price cap), account guards (daily and monthly spend caps, a
 * credit floor), the pre-rent check and the on-instance watchdog. {@link io.imggenhub.vast.core.guard.GuardEngine}
 * evaluates them on every poll for the window, the CLI and {@code watch} alike, and acts only through the shared
 * {@link io.imggenhub.vast.core.Destroyer}. No JavaFX.
 */
package io.imggenhub.vast.core.guard;
