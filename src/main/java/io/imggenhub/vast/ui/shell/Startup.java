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
 * and a first poll. Done on a background thread while the FX toolkit starts, so the first frame already has rows.
 *
 * @param firstSnapshot null when the first poll failed; the poll service then starts at once and reports why
 */
record Startup(AppEnvironment environment, SettingsStore store, UiSettings settings, Connection connection,
               FleetSnapshot firstSnapshot) {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    static CompletableFuture<Startup> begin(AppEnvironment environment) {
        CompletableFuture<Startup> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(prepare(environment));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "vast-ui-startup");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    static Startup prepare(AppEnvironment environment) {
        SettingsStore store = SettingsStore.forEnvironment(environment);
        UiSettings settings = store.load();
        Connection connection = Connection.open(environment, settings);
        StartupProbe.mark(connection.isDemo() ? "demo simulator up" : "connection ready");
        FleetSnapshot first = null;
        try {
            first = connection.services().repository().refresh();
            StartupProbe.mark("first poll");
        } catch (RuntimeException e) {
            LOG.fine("the first poll failed; the window retries: " + e.getMessage());
        }
        return new Startup(environment, store, settings, connection, first);
    }
}
