/** Settings that both faces share: the API key, the server URL. No JavaFX. */
package io.imggenhub.vast.config;
