package io.imggenhub.vast.ui;

import javafx.concurrent.Task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the window's background work: every network call happens on these threads, never on the FX thread. One
 * place to hand out threads also gives tests and shutdown a single handle.
 */
public interface TaskRunner extends Executor {

    default <T> Task<T> run(Task<T> task) {
        execute(task);
        return task;
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
}
