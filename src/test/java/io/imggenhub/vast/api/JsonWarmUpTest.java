package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The CLI starts Jackson on a daemon thread while it parses its arguments (docs/benchmarks.md, start-up): that thread
 * must end by itself, never hold the JVM open, and leave the mapper reading the API's rows as before.
 */
class JsonWarmUpTest {
    @Test
    void theWarmUpEndsOnADaemonThreadAndTheMapperStillReadsRows() throws Exception {
        Thread warmUp = Json.warmUpInBackground();
        assertTrue(warmUp.isDaemon(), "a warm-up must never keep a finished command's JVM alive");
        assertEquals("json-warm-up", warmUp.getName());
        warmUp.join(30_000);
        assertFalse(warmUp.isAlive(), "the warm-up ends by itself");

        // A row as vast-api.md §3.1 lists it (snake_case names, the capitalised SSH fields).
        Instance row = Json.mapper()
                .readValue(
                        "{\"id\": 42, \"gpu_name\": \"RTX 4090\", \"num_gpus\": 1, \"dph_total\": 0.4,"
                                + " \"actual_status\": \"running\"}",
                        Instance.class);
        assertEquals(42, row.id());
        assertEquals("RTX 4090", row.gpuName());
        assertEquals(0.4, row.dphTotal(), 1e-9);
    }
}
