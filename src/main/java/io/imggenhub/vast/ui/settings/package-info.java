/**
 * What the user chooses and where it is kept: the settings dialog and file, the theme, start at login, the environment
 * the app reads, and the account it is connected to ({@link io.imggenhub.vast.ui.settings.Connection}), real or the
 * built-in demo.
 */
package io.imggenhub.vast.ui.settings;
