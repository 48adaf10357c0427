package io.imggenhub.vast.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny loopback HTTP server for what the simulator must never do (redirect elsewhere): it answers with
 * {@code answer} and records the method, path, {@code Authorization} header and body of every request.
 */
public final class FakeServer implements AutoCloseable {
    public record Seen(String method, String path, String authorization, String body) {}

    public record Answer(int status, String location, String body) {
        public static Answer redirect(int status, String location) {
            return new Answer(status, location, "");
        }

        public static Answer json(String body) {
            return new Answer(200, null, body);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private FakeServer(Function<Seen, Answer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> reply(exchange, answer));
        server.start();
    }

    public static FakeServer answering(Function<Seen, Answer> answer) {
        return new FakeServer(answer);
    }

    private void reply(HttpExchange exchange, Function<Seen, Answer> answer) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
        seen.add(request);
        Answer a = answer.apply(request);
        if (a.location() != null) {
            exchange.getResponseHeaders().add("Location", a.location());
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
