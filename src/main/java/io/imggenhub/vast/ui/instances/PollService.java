package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.VastRepository;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.util.Duration;

/**
 * Polls the account on a background thread every interval (bound to the setting). A failed poll does not stop the
 * service: it tries again after the same interval, and the view model shows the data as stale meanwhile.
 */
public final class PollService extends ScheduledService<FleetSnapshot> {
    private final VastRepository repository;
    private final BooleanBinding inFlight = stateProperty().isEqualTo(Worker.State.RUNNING);
    private boolean refreshWhenLanded;

    public PollService(VastRepository repository, Executor executor, ObservableNumberValue intervalSeconds) {
        this.repository = repository;
        setExecutor(executor);
        setRestartOnFailure(true);
        periodProperty()
                .bind(Bindings.createObjectBinding(
                        () -> Duration.seconds(Math.max(1, intervalSeconds.doubleValue())), intervalSeconds));
        stateProperty().addListener((o, was, is) -> {
            if (was == Worker.State.RUNNING && refreshWhenLanded) {
                refreshWhenLanded = false;
                // After the handlers of this state change, when the service has rescheduled itself.
                javafx.application.Platform.runLater(this::refreshNow);
            }
        });
    }

    @Override
    protected Task<FleetSnapshot> createTask() {
        return new Task<>() {
            @Override
            protected FleetSnapshot call() {
                return repository.refresh();
            }
        };
    }

    /**
     * True while a request is out. Unlike {@link #isRunning()}, which a scheduled service also reports while it
     * merely waits for the next period.
     */
    public BooleanBinding inFlightBinding() {
        return inFlight;
    }

    /**
     * Polls at once (Refresh now, F5, after an action), then keeps the usual rhythm. Cancel and reset rather than
     * {@code restart()}: restart leaves the pending delay timer of a scheduled run behind.
     */
    public void refreshNow() {
        cancel();
        Worker.State state = getState();
        if (state == Worker.State.RUNNING || state == Worker.State.SCHEDULED) {
            // The poll already returned and its result is on the way to this thread (cancel came too late): poll
            // again once it has landed. This happens when a guard acting inside a poll asks for a fresh one, or
            // when a fast poll finished before its own SCHEDULED/RUNNING updates reached this thread (reset()
            // would throw IllegalStateException then).
            refreshWhenLanded = true;
            return;
        }
        reset();
        setDelay(Duration.ZERO);
        start();
    }
}
