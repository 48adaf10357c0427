package io.imggenhub.vast.core.notify;

import io.imggenhub.vast.core.Alert;
import io.imggenhub.vast.core.guard.AccountBreach;
import io.imggenhub.vast.core.guard.GuardAction;
import io.imggenhub.vast.core.guard.GuardWarning;
import java.time.Instant;

/**
 * One thing worth telling someone who is away from the desk: an alert (already debounced by the alert rules'
 * hysteresis and snooze) or a guard event (acted, warned, breached), in words.
 *
 * @param event  {@code alert} or {@code guard}
 * @param kind   the rule, e.g. {@code HIGH_BURN}, {@code TTL}, {@code DAILY_CAP}
 * @param urgent needs action now (a STILL BILLING, a destroy that failed)
 */
public record Notice(
        String event, String kind, String title, String message, boolean urgent, boolean cleared, Instant at) {

    public static Notice of(Alert a) {
        return new Notice("alert", a.kind().name(), a.title(), a.message(), a.urgent(), a.cleared(), a.at());
    }

    public static Notice of(GuardAction a, Instant at) {
        return new Notice(
                "guard",
                a.rule().name(),
                a.succeeded() ? "Guard destroyed" : "Guard destroy FAILED",
                a.message(),
                !a.succeeded(),
                false,
                at);
    }

    public static Notice of(AccountBreach b) {
        return new Notice(
                "guard",
                b.rule().name(),
                b.cleared() ? "Account guard cleared" : "Account guard breached",
                b.message(),
                false,
                b.cleared(),
                b.at());
    }

    public static Notice of(GuardWarning w, Instant at) {
        return new Notice("guard", w.rule().name(), "Guard warning", w.message(), false, false, at);
    }

    /** The same notice with every occurrence of {@code secret} masked. */
    Notice without(String secret) {
        if (secret == null || secret.isEmpty()) {
            return this;
        }
        return new Notice(event, kind, mask(title, secret), mask(message, secret), urgent, cleared, at);
    }

    private static String mask(String text, String secret) {
        return text == null ? null : text.replace(secret, "****");
    }
}
