package io.imggenhub.vast.core.guard;

import java.time.Instant;
import java.util.Optional;

/**
 * A guard action that is due soon: "Instance 123 (RTX 4090) will be destroyed at 14:05: lifetime 2 h reached."
 * The window and the tray offer "keep it" for it ({@link GuardEngine#keep} or {@link GuardEngine#keepAccount}).
 *
 * @param instanceId null for an account guard, which would destroy every instance
 */
public record GuardWarning(GuardRule rule, Long instanceId, Instant dueAt, String message) {

    public Optional<Long> instance() {
        return Optional.ofNullable(instanceId);
    }

    public boolean isAccountWide() {
        return instanceId == null;
    }
}
