package io.imggenhub.vast.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Task;

/**
 * Runs the window's background work: every network call happens on these threads, never on the FX thread. One
 * place to hand out threads also gives tests and shutdown a single handle. Work with a result goes through
 * {@link #task}; a hop to the FX thread from a non-FX callback goes through {@link #onUi}.
 */
public interface TaskRunner extends Executor {

    /** Builds background work whose callbacks run on the FX thread; nothing runs until {@code start()}. */
    default <T> BackgroundTask<T> task(BackgroundTask.Work<T> work) {
        return new BackgroundTask<>(this, work);
    }

    /** Runs {@code action} on the FX thread later (from a listener on another thread). */
    default void onUi(Runnable action) {
        Platform.runLater(action);
    }

    /** Runs the work on {@link #execute} as a JavaFX task, its callbacks on the FX thread. */
    default <T> void start(BackgroundTask<T> work) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new BackgroundTask.Progress() {
                    @Override
                    public void update(double done, double max) {
                        updateProgress(done, max);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }
                });
            }
        };
        work.bind(task.progressProperty(), task.messageProperty());
        task.setOnSucceeded(e -> work.succeeded(task.getValue()));
        task.setOnFailed(e -> work.failed(task.getException()));
        execute(task);
    }

    void shutdown();

    /** Daemon threads, so a stuck request never keeps the application alive after the window closes. */
    static TaskRunner daemonPool() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vast-ui-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner() {
            @Override
            public void execute(Runnable command) {
                pool.execute(command);
            }

            @Override
            public void shutdown() {
                pool.shutdownNow();
            }
        };
    }

    /**
     * Everything on the caller's thread, the background part and the FX callbacks alike, with no FX toolkit: a
     * view model's action has finished, callbacks included, when the call returns. For tests.
     */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }

            @Override
            public <T> void start(BackgroundTask<T> work) {
                // The same shape as a JavaFX task: progress starts indeterminate, the message empty.
                SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
                SimpleStringProperty message = new SimpleStringProperty("");
                work.bind(progress, message);
                T value;
                try {
                    value = work.call(new BackgroundTask.Progress() {
                        @Override
                        public void update(double done, double max) {
                            progress.set(done < 0 || max <= 0 ? -1 : Math.min(1, done / max));
                        }

                        @Override
                        public void message(String text) {
                            message.set(text);
                        }
                    });
                } catch (Throwable e) {
                    work.failed(e);
                    return;
                }
                work.succeeded(value);
            }

            @Override
            public void shutdown() {}
        };
    }
}
