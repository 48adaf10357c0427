package io.imggenhub.vast.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads a client overlaps blocking HTTP on (the next page of a listing while the caller works on this one).
 * Its own, not the common fork-join pool: a blocked exchange there starves every other user of that pool. Named
 * daemon threads, at most {@link #MAX_THREADS}; beyond that, and after {@link #close()}, the caller does the work
 * itself, which only loses the overlap. Idle threads end after a while, so a client nobody closes leaks nothing.
 */
final class IoThreads implements AutoCloseable {
    static final int MAX_THREADS = 4;
    static final String NAME = "vast-http-";
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String prefix = NAME + POOLS.incrementAndGet() + "-";
    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor pool;

    IoThreads() {
        pool = new ThreadPoolExecutor(
                0,
                MAX_THREADS,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                work -> {
                    Thread thread = new Thread(work, prefix + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (work, full) -> work.run());
    }

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    /** What the names of these threads start with: {@code vast-http-<pool>-}. */
    String namePrefix() {
        return prefix;
    }

    boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
