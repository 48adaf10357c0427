package io.imggenhub.vast.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Start at login" is an XDG autostart entry, written and removed by the Settings option (issue 13). */
class LoginAutostartTest {
    @TempDir
    Path home;

    @Test
    void theEntryGoesToXdgConfigHomeAndIsRemovedAgain() throws Exception {
        Path xdg = home.resolve("xdg");
        LoginAutostart autostart =
                LoginAutostart.forEnvironment(new AppEnvironment(Map.of("XDG_CONFIG_HOME", xdg.toString()), home));
        assertEquals(xdg.resolve("autostart/imggenhub-vast.desktop"), autostart.file());
        assertFalse(autostart.enabled(), "off by default");

        autostart.set(true);
        assertTrue(autostart.enabled());
        String entry = Files.readString(autostart.file());
        assertTrue(entry.startsWith("[Desktop Entry]\n"), entry);
        assertTrue(entry.contains("\nType=Application\n"), entry);
        assertTrue(entry.contains("\nExec=\""), entry);
        try (var files = Files.list(autostart.file().getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }

        autostart.set(false);
        assertFalse(autostart.enabled());
        autostart.set(false); // already off: nothing to do, no error
    }

    @Test
    void withoutXdgConfigHomeItIsUnderDotConfig() {
        LoginAutostart autostart = LoginAutostart.forEnvironment(new AppEnvironment(Map.of(), home));
        assertEquals(home.resolve(".config/autostart/imggenhub-vast.desktop"), autostart.file());
    }

    @Test
    void theCommandIsThisInstallationsLauncher() throws Exception {
        assertEquals(
                "/opt/imggenhub-vast/bin/imggenhub-vast",
                LoginAutostart.launcher("/opt/imggenhub-vast/bin/imggenhub-vast", Optional.of("/usr/bin/java")));
        Path bin = Files.createDirectories(home.resolve("image/bin"));
        Path script = Files.createFile(bin.resolve("imggenhub-vast"));
        script.toFile().setExecutable(true);
        assertEquals(
                script.toString(),
                LoginAutostart.launcher(null, Optional.of(bin.resolve("java").toString())));
        assertEquals("imggenhub-vast", LoginAutostart.launcher(null, Optional.of("/usr/lib/jvm/x/bin/java")));
        assertEquals("imggenhub-vast", LoginAutostart.launcher(null, Optional.empty()));
    }

    @Test
    void pathsWithSpacesAndSpecialCharactersAreQuotedForTheExecKey() {
        String entry =
                new LoginAutostart(home.resolve("a.desktop"), "/home/me/My Apps/100%/imggenhub-vast").desktopEntry();
        assertTrue(entry.contains("\nExec=\"/home/me/My Apps/100%%/imggenhub-vast\"\n"), entry);
        assertEquals("\"/a/\\\\$b\"", LoginAutostart.quote("/a/$b"));
    }
}
