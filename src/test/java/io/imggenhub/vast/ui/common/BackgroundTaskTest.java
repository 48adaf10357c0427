package io.imggenhub.vast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The builder's contract, on the same-thread runner: typed error routing, andFinally last, progress unbound after. */
class BackgroundTaskTest {
    private final TaskRunner runner = TaskRunner.sameThread();
    private final List<String> seen = new ArrayList<>();

    @Test
    void theFirstMatchingErrorRouteWinsAndAndFinallyRunsLast() {
        runner.task(p -> {
                    throw new UncheckedIOException(new IOException("disk"));
                })
                .onSuccess(v -> seen.add("success"))
                .onError(IllegalStateException.class, e -> seen.add("state"))
                .onError(
                        UncheckedIOException.class,
                        e -> seen.add("io " + e.getCause().getMessage()))
                .onError(e -> seen.add("any"))
                .andFinally(() -> seen.add("finally"))
                .start();

        assertEquals(List.of("io disk", "finally"), seen);
    }

    @Test
    void anUnroutedErrorStillRunsAndFinally() {
        runner.task(p -> {
                    throw new IllegalArgumentException("nobody routes this");
                })
                .onError(IllegalStateException.class, e -> seen.add("state"))
                .andFinally(() -> seen.add("finally"))
                .start();

        assertEquals(List.of("finally"), seen);
    }

    @Test
    void progressAndMessageAreBoundWhileItRunsAndFreeAfterwards() {
        SimpleDoubleProperty progress = new SimpleDoubleProperty();
        SimpleStringProperty message = new SimpleStringProperty();

        runner.task(p -> {
                    p.update(1, 4);
                    p.message("a quarter");
                    seen.add(progress.get() + " " + message.get() + " " + progress.isBound());
                    return 42;
                })
                .progressTo(progress)
                .messageTo(message)
                .onSuccess(v -> seen.add("got " + v + " " + progress.isBound()))
                .start();

        assertEquals(List.of("0.25 a quarter true", "got 42 false"), seen);
        assertFalse(message.isBound());
    }
}
