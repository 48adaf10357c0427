package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one poll learned: the instances, the account's credit, and when. Burn and runway are derived here so
 * that the CLI, the window and the alerts all compute them the same way.
 */
public record FleetSnapshot(List<Instance> instances, Account account, Instant fetchedAt) {

    public FleetSnapshot {
        instances = List.copyOf(instances);
    }

    /** Instances that still exist (destroyed ones linger in Vast's list for a moment). */
    public List<Instance> live() {
        return instances.stream().filter(i -> !i.isGone()).toList();
    }

    /** Σ of what every instance is billed per hour right now (storage only for stopped ones). */
    public double burnPerHour() {
        return instances.stream().mapToDouble(Instance::billedRate).sum();
    }

    public double burnPerDay() {
        return burnPerHour() * 24;
    }

    public int billingCount() {
        return (int) instances.stream().filter(i -> i.billedRate() > 0).count();
    }

    public double credit() {
        return account == null ? 0.0 : account.creditUsd();
    }

    /** Credit at or below zero: Vast refuses to rent, and whatever still bills drives the account into debt. */
    public boolean creditUsedUp() {
        return account != null && account.credit() != null && account.credit() <= 0;
    }

    /** How long the credit lasts at the current burn; empty when nothing bills. */
    public Optional<Duration> runway() {
        double burn = burnPerHour();
        if (burn <= 0) {
            return Optional.empty();
        }
        double hours = Math.max(0.0, credit()) / burn;
        return Optional.of(Duration.ofSeconds((long) (hours * 3600)));
    }

    /** The moment the credit reaches zero at the current burn. */
    public Optional<Instant> creditZeroAt() {
        return runway().map(fetchedAt::plus);
    }
}
