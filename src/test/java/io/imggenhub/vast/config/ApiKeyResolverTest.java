package io.imggenhub.vast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyResolverTest {
    @TempDir
    Path home;

    @Test
    void orderIsFlagThenVastEnvThenOriginalEnvThenXdgFileThenLegacyFile() throws Exception {
        Files.writeString(home.resolve(".vast_api_key"), "legacy-key-000000\n");
        var resolver = new ApiKeyResolver(Map.of(), home);
        assertEquals("legacy-key-000000", resolver.resolve(null).orElseThrow().reveal());

        Path xdg = home.resolve(".config/vastai/vast_api_key");
        Files.createDirectories(xdg.getParent());
        Files.writeString(xdg, "  xdg-key-1111111  ");
        assertEquals("xdg-key-1111111", resolver.resolve(null).orElseThrow().reveal());

        var withOriginal = new ApiKeyResolver(Map.of("VAST_AI_API_KEY", "orig-key-2222222"), home);
        assertEquals(
                "orig-key-2222222", withOriginal.resolve(null).orElseThrow().reveal());

        var withBoth = new ApiKeyResolver(
                Map.of("VAST_AI_API_KEY", "orig-key-2222222", "VAST_API_KEY", "vast-key-3333333"), home);
        assertEquals("vast-key-3333333", withBoth.resolve(null).orElseThrow().reveal());
        assertEquals(
                "flag-key-4444444",
                withBoth.resolve("flag-key-4444444").orElseThrow().reveal());
    }

    @Test
    void xdgConfigHomeIsHonoured() throws Exception {
        Path config = home.resolve("elsewhere");
        var resolver = new ApiKeyResolver(Map.of("XDG_CONFIG_HOME", config.toString()), home);
        assertEquals(config.resolve("vastai/vast_api_key"), resolver.keyFile());
    }

    @Test
    void noKeyAnywhereIsEmpty() {
        assertTrue(new ApiKeyResolver(Map.of(), home).resolve(null).isEmpty());
    }

    @Test
    void savedKeyIsOwnerOnlyAndReadBack() throws Exception {
        var resolver = new ApiKeyResolver(Map.of(), home);
        Path file = resolver.save(new ApiKey("abcdef0123456789", "test"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("abcdef0123456789", resolver.resolve(null).orElseThrow().reveal());
    }

    @Test
    void keyNeverShowsInToString() {
        ApiKey key = new ApiKey("supersecretvalue1234", "env VAST_API_KEY");
        assertFalse(key.toString().contains("supersecret"), key.toString());
        assertTrue(key.toString().contains("1234"));
    }

    @Test
    void blankOrSpacedKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ApiKey("   ", "--api-key"));
        assertThrows(IllegalArgumentException.class, () -> new ApiKey("two words", "--api-key"));
    }
}
