package io.imggenhub.vast.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray path on a real X server with a tray host: starts Xvfb (on a display it picks itself) and trayer, then
 * runs {@link TrayProbe} in a JVM of its own on that display (glass GTK, AWT not headless: this JVM runs Monocle
 * and headless AWT, and neither can be switched once loaded). Skipped when Xvfb or trayer is missing, unless
 * IMGGENHUB_REQUIRE_TRAY_TEST is set (CI sets it after installing them), which makes a missing tool a failure.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // starts Xvfb, a tray and the window as processes
class TrayIT {
    @TempDir
    Path tmp;

    private TrayDisplay x;
    private String display;

    @BeforeEach
    void startDisplay() throws Exception {
        x = TrayDisplay.start(tmp);
        display = x.display();
    }

    @AfterEach
    void stopDisplay() throws InterruptedException {
        if (x != null) {
            x.close();
        }
    }

    @Test
    void theTrayIconShowsBurnAndRunwayAndEveryAlertBecomesABalloon() throws Exception {
        Map<String, String> seen = probe();
        assertEquals("ok", seen.get("result"), "probe failed: " + seen);
        assertEquals(display, seen.get("display"));
        assertEquals("true", seen.get("supported"), "SystemTray.isSupported() with trayer running");
        assertEquals("1", seen.get("icons"), "our icon was added to the tray");
        assertTrue(seen.get("tooltip").matches("Burn \\$\\d+\\.\\d\\d/hr · runway .+"), seen.get("tooltip"));
        assertTrue(seen.get("alert").startsWith("HIGH_BURN|High spend|Burning $"), seen.get("alert"));
        assertEquals("false", seen.get("hiddenShowing"), "closing the window hides it");
        assertEquals("false", seen.get("implicitExit"), "the app keeps running with the window hidden");
        assertEquals("true", seen.get("reopenedShowing"), "Open in the tray menu shows it again");
        assertEquals("Open,Refresh,Destroy All…,Quit", seen.get("menu"));
        assertTrue(
                seen.get("destroyAllAsked").contains("Destroy"),
                "Destroy All from the tray asks first: " + seen.get("destroyAllAsked"));
        assertEquals("0", seen.get("destroyAllLeft"), "and then destroys everything");
        assertEquals("0", seen.get("iconsAfterClose"), "closing for real removes the icon");
    }

    private Map<String, String> probe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Djava.awt.headless=false",
                "-Dprism.order=sw",
                "-cp",
                System.getProperty("java.class.path"),
                TrayProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        Map<String, String> seen = new HashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).matches("[a-zA-Z]+")) {
                    seen.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        System.out.println("TrayProbe output:\n" + all);
        assertEquals(0, p.exitValue(), "probe exit code; output:\n" + all);
        return seen;
    }
}
