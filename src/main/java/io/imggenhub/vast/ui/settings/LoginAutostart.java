package io.imggenhub.vast.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * "Start at login": a desktop entry in {@code $XDG_CONFIG_HOME/autostart} (XDG Autostart, honoured by GNOME, KDE,
 * Xfce, LXQt...). The file itself is the setting, so removing it by hand turns it off too, and nothing about it is
 * kept in settings.json.
 */
public final class LoginAutostart {
    static final String FILE_NAME = "imggenhub-vast.desktop";

    private final Path file;
    private final String launcher;

    LoginAutostart(Path file, String launcher) {
        this.file = file;
        this.launcher = launcher;
    }

    /** For this process: its own launcher, in the environment's config folder. */
    public static LoginAutostart forEnvironment(AppEnvironment environment) {
        return new LoginAutostart(
                environment.configHome().resolve("autostart").resolve(FILE_NAME),
                launcher(
                        System.getProperty("jpackage.app-path"),
                        ProcessHandle.current().info().command()));
    }

    /**
     * The command that starts this app: the installer's native launcher says where it is; the runtime image's
     * script execs {@code bin/java}, next to which it lives; anything else (a development run) falls back to the
     * command on the PATH.
     */
    static String launcher(String jpackageAppPath, Optional<String> processCommand) {
        if (jpackageAppPath != null && !jpackageAppPath.isBlank()) {
            return jpackageAppPath;
        }
        return processCommand
                .map(Path::of)
                .filter(java -> java.getFileName() != null
                        && java.getFileName().toString().equals("java"))
                .map(java -> java.resolveSibling("imggenhub-vast"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse("imggenhub-vast");
    }

    public Path file() {
        return file;
    }

    public boolean enabled() {
        return Files.isRegularFile(file);
    }

    /** Writes or removes the entry (file I/O: not on the FX thread). */
    public void set(boolean enable) throws IOException {
        if (!enable) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, desktopEntry(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    String desktopEntry() {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=imggenhub-vast\n"
                + "Comment=Vast.ai GPU cost monitor: burn, runway and alerts\n"
                + "Exec=" + quote(launcher) + "\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /** The Exec key's quoting (Desktop Entry Specification, "The Exec key"), for paths with spaces and the like. */
    static String quote(String path) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
        // The spec then escapes each backslash once more, as in every string value of a desktop entry.
        return b.toString().replace("\\", "\\\\").replace("%", "%%");
    }
}
