package io.imggenhub.vast.testutil;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/** A webhook receiver on loopback, port 0: records every POST and answers with the status {@code answer} picks. */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(
            String method, String path, String contentType, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final CountDownLatch arrived = new CountDownLatch(1);
    private final HttpServer server;
    private final IntUnaryOperator answer;
    private final CountDownLatch hangUntil;

    /** @param answer status for the n-th request (1-based) */
    public WebhookReceiver(IntUnaryOperator answer, CountDownLatch hangUntil) {
        this.answer = answer;
        this.hangUntil = hangUntil;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static WebhookReceiver ok() {
        return new WebhookReceiver(n -> 200, null);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            arrived.countDown();
            if (hangUntil != null) {
                try {
                    hangUntil.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.applyAsInt(received.size()), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
