/**
 * The instances tab: the table and its rows, filter and column sizing, the fleet state from each poll
 * ({@link io.imggenhub.vast.ui.instances.MonitorViewModel}, fed by {@link io.imggenhub.vast.ui.instances.PollService}),
 * the spend summary above it, and the fleet actions: destroy one, a selection or all, stop and start.
 */
package io.imggenhub.vast.ui.instances;
