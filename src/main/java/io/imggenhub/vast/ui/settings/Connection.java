package io.imggenhub.vast.ui.settings;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ServerResolver;
import io.imggenhub.vast.core.Destroyer;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.store.Database;
import io.imggenhub.vast.store.LocalData;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The account the window watches: the core wired for one server and key, the local data (audit log, spend
 * history, guards) its actions are recorded in, and, in demo mode, the embedded simulator it owns and closes.
 */
public final class Connection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final VastServices services;
    private final ApiKey key;
    private final boolean demo;
    private final AutoCloseable owned;
    private final LocalData data;
    private volatile String dataWarning;

    public Connection(VastServices services, ApiKey key, boolean demo, AutoCloseable owned, LocalData data) {
        this.services = services;
        this.key = key;
        this.demo = demo;
        this.owned = owned;
        this.data = data;
    }

    /** A real account (or a simulator someone else runs). The key may be null: polls then fail with auth_error. */
    public static Connection to(URI server, ApiKey key, LocalData data) {
        return new Connection(servicesFor(server, key, data), key, false, null, data);
    }

    /** As {@link #to(URI, ApiKey, LocalData)} with nothing remembered after close (tests, a key being checked). */
    public static Connection to(URI server, ApiKey key) {
        return to(server, key, LocalData.inMemory());
    }

    /** Every destroy, rent and cleanup of this window goes to the audit log of {@code data}. */
    static VastServices servicesFor(URI server, ApiKey key, LocalData data) {
        return VastServices.connect(server, key, Destroyer.Settings.DEFAULT, data.audit(), Clock.systemUTC());
    }

    /** This user's history file, or memory with a logged warning when it cannot be opened. */
    public static LocalData localData(AppEnvironment environment) {
        return localData(environment, w -> {});
    }

    /** As {@link #localData(AppEnvironment)}, also handing the warning to {@code warn} (for the window's banner). */
    public static LocalData localData(AppEnvironment environment, java.util.function.Consumer<String> warn) {
        return LocalData.openOrInMemory(Database.defaultFile(environment.env(), environment.home()), w -> {
            LOG.warning(w);
            warn.accept(w);
        });
    }

    /**
     * What a plain start opens: with no API key and no VAST_URL, the demo account; otherwise the configured server
     * (the saved setting, else VAST_URL, else console.vast.ai) with the key.
     */
    public static Connection open(AppEnvironment environment, UiSettings settings) {
        var key = environment.keys().resolve(null);
        if (key.isEmpty() && environment.vastUrl().isEmpty()) {
            return DemoAccount.start();
        }
        URI server;
        try {
            server = ServerResolver.resolve(settings.serverUrl(), environment.env());
        } catch (IllegalArgumentException e) {
            LOG.warning("Ignoring the saved server URL: " + e.getMessage());
            server = ServerResolver.resolve(null, environment.env());
        }
        String[] warning = new String[1];
        Connection connection = to(server, key.orElse(null), localData(environment, w -> warning[0] = w));
        connection.dataWarning = warning[0];
        return connection;
    }

    /** Why the history file could not be opened (the data then lives in memory only), if it could not. */
    public java.util.Optional<String> dataWarning() {
        return java.util.Optional.ofNullable(dataWarning);
    }

    public VastServices services() {
        return services;
    }

    public URI server() {
        return services.client().server();
    }

    /** The audit log, spend history and guards for this account. */
    public LocalData data() {
        return data;
    }

    public ApiKey key() {
        return key;
    }

    public boolean isDemo() {
        return demo;
    }

    /** For the status bar: where the data comes from. Never the key, only its hint. */
    public String description() {
        if (demo) {
            return "Demo account on a local simulator — nothing here costs money";
        }
        return server() + (key == null ? " · no API key" : " · key " + key.hint());
    }

    @Override
    public void close() {
        services.close();
        data.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warning(
                        "Closing " + (demo ? "the demo simulator" : "the connection") + " failed: " + e.getMessage());
            }
        }
    }
}
