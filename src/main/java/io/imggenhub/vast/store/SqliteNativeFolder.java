package io.imggenhub.vast.store;

import io.imggenhub.vast.config.UserDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * sqlite-jdbc unpacks its native library into {@code java.io.tmpdir} and, on start, deletes other processes' old
 * copies there; another user's copy cannot be deleted, and it prints a SEVERE stack trace into our output. A
 * private folder ({@code $XDG_CACHE_HOME/imggenhub-vast/sqlite-native}, 0700) holds only our own copies, which it
 * can clean. A folder the user set ({@code -Dorg.sqlite.tmpdir}) is left alone.
 */
final class SqliteNativeFolder {
    static final String PROPERTY = "org.sqlite.tmpdir";
    private static final Logger LOG = Logger.getLogger(SqliteNativeFolder.class.getName());

    private SqliteNativeFolder() {}

    /** Idempotent; must run before the first connection loads the driver's native code. */
    static synchronized void usePrivate() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path home = UserDirs.home(System.getenv());
        Path folder = UserDirs.cacheHome(System.getenv(), home)
                .resolve("imggenhub-vast")
                .resolve("sqlite-native");
        try {
            System.setProperty(
                    PROPERTY, PrivateFiles.folder(folder).toAbsolutePath().toString());
        } catch (IOException | SecurityException e) {
            LOG.fine(() ->
                    "Cannot make " + folder + " (" + e.getMessage() + "); sqlite-jdbc uses the shared temp folder");
        }
    }
}
