package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.ui.settings.AppEnvironment;
import io.imggenhub.vast.ui.settings.Connection;
import io.imggenhub.vast.ui.settings.SettingsStore;
import io.imggenhub.vast.ui.settings.UiSettings;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * What the window needs before it can show anything useful: settings, the connection (the demo simulator started)
 * and a first poll. Done on a background thread while the FX toolkit starts. The window's views are built as soon as
 * the connection is ready, while the first poll still runs; the window shows when the poll is done, so the first
 * frame already has rows. The poll reaches the session's listeners (history, guards) whichever finishes first:
 * the repository replays it to a listener added later.
 *
 * @param firstPoll completes with null when the first poll failed; the poll service then starts at once and
 *                  reports why
 */
record Startup(
        AppEnvironment environment,
        SettingsStore store,
        UiSettings settings,
        Connection connection,
        CompletableFuture<FleetSnapshot> firstPoll) {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    /** Completes once the connection is ready; its {@link #firstPoll} completes later on the same thread. */
    static CompletableFuture<Startup> begin(AppEnvironment environment) {
        CompletableFuture<Startup> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    Startup ready;
                    try {
                        ready = connect(environment);
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    result.complete(ready);
                    ready.poll();
                },
                "vast-ui-startup");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** All of it on the calling thread, first poll included. */
    static Startup prepare(AppEnvironment environment) {
        Startup ready = connect(environment);
        ready.poll();
        return ready;
    }

    private static Startup connect(AppEnvironment environment) {
        SettingsStore store = SettingsStore.forEnvironment(environment);
        UiSettings settings = store.load();
        Connection connection = Connection.open(environment, settings);
        StartupProbe.mark(connection.isDemo() ? "demo simulator up" : "connection ready");
        return new Startup(environment, store, settings, connection, new CompletableFuture<>());
    }

    private void poll() {
        FleetSnapshot first = null;
        try {
            first = connection.services().repository().refresh();
            StartupProbe.mark("first poll");
        } catch (RuntimeException e) {
            LOG.fine("the first poll failed; the window retries: " + e.getMessage());
        }
        firstPoll.complete(first);
    }

    /** The first poll's snapshot, waiting for it; null when it failed. */
    FleetSnapshot firstSnapshot() {
        return firstPoll.join();
    }
}
