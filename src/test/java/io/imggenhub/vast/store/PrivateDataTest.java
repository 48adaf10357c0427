package io.imggenhub.vast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 item 6: the history holds the account's instances, spend and destroys, so only its owner reads it. */
class PrivateDataTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewHistoryIsCreated0600InA0700Folder() throws Exception {
        Path file = tmp.resolve("share").resolve("imggenhub-vast").resolve("history.db");

        try (LocalData data = LocalData.open(file)) {
            data.audit()
                    .record(new io.imggenhub.vast.core.AuditEvent(
                            Instant.now(),
                            "destroy",
                            "user",
                            io.imggenhub.vast.core.AuditEvent.Phase.INTENT,
                            List.of(1L),
                            "x"));
            assertEquals("rw-------", mode(file));
            assertEquals("rwx------", mode(file.getParent()));
            for (String side : new String[] {"-wal", "-shm"}) {
                Path p = file.resolveSibling("history.db" + side);
                if (Files.exists(p)) {
                    assertEquals("rw-------", mode(p), side);
                }
            }
        }
    }

    @Test
    void anExistingWorldReadableHistoryIsTightened() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("imggenhub-vast"));
        Path file = folder.resolve("history.db");
        LocalData.open(file).close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LocalData.open(file).close();

        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(folder));
    }
}
