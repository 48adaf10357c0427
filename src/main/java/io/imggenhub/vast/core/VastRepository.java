package io.imggenhub.vast.core;

import io.imggenhub.vast.api.VastApi;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
        latest.set(snapshot);
        listeners.forEach(l -> l.accept(snapshot));
        return snapshot;
    }

    public Optional<FleetSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    public void addListener(Consumer<FleetSnapshot> listener) {
        listeners.add(listener);
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
