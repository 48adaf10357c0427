/**
 * The window and what holds it together: the JavaFX application and its start, the stage with its size and theme,
 * one session per watched account wiring the features together, the main view with its toolbar and banners, and
 * quitting in order on a signal.
 */
package io.imggenhub.vast.ui.shell;
