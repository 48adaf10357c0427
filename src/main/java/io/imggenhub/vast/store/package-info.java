/** Local storage: spend history and the audit log of every action, in SQLite. No JavaFX. */
package io.imggenhub.vast.store;
