package io.imggenhub.vast.core.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends notices to webhooks as HTTP POSTs. {@link #send} only queues: each target has its own sender thread, so a
 * slow or hanging endpoint delays nothing else, least of all a destroy. A failed POST (an exception, a timeout, a
 * non-2xx answer) is tried again with backoff; when every try fails, {@code problems} hears about it once, and
 * again only after that target has worked in between. The API key is masked out of every notice, and no
 * credential header is ever sent.
 */
public final class WebhookNotifier implements AutoCloseable {

    /**
     * @param attempts tries per notice (1 = no retry)
     * @param first    pause after the first failure; each later pause doubles
     * @param timeout  the longest one POST may take (a hanging endpoint)
     */
    public record Backoff(int attempts, Duration first, Duration timeout) {
        public static final Backoff DEFAULT = new Backoff(4, Duration.ofSeconds(2), Duration.ofSeconds(10));

        public Backoff {
            if (attempts < 1 || first.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a backoff needs at least one attempt and a positive timeout");
            }
        }

        Duration pauseAfter(int attempt) {
            return first.multipliedBy(1L << Math.min(attempt - 1, 10));
        }
    }

    private final List<Sender> senders = new ArrayList<>();
    private final String secret;

    /**
     * @param secret   masked out of every notice (the API key); null for none
     * @param problems hears, once per failing stretch, that a target could not be reached
     */
    public WebhookNotifier(List<NotifyTarget> targets, Backoff backoff, String secret, Consumer<String> problems) {
        this.secret = secret;
        if (targets.isEmpty()) {
            // No client without a target: building one reads the whole trust store, which was a third of the time
            // the window spent building its views before the first frame, and most people set no webhook.
            return;
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(backoff.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (NotifyTarget t : targets) {
            senders.add(new Sender(t, http, backoff, Objects.requireNonNull(problems, "problems")));
        }
    }

    public List<NotifyTarget> targets() {
        return senders.stream().map(s -> s.target).toList();
    }

    public boolean isEmpty() {
        return senders.isEmpty();
    }

    /** Queues the notice for every target and returns at once. */
    public void send(Notice notice) {
        Notice clean = notice.without(secret);
        for (Sender s : senders) {
            s.queue(clean);
        }
    }

    /** Stops the senders; notices still queued or being retried are dropped. */
    @Override
    public void close() {
        senders.forEach(s -> s.executor.shutdownNow());
    }

    /** Waits (tests, and a one-shot {@code watch --once}) until every queued notice was sent or given up. */
    public boolean drain(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (Sender s : senders) {
            s.executor.shutdown();
            if (!s.executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private static final class Sender {
        final NotifyTarget target;
        final HttpClient http;
        final Backoff backoff;
        final Consumer<String> problems;
        final ExecutorService executor;
        /** Touched only on the sender's own thread. */
        boolean reported;

        Sender(NotifyTarget target, HttpClient http, Backoff backoff, Consumer<String> problems) {
            this.target = target;
            this.http = http;
            this.backoff = backoff;
            this.problems = problems;
            this.executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "notify " + target.url().getHost());
                t.setDaemon(true);
                return t;
            });
        }

        void queue(Notice notice) {
            try {
                executor.execute(() -> deliver(notice));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closed: nothing more is sent
            }
        }

        private void deliver(Notice notice) {
            NotifyFormat.Payload payload = target.format().payload(notice);
            String last = null;
            for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
                try {
                    int status = post(payload);
                    if (status / 100 == 2) {
                        if (reported) {
                            reported = false;
                            problems.accept("Notifications to " + target.shown() + " are delivered again.");
                        }
                        return;
                    }
                    last = "HTTP " + status;
                } catch (IOException e) {
                    // The message may quote the URL, whose path is the webhook's secret.
                    last = e.getClass().getSimpleName()
                            + (e.getMessage() == null
                                    ? ""
                                    : ": " + e.getMessage().replace(target.url().toString(), target.shown()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (attempt < backoff.attempts()) {
                    try {
                        Thread.sleep(backoff.pauseAfter(attempt).toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!reported) {
                reported = true;
                problems.accept("Notifications to " + target.shown() + " fail (" + last + " after " + backoff.attempts()
                        + " tries); later failures are not reported again.");
            }
        }

        private int post(NotifyFormat.Payload payload) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                    .timeout(backoff.timeout())
                    .header("Content-Type", payload.contentType())
                    .header("User-Agent", "imggenhub-vast")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()));
            for (Map.Entry<String, String> h : payload.headers().entrySet()) {
                request.header(h.getKey(), h.getValue());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
