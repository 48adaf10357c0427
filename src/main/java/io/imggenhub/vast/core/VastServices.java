package io.imggenhub.vast.core;

import io.imggenhub.vast.api.VastClient;

import java.time.Clock;

/**
 * The core wired once for a server and key: both the CLI and the window build one of these and share every
 * behaviour through it.
 */
public final class VastServices {
    private final VastClient client;
    private final VastRepository repository;
    private final Destroyer destroyer;
    private final AuditSink audit;
    private final Clock clock;
    private final Deployer.LostAnswerSearch lostAnswerSearch;

    /** The same services with a destroyer of other settings (a command's own deadline). */
    public VastServices withDestroyerSettings(Destroyer.Settings settings) {
        return new VastServices(client, settings, audit, clock);
    }

    public VastServices(VastClient client, Destroyer.Settings destroyerSettings, AuditSink audit, Clock clock) {
        this(client, destroyerSettings, audit, clock, Deployer.LostAnswerSearch.DEFAULT);
    }

    /** @param lostAnswerSearch how a rent whose answer was lost is looked for (tests move a simulated clock) */
    public VastServices(VastClient client, Destroyer.Settings destroyerSettings, AuditSink audit, Clock clock,
                        Deployer.LostAnswerSearch lostAnswerSearch) {
        this.lostAnswerSearch = lostAnswerSearch;
        this.client = client;
        this.audit = audit;
        this.clock = clock;
        this.repository = new VastRepository(client, clock);
        this.destroyer = new Destroyer(client, destroyerSettings, audit, clock);
    }

    public VastClient client() {
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

    public AuditSink audit() {
        return audit;
    }

    public Clock clock() {
        return clock;
    }
}
