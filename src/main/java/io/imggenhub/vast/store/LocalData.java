package io.imggenhub.vast.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything this machine remembers, in one SQLite file: the audit log, spend history and guards. The CLI, the
 * window and {@code watch} open it the same way, so what one of them did the others can show.
 */
public final class LocalData implements AutoCloseable {
    private final Database db;
    private final boolean durable;
    private final AuditLog audit;
    private final SpendHistory history;

    private LocalData(Database db, boolean durable) {
        this.db = db;
        this.durable = durable;
        this.audit = new AuditLog(db);
        this.history = new SpendHistory(db);
    }

    /** Opens (creating if needed) the file; a damaged or locked file is a {@link StoreException} with advice. */
    public static LocalData open(Path file) {
        return new LocalData(Database.open(file), true);
    }

    /** The default file for this user ({@link Database#defaultFile}). */
    public static LocalData openDefault(Map<String, String> env, Path home) {
        return open(Database.defaultFile(env, home));
    }

    /**
     * Opens the file, or, when it cannot be opened, keeps working in memory and says so through {@code warn}:
     * a broken history file must never stop anyone from destroying an instance.
     */
    public static LocalData openOrInMemory(Path file, Consumer<String> warn) {
        try {
            return open(file);
        } catch (StoreException e) {
            warn.accept(e.getMessage() + " Nothing will be remembered until this is fixed.");
            return inMemory();
        }
    }

    /** For demo mode and tests: forgotten on close, so simulated spend never mixes with a real account's. */
    public static LocalData inMemory() {
        return new LocalData(Database.inMemory(), false);
    }

    public AuditLog audit() {
        return audit;
    }

    public SpendHistory history() {
        return history;
    }

    /** Guards of the account on {@code server} (guards are kept per server). */
    public GuardStore guards(URI server) {
        return new GuardStore(db, server);
    }

    public Database database() {
        return db;
    }

    /** False when working in memory: nothing survives a restart. */
    public boolean durable() {
        return durable;
    }

    public Path file() {
        return db.file();
    }

    /** Writes audit events still waiting for another program's lock (waiting the usual time), then closes. */
    @Override
    public void close() {
        audit.flush();
        db.close();
    }
}
