package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.imggenhub.vast.api.ClientSettings;
import io.imggenhub.vast.api.VastClient;
import io.imggenhub.vast.config.ApiKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's exit does not wait for the HTTP client's selector thread: the JDK behaves as
 * {@link VastCli#stopHttpSelectorThreads()} assumes (its selector loop ends when interrupted).
 */
class ExitTest extends SimTest {

    private static List<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .filter(Thread::isAlive)
                .toList();
    }

    @Test
    void theHttpSelectorThreadEndsWhenAsked() throws Exception {
        start();
        VastClient client = new VastClient(ClientSettings.of(sim.baseUrl(), new ApiKey(sim.apiKey(), "test")));
        assertEquals(3, client.listInstances().size());
        List<Thread> before = selectorThreads();
        assertFalse(before.isEmpty(), "the client runs a selector thread");

        VastCli.stopHttpSelectorThreads();

        for (Thread t : before) {
            t.join(2_000);
        }
        assertEquals(List.of(), before.stream().filter(Thread::isAlive).toList());
    }
}
