/**
 * Where spend alerts reach the user besides the banners: the tray icon and its notifications, the in-window cards
 * when there is no tray, and the Alerts tab's list of past alert episodes.
 */
package io.imggenhub.vast.ui.alerts;
