package io.imggenhub.vast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerUrlTest {

    @Test
    void defaultIsVastConsoleOverHttps() {
        assertEquals(URI.create("https://console.vast.ai"), ServerResolver.resolve(null, Map.of()));
    }

    @Test
    void flagWinsOverEnvironment() {
        URI uri = ServerResolver.resolve("http://127.0.0.1:8080", Map.of("VAST_URL", "https://cloud.vast.ai"));
        assertEquals(URI.create("http://127.0.0.1:8080"), uri);
        assertEquals(
                URI.create("https://cloud.vast.ai"),
                ServerResolver.resolve(null, Map.of("VAST_URL", "https://cloud.vast.ai")));
    }

    @Test
    void plainHttpIsRefusedForAnythingButLoopback() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("http://console.vast.ai"));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("http://10.0.0.5:8080"));
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("http://127.0.0.1.example.com"));
        assertEquals(URI.create("http://localhost:1234"), ServerUrl.parse("http://localhost:1234"));
        assertEquals(URI.create("http://[::1]:1234"), ServerUrl.parse("http://[::1]:1234"));
    }

    @Test
    void oldStyleApiBaseIsTrimmedToTheServer() {
        assertEquals(URI.create("https://console.vast.ai"), ServerUrl.parse("https://console.vast.ai/api/v0/"));
    }

    @Test
    void garbageAndCredentialsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("console.vast.ai"));
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("ftp://console.vast.ai"));
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("https://console.vast.ai/?api_key=x"));
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(" "));
    }
}
