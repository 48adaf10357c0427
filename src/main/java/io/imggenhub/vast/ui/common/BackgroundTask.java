package io.imggenhub.vast.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/**
 * One piece of background work and what the window does with its result, built fluently and started through a
 * {@link TaskRunner}: {@code runner.task(p -> work()).onSuccess(..).onError(Some.class, ..).andFinally(..).start()}.
 * The work runs off the FX thread; every callback runs on the FX thread (on the caller's thread with
 * {@link TaskRunner#sameThread()}), so view models stay testable without a window.
 */
public final class BackgroundTask<T> {
    private static final Logger LOG = Logger.getLogger(BackgroundTask.class.getName());

    /** The background part; {@code progress} reports how far it got. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress from inside the work, shown through {@link #progressTo} and {@link #messageTo}. */
    public interface Progress {
        /** {@code done} of {@code max}; a negative {@code done} means "indeterminate". */
        void update(double done, double max);

        void message(String text);
    }

    private record ErrorRoute<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        void handle(Throwable error) {
            handler.accept(type.cast(error));
        }
    }

    private final TaskRunner runner;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> {};
    private final List<ErrorRoute<?>> errorRoutes = new ArrayList<>();
    private Runnable andFinally = () -> {};
    private DoubleProperty progressTarget;
    private StringProperty messageTarget;

    BackgroundTask(TaskRunner runner, Work<T> work) {
        this.runner = runner;
        this.work = work;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Routes failures of this type (the first matching route wins, in the order given). */
    public <E extends Throwable> BackgroundTask<T> onError(Class<E> type, Consumer<? super E> handler) {
        errorRoutes.add(new ErrorRoute<>(type, handler));
        return this;
    }

    /** Routes every failure not routed by an earlier {@link #onError(Class, Consumer)}. */
    public BackgroundTask<T> onError(Consumer<Throwable> handler) {
        return onError(Throwable.class, handler);
    }

    /** Runs after the success or error handler, whichever ran. */
    public BackgroundTask<T> andFinally(Runnable action) {
        this.andFinally = action;
        return this;
    }

    /** Binds {@code target} to the work's progress while it runs (-1 while indeterminate, else 0..1). */
    public BackgroundTask<T> progressTo(DoubleProperty target) {
        this.progressTarget = target;
        return this;
    }

    /** Binds {@code target} to the work's message while it runs; unbinding it early stops the updates. */
    public BackgroundTask<T> messageTo(StringProperty target) {
        this.messageTarget = target;
        return this;
    }

    /** Starts the work (call on the FX thread); returns this task, so a caller can tell that something started. */
    public BackgroundTask<T> start() {
        runner.start(this);
        return this;
    }

    // The runner's side.

    T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    void bind(ObservableDoubleValue progress, ObservableStringValue message) {
        if (progressTarget != null) {
            progressTarget.bind(progress);
        }
        if (messageTarget != null) {
            messageTarget.bind(message);
        }
    }

    void succeeded(T value) {
        unbind();
        try {
            onSuccess.accept(value);
        } finally {
            andFinally.run();
        }
    }

    void failed(Throwable error) {
        unbind();
        try {
            ErrorRoute<?> route = errorRoutes.stream()
                    .filter(r -> r.type().isInstance(error))
                    .findFirst()
                    .orElse(null);
            if (route == null) {
                LOG.log(Level.WARNING, "Background work failed", error);
            } else {
                route.handle(error);
            }
        } finally {
            andFinally.run();
        }
    }

    private void unbind() {
        if (progressTarget != null) {
            progressTarget.unbind();
        }
        if (messageTarget != null) {
            messageTarget.unbind();
        }
    }
}
