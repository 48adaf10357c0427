package io.imggenhub.vast.api;

/** How Vast answered a single destroy (vast-api.md §3.3); any other answer is a {@link VastException}. */
public enum DestroyResult {
    /** Vast took the request; billing stops once the instance is gone from the list. */
    ACCEPTED,
    /** The instance did not exist any more. */
    ALREADY_GONE
}
