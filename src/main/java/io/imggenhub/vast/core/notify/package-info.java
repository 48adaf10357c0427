/** Alerts and guard actions sent off the machine as webhook POSTs (generic JSON, Slack, Discord, ntfy). */
package io.imggenhub.vast.core.notify;
