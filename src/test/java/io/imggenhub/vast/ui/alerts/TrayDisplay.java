package io.imggenhub.vast.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An X server with a system tray for the process tests that need a real desktop: Xvfb on a display it picks
 * itself (so tests never meet each other or a developer's own Xvfb) and trayer as the tray host. Skips the test
 * when either tool is missing, unless IMGGENHUB_REQUIRE_TRAY_TEST is set (CI sets it after installing them), which
 * makes a missing tool a failure.
 */
public final class TrayDisplay implements AutoCloseable {
    private final Process xvfb;
    private final Process trayer;
    private final String display;

    private TrayDisplay(Process xvfb, Process trayer, String display) {
        this.xvfb = xvfb;
        this.trayer = trayer;
        this.display = display;
    }

    /** Starts both, with their logs in {@code logs}; returns once Xvfb accepts connections. */
    public static TrayDisplay start(Path logs) throws Exception {
        boolean required = System.getenv("IMGGENHUB_REQUIRE_TRAY_TEST") != null;
        for (String tool : List.of("Xvfb", "trayer")) {
            if (!onPath(tool)) {
                if (required) {
                    fail(tool + " is not on PATH but IMGGENHUB_REQUIRE_TRAY_TEST is set: install xvfb and trayer");
                }
                Assumptions.abort(tool + " is not on PATH: this test needs an X server (xvfb) and a tray host"
                        + " (trayer); .ci/run installs both");
            }
        }
        // -displayfd makes Xvfb choose a free display and write its number once it accepts connections.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                .redirectError(logs.resolve("xvfb.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        assertTrue(
                number != null && number.strip().matches("\\d+"),
                "Xvfb did not report a display: " + number + " " + Files.readString(logs.resolve("xvfb.log")));
        String display = ":" + number.strip();
        ProcessBuilder tray = new ProcessBuilder(
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "pixel",
                "--width",
                "120",
                "--heighttype",
                "pixel",
                "--height",
                "24");
        tray.environment().put("DISPLAY", display);
        Process trayer = tray.redirectErrorStream(true)
                .redirectOutput(logs.resolve("trayer.log").toFile())
                .start();
        return new TrayDisplay(xvfb, trayer, display);
    }

    /** The X display name, e.g. {@code :3}. */
    public String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {trayer, xvfb}) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
