package io.imggenhub.vast.core.guard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where guards live, so that the window, the CLI and {@code watch} share them: the store keeps a durable one
 * ({@code io.imggenhub.vast.store.GuardStore}); {@link InMemoryGuardBook} serves tests and a store that cannot open.
 * "Keep it" is kept here too, so a keep clicked in the window also holds back a {@code watch} on the same machine.
 */
public interface GuardBook {

    List<InstanceGuard> instanceGuards();

    Optional<InstanceGuard> instanceGuard(long instanceId);

    /** Sets (or replaces) the guard of one instance; a keep already in force stays. */
    void setInstanceGuard(InstanceGuard guard, Instant at);

    /** False when the instance had no guard. */
    boolean removeInstanceGuard(long instanceId);

    /** {@link AccountGuard#NONE} until one is set. */
    AccountGuard accountGuard();

    void setAccountGuard(AccountGuard guard);

    /** Holds back every guard action on this instance until {@code until}; false when it has no guard. */
    boolean keep(long instanceId, Instant until);

    Optional<Instant> keptUntil(long instanceId);

    /** Holds back the destroy-on-breach of the account guards until {@code until}. */
    void keepAccount(Instant until);

    Optional<Instant> accountKeptUntil();

    /**
     * Forgets the guards of instances not in {@code liveIds} that were set before {@code setBefore} (a guard set
     * just now may be for an instance the last listing did not show yet). Returns how many were removed.
     */
    int prune(Set<Long> liveIds, Instant setBefore);
}
