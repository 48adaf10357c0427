package io.imggenhub.vast.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path home;

    @Test
    void settingsRoundTripUnderTheXdgConfigDirectory() throws Exception {
        AppEnvironment env =
                new AppEnvironment(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()), home);
        SettingsStore store = SettingsStore.forEnvironment(env);
        assertEquals(home.resolve("xdg/imggenhub-vast/settings.json"), store.file());
        assertEquals(UiSettings.defaults(), store.load(), "no file yet: the defaults");

        UiSettings saved = UiSettings.defaults()
                .withPollSeconds(12)
                .withTheme(Theme.DARK)
                .withThresholds(3, 7.5, 2)
                .withServerUrl("http://127.0.0.1:8080")
                .withNotifyUrls(java.util.List.of("https://ntfy.sh/my-gpus"))
                .withWindow(new UiSettings.WindowBounds(10, 20, 1000, 700, false));
        store.save(saved);
        assertEquals(saved, store.load());
        String json = Files.readString(store.file());
        assertFalse(json.toLowerCase().contains("key"), "the API key is never stored here: " + json);
    }

    @Test
    void aBrokenFileFallsBackToTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(home.resolve("settings.json"));
        Files.writeString(store.file(), "{ not json");
        assertEquals(UiSettings.defaults(), store.load());
    }

    @Test
    void missingOrSillyValuesBecomeDefaults() throws Exception {
        SettingsStore store = new SettingsStore(home.resolve("settings.json"));
        Files.writeString(store.file(), "{\"pollSeconds\": 0, \"theme\": \"DARK\", \"somethingNew\": true}");
        UiSettings loaded = store.load();
        assertEquals(UiSettings.DEFAULT_POLL_SECONDS, loaded.pollSeconds());
        assertEquals(Theme.DARK, loaded.theme());
        assertTrue(loaded.lowRunwayHours() > 0);
    }
}
