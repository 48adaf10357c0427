package io.imggenhub.vast.core.guard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one poll's guard evaluation found and did.
 *
 * @param newWarnings    actions that came within the warning time on this poll: notify once (tray, window)
 * @param pending        every action now within the warning time, new or not: the window's "keep it" banner
 * @param actions        destroys carried out on this poll
 * @param breachChanges  account guards that were crossed or came back within their limit on this poll: notify once
 * @param activeBreaches account guards in breach now
 */
public record GuardReport(
        Instant at,
        List<GuardWarning> newWarnings,
        List<GuardWarning> pending,
        List<GuardAction> actions,
        List<AccountBreach> breachChanges,
        List<AccountBreach> activeBreaches) {

    public GuardReport {
        newWarnings = List.copyOf(newWarnings);
        pending = List.copyOf(pending);
        actions = List.copyOf(actions);
        breachChanges = List.copyOf(breachChanges);
        activeBreaches = List.copyOf(activeBreaches);
    }

    /** Nothing new to tell anyone. */
    public boolean isQuiet() {
        return newWarnings.isEmpty() && actions.isEmpty() && breachChanges.isEmpty();
    }

    /** One line per new thing, in the order it matters: actions, breaches, warnings (for {@code watch} and logs). */
    public List<String> notices() {
        List<String> lines = new ArrayList<>();
        actions.forEach(a -> lines.add(a.message()));
        breachChanges.forEach(b -> lines.add(b.message()));
        newWarnings.forEach(w -> lines.add(w.message()));
        return lines;
    }
}
