package io.imggenhub.vast.ui.shell;

import javafx.application.Platform;

/**
 * Measures launch → first painted table for the window benchmark. Silent unless started with
 * {@code -Dimggenhub.startupProbe=true}; {@code -Dimggenhub.startupProbe.exit=true} then quits after reporting.
 */
final class StartupProbe {
    private static volatile long mainNanos;
    private static volatile boolean reported;
    private static final StringBuffer MARKS = new StringBuffer();

    private StartupProbe() {}

    static void mainStarted() {
        mainNanos = System.nanoTime();
    }

    /** Notes how far startup got, for the report (cheap; kept only when the probe is on). */
    static void mark(String what) {
        if (enabled() && mainNanos != 0) {
            long millis = (System.nanoTime() - mainNanos) / 1_000_000;
            MARKS.append(", ").append(what).append(" +").append(millis).append(" ms");
        }
    }

    static boolean enabled() {
        return Boolean.getBoolean("imggenhub.startupProbe");
    }

    /** The tray icon is up: process tests wait for this before they send a signal to a window with a live tray. */
    static void trayIconAdded() {
        if (enabled()) {
            System.err.println("startup-probe: tray icon added");
        }
    }

    /** Called on the FX thread in the first pulse after the first rows were laid out. */
    static void firstTablePainted(int rows) {
        if (reported || !enabled()) {
            return;
        }
        reported = true;
        long sinceMain = mainNanos == 0 ? -1 : (System.nanoTime() - mainNanos) / 1_000_000;
        // The wall clock, for the benchmark to subtract its own launch time from: the kernel's process start time
        // (ProcessHandle.Info.startInstant) counts from a boot time rounded to the second, and was 0.65 s early here.
        long paintedAt = System.currentTimeMillis();
        System.err.println("startup-probe: first table with " + io.imggenhub.vast.core.Formats.count(rows, "row")
                + " painted at epoch ms " + paintedAt + ", " + sinceMain + " ms after main()" + MARKS);
        if (Boolean.getBoolean("imggenhub.startupProbe.exit")) {
            Platform.exit();
        }
    }
}
