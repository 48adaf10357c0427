package io.imggenhub.vast.core.guard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Guards for this process only: for tests, and as the fallback when the database cannot be opened. */
public final class InMemoryGuardBook implements GuardBook {
    private record Entry(InstanceGuard guard, Instant setAt, Instant keptUntil) {}

    private final Map<Long, Entry> instances = new LinkedHashMap<>();
    private AccountGuard account = AccountGuard.NONE;
    private Instant accountKeptUntil;

    @Override
    public synchronized List<InstanceGuard> instanceGuards() {
        List<InstanceGuard> result = new ArrayList<>(instances.size());
        instances.values().forEach(e -> result.add(e.guard()));
        return result;
    }

    @Override
    public synchronized Optional<InstanceGuard> instanceGuard(long instanceId) {
        Entry e = instances.get(instanceId);
        return e == null ? Optional.empty() : Optional.of(e.guard());
    }

    @Override
    public synchronized void setInstanceGuard(InstanceGuard guard, Instant at) {
        Entry old = instances.get(guard.instanceId());
        instances.put(guard.instanceId(), new Entry(guard, at, old == null ? null : old.keptUntil()));
    }

    @Override
    public synchronized boolean removeInstanceGuard(long instanceId) {
        return instances.remove(instanceId) != null;
    }

    @Override
    public synchronized AccountGuard accountGuard() {
        return account;
    }

    @Override
    public synchronized void setAccountGuard(AccountGuard guard) {
        account = guard == null ? AccountGuard.NONE : guard;
    }

    @Override
    public synchronized boolean keep(long instanceId, Instant until) {
        Entry e = instances.get(instanceId);
        if (e == null) {
            return false;
        }
        instances.put(instanceId, new Entry(e.guard(), e.setAt(), until));
        return true;
    }

    @Override
    public synchronized Optional<Instant> keptUntil(long instanceId) {
        Entry e = instances.get(instanceId);
        return e == null ? Optional.empty() : Optional.ofNullable(e.keptUntil());
    }

    @Override
    public synchronized void keepAccount(Instant until) {
        accountKeptUntil = until;
    }

    @Override
    public synchronized Optional<Instant> accountKeptUntil() {
        return Optional.ofNullable(accountKeptUntil);
    }

    @Override
    public synchronized int prune(Set<Long> liveIds, Instant setBefore) {
        int before = instances.size();
        instances
                .entrySet()
                .removeIf(e ->
                        !liveIds.contains(e.getKey()) && e.getValue().setAt().isBefore(setBefore));
        return before - instances.size();
    }
}
