package io.imggenhub.vast.core;

import io.imggenhub.vast.api.VastApi;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The latest known state of the account. {@link #refresh()} does blocking I/O: the window calls it from a
 * background service, the CLI directly. Listeners hear about every successful refresh on the refreshing thread.
 */
public class VastRepository {
    private final VastApi client;
    private final Clock clock;
    private final AtomicReference<FleetSnapshot> latest = new AtomicReference<>();
    private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();
    /** Publishing a snapshot and adding a replaying listener exclude each other: every listener hears each once. */
    private final Object publishing = new Object();

    public VastRepository(VastApi client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Reads the fleet and the account. The snapshot is stamped with when the read began: a big fleet takes a page
     * a second under Vast's list limit, and "updated N s ago" must not make its first pages look fresher than
     * they are.
     */
    public FleetSnapshot refresh() {
        java.time.Instant readFrom = clock.instant();
        var instances = client.listInstances();
        var account = client.currentUser();
        FleetSnapshot snapshot = new FleetSnapshot(instances, account, readFrom);
        List<Consumer<FleetSnapshot>> toTell;
        synchronized (publishing) {
            latest.set(snapshot);
            toTell = List.copyOf(listeners);
        }
        toTell.forEach(l -> l.accept(snapshot));
        return snapshot;
    }

    public Optional<FleetSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    public void addListener(Consumer<FleetSnapshot> listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener that also hears about the latest snapshot if one was read before it was added: the window
     * polls once while it is still being built, and that poll must reach the history and the guards like any other.
     * Each snapshot reaches the listener exactly once, either from {@link #refresh()} on the refreshing thread or,
     * when it was published before, through {@code replay}.
     */
    public void addListener(Consumer<FleetSnapshot> listener, Executor replay) {
        FleetSnapshot missed;
        synchronized (publishing) {
            listeners.add(listener);
            missed = latest.get();
        }
        if (missed != null) {
            replay.execute(() -> listener.accept(missed));
        }
    }

    public void removeListener(Consumer<FleetSnapshot> listener) {
        listeners.remove(listener);
    }

    public VastApi client() {
        return client;
    }

    public Clock clock() {
        return clock;
    }
}
