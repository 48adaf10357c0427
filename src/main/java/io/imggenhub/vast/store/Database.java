package io.imggenhub.vast.store;

import io.imggenhub.vast.config.UserDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The local SQLite file that keeps spend history and the audit log. WAL mode: a reader (the window's chart) never
 * blocks the poller, and a process killed mid-write loses nothing that was committed. The schema version lives in
 * {@code PRAGMA user_version}; each migration runs once, in order.
 */
public final class Database implements AutoCloseable {
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE snapshot (
                id INTEGER PRIMARY KEY,
                at_ms INTEGER NOT NULL,
                credit REAL,
                burn_per_hour REAL NOT NULL,
                instance_count INTEGER NOT NULL,
                resolution TEXT NOT NULL DEFAULT 'raw'
            );
            CREATE INDEX snapshot_at ON snapshot(at_ms);
            CREATE TABLE snapshot_instance (
                snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
                instance_id INTEGER NOT NULL,
                gpu TEXT,
                label TEXT,
                status TEXT,
                rate_per_hour REAL NOT NULL
            );
            CREATE INDEX snapshot_instance_snapshot ON snapshot_instance(snapshot_id);
            CREATE INDEX snapshot_instance_id ON snapshot_instance(instance_id);
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at_ms INTEGER NOT NULL,
                action TEXT NOT NULL,
                reason TEXT NOT NULL,
                phase TEXT NOT NULL,
                instance_ids TEXT NOT NULL,
                detail TEXT
            );
            CREATE INDEX audit_at ON audit(at_ms);
            """,
            // 2: guards, shared by the window, the CLI and watch; scoped by server so a simulator's ids never
            // meet a real account's.
            """
            CREATE TABLE instance_guard (
                server TEXT NOT NULL,
                instance_id INTEGER NOT NULL,
                max_lifetime_ms INTEGER,
                idle_below_pct REAL,
                idle_for_ms INTEGER,
                max_hourly REAL,
                kept_until_ms INTEGER,
                set_at_ms INTEGER NOT NULL,
                PRIMARY KEY (server, instance_id)
            );
            CREATE TABLE account_guard (
                server TEXT PRIMARY KEY,
                daily_cap REAL,
                monthly_cap REAL,
                credit_floor REAL,
                destroy_on_breach INTEGER NOT NULL DEFAULT 0,
                kept_until_ms INTEGER
            );
            """);

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Where history lives unless overridden: {@code $XDG_DATA_HOME/imggenhub-vast/history.db}. */
    public static Path defaultFile(Map<String, String> env, Path home) {
        String override = env.get("IMGGENHUB_VAST_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("history.db");
        }
        return UserDirs.dataHome(env, home).resolve("imggenhub-vast").resolve("history.db");
    }

    public static Database open(Path file) {
        SqliteNativeFolder.usePrivate();
        try {
            PrivateFiles.prepare(file);
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot create the history database " + file + " or its folder: " + e.getMessage(), e);
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                // Wait for a lock held by another imggenhub-vast process instead of failing at once.
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Database db = new Database(file, connection);
            db.migrate();
            return db;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(explain(file, e), e);
        }
    }

    public static Database inMemory() {
        SqliteNativeFolder.usePrivate();
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
            Database db = new Database(Path.of(":memory:"), connection);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new StoreException("Cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the database was written by a newer imggenhub-vast (schema " + version + ")");
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(i).split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + (i + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    /** Runs {@code work} on the one connection; SQLite connections are not for concurrent use. */
    public synchronized <T> T with(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(explain(file, e), e);
        }
    }

    /**
     * As {@link #with}, but waits at most {@code busyMillis} for another program's lock instead of the usual 5 s:
     * for writes that must never hold up what the user asked for (the audit of a destroy).
     */
    public synchronized <T> T withBusyTimeout(int busyMillis, SqlWork<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyMillis);
        } catch (SQLException e) {
            throw new StoreException(explain(file, e), e);
        }
        try {
            return with(work);
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
            } catch (SQLException ignored) {
                // the next statement reports a broken connection itself
            }
        }
    }

    /** Whether this failure is another program's lock (SQLITE_BUSY / locked), which passes. */
    public static boolean isLocked(StoreException e) {
        String msg = String.valueOf(
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return msg.contains("SQLITE_BUSY") || msg.contains("database is locked") || msg.contains("SQLITE_LOCKED");
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    static String explain(Path file, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("SQLITE_NOTADB")
                || msg.contains("not a database")
                || msg.contains("SQLITE_CORRUPT")
                || msg.contains("malformed")) {
            return "The history database " + file + " is damaged or not a database. Move it aside (it will be "
                    + "created anew) or point IMGGENHUB_VAST_DATA elsewhere.";
        }
        if (msg.contains("SQLITE_BUSY") || msg.contains("database is locked")) {
            return "The history database " + file + " is locked by another program; close other imggenhub-vast "
                    + "windows or watchers and try again.";
        }
        if (msg.contains("SQLITE_READONLY") || msg.contains("readonly")) {
            return "The history database " + file + " cannot be written (read-only file or folder).";
        }
        return "History database " + file + ": " + msg;
    }
}
