package io.imggenhub.vast.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home, config and data folders as Vast's CLI finds them (vast-api.md §2): {@code $HOME} first, as Python's
 * {@code os.path.expanduser} does, and the XDG variables on top. Java's {@code user.home} is the passwd entry, which
 * ignores a changed {@code HOME} and would write into the real home of a user who asked for another one.
 */
public final class UserDirs {
    private UserDirs() {}

    /** {@code $HOME} when set, else {@code user.home}. */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public static Path configHome(Map<String, String> env, Path home) {
        return xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
    }

    /** {@code $XDG_DATA_HOME}, else {@code ~/.local/share}. */
    public static Path dataHome(Map<String, String> env, Path home) {
        return xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
    }

    /** {@code $XDG_CACHE_HOME}, else {@code ~/.cache}. */
    public static Path cacheHome(Map<String, String> env, Path home) {
        return xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
    }

    /** The XDG spec says a relative value is invalid and is ignored. */
    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
