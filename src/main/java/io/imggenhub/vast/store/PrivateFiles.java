package io.imggenhub.vast.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The history database holds the account's instances, labels, spend and every destroy: owner-only, 0600 files in a
 * 0700 folder. Files made by older versions (0644 in 0755) are tightened when opened. SQLite gives its {@code -wal}
 * and {@code -shm} files the mode of the database file, so creating that one 0600 covers them too.
 */
final class PrivateFiles {
    private static final Logger LOG = Logger.getLogger(PrivateFiles.class.getName());
    static final Set<PosixFilePermission> FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> FOLDER = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final String[] SQLITE_SIDE_FILES = {"-wal", "-shm", "-journal"};

    private PrivateFiles() {}

    /** Creates {@code file}'s folder (0700) and the empty file (0600) if missing; tightens them if they exist. */
    static void prepare(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            Files.createDirectories(folder);
            return;
        }
        folder(folder);
        if (!Files.exists(absolute)) {
            try {
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first; tightened below
            }
        }
        tighten(absolute, FILE);
        for (String suffix : SQLITE_SIDE_FILES) {
            Path side = absolute.resolveSibling(absolute.getFileName() + suffix);
            if (Files.exists(side)) {
                tighten(side, FILE);
            }
        }
    }

    /** Creates {@code folder} owner-only (0700), or tightens it if it exists. */
    static Path folder(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(folder);
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.toAbsolutePath().getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first; tightened below
            }
        }
        tighten(folder, FOLDER);
        return folder;
    }

    /** A file we cannot chmod (another owner) still opens; the warning says why it is not private. */
    private static void tighten(Path path, Set<PosixFilePermission> mode) {
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning(() -> "Cannot make " + path + " private (" + e.getMessage() + ")");
        }
    }
}
