package io.imggenhub.vast.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * Reads and writes {@link UiSettings} as a small JSON file, by default
 * {@code ~/.config/imggenhub-vast/settings.json}.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore forEnvironment(AppEnvironment environment) {
        return new SettingsStore(
                environment.configHome().resolve("imggenhub-vast").resolve("settings.json"));
    }

    /** The saved settings; the defaults when there are none or the file cannot be read (it is never fatal). */
    public UiSettings load() {
        if (!Files.isRegularFile(file)) {
            return UiSettings.defaults();
        }
        try {
            UiSettings settings = MAPPER.readValue(file.toFile(), UiSettings.class);
            return settings == null ? UiSettings.defaults() : settings;
        } catch (IOException | RuntimeException e) {
            LOG.warning("Ignoring unreadable settings file " + file + ": " + e.getMessage());
            return UiSettings.defaults();
        }
    }

    public void save(UiSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), settings);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path file() {
        return file;
    }
}
