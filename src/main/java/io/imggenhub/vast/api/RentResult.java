package io.imggenhub.vast.api;

/**
 * What a successful rent answers: the new instance id ({@code new_contract}) and the restricted per-instance key
 * Vast injects as {@code CONTAINER_API_KEY}. That key is a secret too: {@link #toString()} leaves it out.
 */
public record RentResult(long newContract, String instanceApiKey) {
    @Override
    public String toString() {
        return "RentResult[newContract=" + newContract + ", instanceApiKey="
                + (instanceApiKey == null ? "none" : "****") + "]";
    }
}
