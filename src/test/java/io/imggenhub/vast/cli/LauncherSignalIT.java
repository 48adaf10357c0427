package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher execs java (issue 13): the PID a service manager or {@code timeout} knows is the JVM's, so its
 * SIGTERM ends the JVM; jlink's own script left the JVM running as an orphan. It also works through a symlink,
 * as the installed {@code /usr/bin/imggenhub-vast} is one.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // runs the built launcher as processes
class LauncherSignalIT {
    @TempDir
    Path home;

    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermToTheLaunchersPidEndsTheJvm() throws Exception {
        process = start(LauncherProcess.launcher(), "simulator", "--port", "0");
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("Vast.ai simulator listening on"), String.valueOf(first));

        assertEquals(List.of(), process.descendants().toList(), "java must replace the launcher, not be its child");
        String command = process.toHandle().info().command().orElse("");
        assertTrue(command.endsWith("/java"), "the launcher's PID runs " + command);

        process.destroy(); // SIGTERM to the launcher's PID
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the JVM must end on SIGTERM to the launcher");
    }

    @Test
    void worksThroughASymlinkOnThePath() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path link = Files.createSymbolicLink(
                bin.resolve("imggenhub-vast"), LauncherProcess.launcher().toAbsolutePath());
        process = start(link, "--version");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(out.startsWith("imggenhub-vast "), out);
    }

    private Process start(Path launcher, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("VAST") || k.startsWith("JDK_JAVA_OPTIONS"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("IMGGENHUB_VAST_DATA", home.resolve("data").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }
}
