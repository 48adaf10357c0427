package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.PowerSwitch;
import io.imggenhub.vast.ui.common.AlertSink;
import io.imggenhub.vast.ui.common.BackgroundTask;
import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.Confirmer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.TaskRunner;

/**
 * Stop and Start for one row, the cheaper alternative to Destroy: asks first (saying that a stopped instance keeps
 * billing its storage), runs in the background, marks the row while it happens and polls again at the end.
 */
public final class PowerViewModel {
    private final PowerSwitch power;
    private final Confirmer confirmer;
    private final TaskRunner runner;
    private final AlertSink alerts;
    private final Runnable refreshNow;

    public PowerViewModel(
            PowerSwitch power, Confirmer confirmer, TaskRunner runner, AlertSink alerts, Runnable refreshNow) {
        this.power = power;
        this.confirmer = confirmer;
        this.runner = runner;
        this.alerts = alerts;
        this.refreshNow = refreshNow;
    }

    BackgroundTask<Void> stop(InstanceRow row) {
        if (row == null || row.busy() || row.storageOnly()) {
            return null;
        }
        Instance target = row.instance();
        boolean yes = confirmer.confirm(new Confirmer.Confirmation(
                "Stop instance",
                "Stop instance " + row.id() + " (" + target.gpuDisplayName() + ", "
                        + Format.ratePerHour(target.billedRate()) + ")?",
                PowerSwitch.stopNote(target) + " Start resumes it, if the machine is still free.",
                "Stop"));
        return yes ? run(row, false) : null;
    }

    BackgroundTask<Void> start(InstanceRow row) {
        if (row == null || row.busy() || !row.storageOnly()) {
            return null;
        }
        return run(row, true);
    }

    private BackgroundTask<Void> run(InstanceRow row, boolean running) {
        Instance target = row.instance();
        row.setAction(running ? "starting…" : "stopping…");
        String key = "power-" + row.id();
        return runner.<Void>task(p -> {
                    if (running) {
                        power.start(target, "start from the window");
                    } else {
                        power.stop(target, "stop from the window");
                    }
                    return null;
                })
                .onSuccess(done -> {
                    row.setAction("");
                    alerts.alert(new Banner(
                            key,
                            Banner.Severity.INFO,
                            (running ? "Starting" : "Stopping") + " instance " + row.id() + " ("
                                    + target.gpuDisplayName() + ")",
                            running
                                    ? "It bills " + Format.ratePerHour(target.hourlyCost()) + " again once it runs."
                                    : PowerSwitch.stopNote(target)));
                })
                .onError(e -> {
                    row.setAction("");
                    alerts.alert(new Banner(
                            key,
                            Banner.Severity.DANGER,
                            "Could not " + (running ? "start" : "stop") + " instance " + row.id(),
                            MonitorViewModel.describe(e)));
                })
                .andFinally(refreshNow)
                .start();
    }
}
