package io.imggenhub.vast.api;

/** The parts of {@code GET /api/v0/users/current/} a cost monitor needs. Credit is spendable USD and can be negative. */
public record Account(
        Long id,
        String username,
        String email,
        Double credit,
        Double balance,
        Double balanceThreshold,
        Boolean balanceThresholdEnabled) {

    public double creditUsd() {
        return credit == null ? 0.0 : credit;
    }
}
