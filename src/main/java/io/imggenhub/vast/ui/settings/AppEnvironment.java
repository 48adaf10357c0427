package io.imggenhub.vast.ui.settings;

import io.imggenhub.vast.config.ApiKeyResolver;
import io.imggenhub.vast.config.UserDirs;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables and home directory the window reads its key, server and settings from. Tests pass a
 * temporary home so that nothing touches the real configuration.
 */
public record AppEnvironment(Map<String, String> env, Path home) {

    public AppEnvironment {
        env = Map.copyOf(env);
    }

    public static AppEnvironment system() {
        return new AppEnvironment(System.getenv(), UserDirs.home(System.getenv()));
    }

    public ApiKeyResolver keys() {
        return new ApiKeyResolver(env, home);
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public Path configHome() {
        return UserDirs.configHome(env, home);
    }

    public Optional<String> vastUrl() {
        String url = env.get("VAST_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }
}
