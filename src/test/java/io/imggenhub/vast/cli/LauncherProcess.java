package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The built launcher started as a separate process, with a clean environment and its own data folder. */
final class LauncherProcess {
    final Process process;
    final CompletableFuture<String> out;
    final CompletableFuture<String> err;

    private LauncherProcess(Process process) {
        this.process = process;
        this.out = read(process.getInputStream());
        this.err = read(process.getErrorStream());
    }

    static Path launcher() {
        String path = System.getProperty("imggenhub.launcher");
        assertTrue(
                path != null && Files.isExecutable(Path.of(path)),
                "build the image first (mvn package); imggenhub.launcher=" + path);
        return Path.of(path);
    }

    static LauncherProcess start(Path home, Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet()
                .removeIf(k -> k.startsWith("VAST") || k.startsWith("JDK_JAVA_OPTIONS") || k.startsWith("IMGGENHUB"));
        env.put("HOME", home.toString());
        env.put("IMGGENHUB_VAST_DATA", data.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        return new LauncherProcess(p);
    }

    /** The JVM: the launcher itself, as it execs java (and any child, should a launcher fork one). */
    List<ProcessHandle> javaProcesses() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    /** SIGKILL to the JVM and the script: no shutdown hook, no finally block runs. */
    void kill9() {
        javaProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM to the JVM: its shutdown hooks run. */
    void terminateJvm() {
        List<ProcessHandle> children = process.descendants().toList();
        (children.isEmpty() ? List.of(process.toHandle()) : children).forEach(ProcessHandle::destroy);
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
