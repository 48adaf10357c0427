package io.imggenhub.vast.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API key the way Vast's own CLI does, first found wins: {@code --api-key}, env {@code VAST_API_KEY},
 * env {@code VAST_AI_API_KEY} (the original imggenhub name), {@code $XDG_CONFIG_HOME/vastai/vast_api_key}, then the
 * legacy {@code ~/.vast_api_key}.
 */
public final class ApiKeyResolver {
    private final Map<String, String> env;
    private final Path home;

    public ApiKeyResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static ApiKeyResolver system() {
        return new ApiKeyResolver(System.getenv(), UserDirs.home(System.getenv()));
    }

    public Optional<ApiKey> resolve(String fromFlag) {
        if (fromFlag != null) {
            return Optional.of(new ApiKey(fromFlag, "--api-key"));
        }
        for (String name : new String[] {"VAST_API_KEY", "VAST_AI_API_KEY"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ApiKey(value, "env " + name));
            }
        }
        for (Path file : new Path[] {keyFile(), home.resolve(".vast_api_key")}) {
            if (Files.isRegularFile(file)) {
                try {
                    String text = Files.readString(file).strip();
                    if (!text.isEmpty()) {
                        return Optional.of(new ApiKey(text, file.toString()));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read the API key file " + file + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** Where Vast's CLI keeps the key, and where we save it. */
    public Path keyFile() {
        return UserDirs.configHome(env, home).resolve("vastai").resolve("vast_api_key");
    }

    /** Saves the key readable by its owner only (0600), creating the file so that it is never briefly world-readable. */
    public Path save(ApiKey key) throws IOException {
        Path file = keyFile();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(
                    tmp,
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, key.reveal());
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        if (posix) {
            Files.setPosixFilePermissions(
                    file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        return file;
    }
}
