package io.imggenhub.vast.cli;

import java.io.PrintWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code -v}: the project's FINE log lines (each request's method, path, status and time) on the command's stderr
 * for as long as the command runs. Removed afterwards so in-process runs do not leak into each other.
 */
final class VerboseLogging implements AutoCloseable {
    private static final String ROOT = "io.imggenhub.vast";

    private final Logger logger;
    private final Handler handler;
    private final Level previousLevel;
    private final boolean previousUseParent;

    private VerboseLogging(PrintWriter err) {
        logger = Logger.getLogger(ROOT);
        previousLevel = logger.getLevel();
        previousUseParent = logger.getUseParentHandlers();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.print(getFormatter().format(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        long started = System.nanoTime();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                String name = record.getLoggerName();
                String shortName = name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
                // Time since the command started: where a slow command spends its time.
                double seconds = (System.nanoTime() - started) / 1e9;
                return String.format(
                        java.util.Locale.ROOT,
                        "[%7.3fs %s] %s: %s%n",
                        seconds,
                        record.getLevel().getName(),
                        shortName,
                        formatMessage(record));
            }
        });
        logger.setLevel(Level.FINE);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Logging to {@code err} when {@code verbose}; otherwise a no-op to close. */
    static AutoCloseable install(boolean verbose, PrintWriter err) {
        return verbose ? new VerboseLogging(err) : () -> {};
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
    }
}
