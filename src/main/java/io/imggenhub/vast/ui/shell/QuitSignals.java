package io.imggenhub.vast.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end the window the way its Quit does. The JVM's own handling runs {@code System.exit} while the
 * GTK main loop is still running on the FX thread; libc's exit handlers then tear GTK down under it, and the FX
 * thread crashed with SIGSEGV (the hs_err log of issue 11). Here the signal only asks the window to quit: tray icon
 * removed, {@code Platform.exit()}, audit flushed; the JVM exits after the toolkit has stopped.
 */
final class QuitSignals {
    private static final Logger LOG = Logger.getLogger(QuitSignals.class.getName());
    /** If an orderly quit hangs, the process still ends, with the status a SIGTERM gives. */
    private static final long GIVE_UP_SECONDS = 20;

    static final int TERMINATED_STATUS = 143;

    private QuitSignals() {}

    /** Routes SIGTERM and SIGINT to {@code quit} (called on the signal thread, possibly more than once). */
    static void install(Runnable quit) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.fine(() -> "SIG" + name + ": quitting");
                    startBackstop();
                    quit.run();
                });
            } catch (IllegalArgumentException unavailable) {
                // e.g. -Xrs, or a platform without this signal: the JVM's default handling stays
                LOG.fine(() -> "SIG" + name + " not handled: " + unavailable.getMessage());
            }
        }
    }

    private static volatile boolean backstopStarted;

    private static synchronized void startBackstop() {
        if (backstopStarted) {
            return;
        }
        backstopStarted = true;
        Thread backstop = new Thread(
                () -> {
                    try {
                        TimeUnit.SECONDS.sleep(GIVE_UP_SECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    LOG.warning("The window did not close within " + GIVE_UP_SECONDS + " s of the signal; halting");
                    Runtime.getRuntime().halt(TERMINATED_STATUS);
                },
                "quit-backstop");
        backstop.setDaemon(true);
        backstop.start();
    }
}
