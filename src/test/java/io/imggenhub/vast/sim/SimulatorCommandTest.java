package io.imggenhub.vast.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imggenhub.vast.cli.CliContext;
import io.imggenhub.vast.cli.VastCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code imggenhub-vast simulator} run in-process through picocli. */
class SimulatorCommandTest {
    private static final Pattern FIRST_LINE =
            Pattern.compile("Vast\\.ai simulator listening on (http://127\\.0\\.0\\.1:(\\d+)) \\(api key: (\\S+)\\)");

    @Test
    void printsUrlAndKeyFirstThenServesUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = VastCli.commandLine(CliContext.system());
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(
                () -> exit.set(cli.execute(
                        "simulator",
                        "--port",
                        "0",
                        "--instances",
                        "4",
                        "--seed",
                        "5",
                        "--rate-limits",
                        "lenient",
                        "--legacy-list",
                        "ok",
                        "--fail-destroy",
                        "1:409",
                        "--destroy-204")),
                "simulator-command");
        runner.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("\n"));
            String firstLine = out.toString().lines().findFirst().orElseThrow();
            Matcher m = FIRST_LINE.matcher(firstLine);
            assertTrue(m.matches(), firstLine);
            assertTrue(Integer.parseInt(m.group(2)) > 0, "an ephemeral port was bound");
            String key = m.group(3);
            assertTrue(key.matches("[0-9a-f]{64}"), "a random 64-hex key");

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> list = client.send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v1/instances/"))
                            .header("Authorization", "Bearer " + key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());
            JsonNode body = SimHttp.JSON.readTree(list.body());
            assertEquals(4, body.get("total_instances").asInt());
            HttpResponse<String> legacy = client.send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v0/instances/?api_key=" + key))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, legacy.statusCode(), "--legacy-list ok");
            HttpResponse<String> failing = client.send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v0/instances/1/"))
                            .header("Authorization", "Bearer " + key)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(409, failing.statusCode(), "--fail-destroy 1:409");
            long id = body.get("instances").get(0).get("id").asLong();
            HttpResponse<String> destroyed = client.send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v0/instances/" + id + "/"))
                            .header("Authorization", "Bearer " + key)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, destroyed.statusCode(), "--destroy-204");
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void badOptionsExitWith2() {
        String[][] bad = {
            {"--instances", "-1"},
            {"--port", "-5"},
            {"--credit", "-3"},
            {"--time-scale", "0"},
            {"--latency-ms", "-1"},
            {"--rate-limit-rate", "1.5"},
            {"--server-error-rate", "-0.1"},
            {"--drop-rate", "2"},
            {"--malformed-rate", "NaN"},
            {"--legacy-list", "maybe"},
            {"--insufficient-credit-status", "500"},
            {"--fail-destroy", "abc"},
            {"--api-key", " "},
            {"--port", "notanumber"},
            {"--rate-limits", "strict"},
            {"--rate-limit-scale", "0"}
        };
        for (String[] options : bad) {
            StringWriter err = new StringWriter();
            CommandLine cli = VastCli.commandLine(CliContext.system());
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            String[] args = new String[options.length + 1];
            args[0] = "simulator";
            System.arraycopy(options, 0, args, 1, options.length);
            assertEquals(2, cli.execute(args), String.join(" ", options));
            assertTrue(err.toString().contains("Usage") || !err.toString().isBlank(), "explains itself");
        }
    }
}
