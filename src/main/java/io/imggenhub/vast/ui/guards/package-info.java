/**
 * Guards in the window: the per-instance and account guard dialogs, the Guard column, and the view model that runs
 * the shared guard engine on every poll and asks before a guard would destroy at once.
 */
package io.imggenhub.vast.ui.guards;
