/** Talking to Vast.ai: the HTTP client, the records it returns and its typed errors. No JavaFX. */
package io.imggenhub.vast.api;
