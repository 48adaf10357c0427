/**
 * The tabs after the instances: spend history with its chart, the audit log of destroys and deploys, and the
 * container ({@link io.imggenhub.vast.ui.history.SpendTabs}) that builds them lazily and records each poll.
 */
package io.imggenhub.vast.ui.history;
