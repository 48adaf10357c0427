package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.SettingsStore;
import java.time.Duration;

/**
 * How a monitor window is wired to its surroundings; tests pass a temporary environment and settings file.
 *
 * @param confirmer  null for the real confirmation dialogs
 * @param deployWait how long Deploy cheapest waits for the new instance to run
 */
public record WindowOptions(
        AppEnvironment environment,
        SettingsStore settingsStore,
        TaskRunner runner,
        Confirmer confirmer,
        Duration deployWait) {

    public static WindowOptions standard(AppEnvironment environment, TaskRunner runner) {
        return new WindowOptions(
                environment, SettingsStore.forEnvironment(environment), runner, null, Duration.ofMinutes(10));
    }
}
