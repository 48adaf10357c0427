package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Account;
import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.VastApi;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import java.net.URI;
import java.time.Clock;

/**
 * The core wired once for a server and key: both the CLI and the window build one of these and share every
 * behaviour through it. The one place the HTTP client is made: the faces ask for services, never for a client.
 */
public final class VastServices implements AutoCloseable {
    private final VastApi client;
    private final VastRepository repository;
    private final Destroyer destroyer;
    private final AuditSink audit;
    private final Clock clock;
    private final Deployer.LostAnswerSearch lostAnswerSearch;

    /** The same services with a destroyer of other settings (a command's own deadline). */
    public VastServices withDestroyerSettings(Destroyer.Settings settings) {
        return new VastServices(client, settings, audit, clock);
    }

    /** The services of the account behind {@code key} on {@code server} (the key may be null: offer search only). */
    public static VastServices connect(
            URI server, ApiKey key, Destroyer.Settings destroyerSettings, AuditSink audit, Clock clock) {
        return new VastServices(new VastClient(ClientSettings.of(server, key)), destroyerSettings, audit, clock);
    }

    /**
     * Asks {@code server} whose key this is, without keeping anything: the live check before a key is saved.
     *
     * @throws io.imggenhub.vast.api.VastException why not, typed (only an auth error says the key is wrong)
     */
    public static Account checkKey(URI server, ApiKey key) {
        try (VastApi api = new VastClient(ClientSettings.of(server, key))) {
            return api.currentUser();
        }
    }

    public VastServices(VastApi client, Destroyer.Settings destroyerSettings, AuditSink audit, Clock clock) {
        this(client, destroyerSettings, audit, clock, Deployer.LostAnswerSearch.DEFAULT);
    }

    /** @param lostAnswerSearch how a rent whose answer was lost is looked for (tests move a simulated clock) */
    public VastServices(
            VastApi client,
            Destroyer.Settings destroyerSettings,
            AuditSink audit,
            Clock clock,
            Deployer.LostAnswerSearch lostAnswerSearch) {
        this.lostAnswerSearch = lostAnswerSearch;
        this.client = client;
        this.audit = audit;
        this.clock = clock;
        this.repository = new VastRepository(client, clock);
        this.destroyer = new Destroyer(client, destroyerSettings, audit, clock);
    }

    public VastApi client() {
        return client;
    }

    public VastRepository repository() {
        return repository;
    }

    public Destroyer destroyer() {
        return destroyer;
    }

    /** @param emergencyCleanup destroy every instance when a rent fails for lack of credit */
    public Deployer deployer(boolean emergencyCleanup) {
        return new Deployer(client, destroyer, audit, clock, emergencyCleanup, lostAnswerSearch);
    }

    public PowerSwitch powerSwitch() {
        return new PowerSwitch(client, audit, clock);
    }

    public AuditSink audit() {
        return audit;
    }

    public Clock clock() {
        return clock;
    }

    /** Ends the API's helper threads; the services of {@link #withDestroyerSettings} share them. */
    @Override
    public void close() {
        client.close();
    }
}
