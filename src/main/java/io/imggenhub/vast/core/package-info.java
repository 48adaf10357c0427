/** The shared behaviour of the CLI and the window: the fleet repository, destroying, deploying, spend. No JavaFX. */
package io.imggenhub.vast.core;
