package io.imggenhub.vast.cli;

import io.imggenhub.vast.sim.RateLimits;
import io.imggenhub.vast.sim.SimFaults;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code imggenhub-vast simulator}: serves the Vast.ai simulator on loopback until the process is killed. The
 * first stdout line gives the base URL and key, so scripts can start it and read where to point a client.
 */
@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        description = {
            "Run the bundled Vast.ai simulator on 127.0.0.1 until killed.",
            "The first line on stdout is: Vast.ai simulator listening on URL (api key: KEY)"
        })
public final class SimulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 0;

    @Option(
            names = "--instances",
            paramLabel = "N",
            description = "Running instances at start (default: ${DEFAULT-VALUE}).")
    int instances = 3;

    @Option(names = "--credit", paramLabel = "USD", description = "Starting credit in USD (default: ${DEFAULT-VALUE}).")
    double credit = 25.0;

    @Option(
            names = "--time-scale",
            paramLabel = "X",
            description =
                    "Simulated seconds per real second; 60 makes an hour of billing pass in a minute (default: ${DEFAULT-VALUE}).")
    double timeScale = 1.0;

    @Option(names = "--api-key", paramLabel = "KEY", description = "The key to accept (default: a random 64-hex key).")
    String apiKey;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the offers, fleet and fault dice (default: ${DEFAULT-VALUE}).")
    long seed = 42L;

    @Option(
            names = "--latency-ms",
            paramLabel = "N",
            description = "Added to every request (default: ${DEFAULT-VALUE}).")
    long latencyMs = 0;

    @Option(
            names = "--rate-limits",
            paramLabel = "documented|lenient|off",
            description = {
                "Vast's per-endpoint limits (list 1 s, show 2 s, destroy 3 s, bulk destroy 3 s, rent 4.5 s"
                        + " + 12 s penalty, manage 1 s, offer search 10/min): documented = per key and endpoint, as Vast"
                        + " enforces them; lenient = each URL on its own; off (default: ${DEFAULT-VALUE})."
            })
    String rateLimits = "documented";

    @Option(
            names = "--rate-limit-scale",
            paramLabel = "X",
            description =
                    "Multiply every limit's interval by X, e.g. 0.1 for quick experiments (default: ${DEFAULT-VALUE}).")
    double rateLimitScale = 1.0;

    @Option(names = "--rate-limit-rate", paramLabel = "P", description = "Probability of a 429 per request, 0..1.")
    double rateLimitRate = 0;

    @Option(names = "--server-error-rate", paramLabel = "P", description = "Probability of a 5xx per request, 0..1.")
    double serverErrorRate = 0;

    @Option(
            names = "--drop-rate",
            paramLabel = "P",
            description = "Probability of closing the connection unanswered, 0..1.")
    double dropRate = 0;

    @Option(names = "--malformed-rate", paramLabel = "P", description = "Probability of a truncated JSON answer, 0..1.")
    double malformedRate = 0;

    @Option(
            names = "--fail-destroy",
            split = ",",
            paramLabel = "ID[:STATUS]",
            description = "Destroying these instances fails (with STATUS, default 500).")
    List<String> failDestroy = new ArrayList<>();

    @Option(names = "--empty-destroy-body", description = "A successful destroy answers 200 with an empty body.")
    boolean emptyDestroyBody;

    @Option(names = "--destroy-204", description = "A successful destroy answers 204 No Content.")
    boolean destroy204;

    @Option(
            names = "--legacy-list",
            paramLabel = "ok|gone",
            description =
                    "GET /api/v0/instances/: gone answers 410 as Vast does now, ok lists (default: ${DEFAULT-VALUE}).")
    String legacyList = "gone";

    @Option(
            names = "--insufficient-credit-status",
            paramLabel = "400|403",
            description = "Status of an insufficient_credit refusal (default: ${DEFAULT-VALUE}).")
    int insufficientCreditStatus = 400;

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config = config();
        List<long[]> destroyFailures = destroyFailures();
        boolean legacyGone = legacyListGone();

        VastSimulator simulator = VastSimulator.start(config);
        SimFaults faults = simulator.faults();
        faults.latency(Duration.ofMillis(latencyMs))
                .rateLimitRate(rateLimitRate)
                .serverErrorRate(serverErrorRate)
                .dropConnectionRate(dropRate)
                .malformedJsonRate(malformedRate)
                .emptyDestroyBody(emptyDestroyBody)
                .destroyAnswers204(destroy204)
                .legacyListGone(legacyGone)
                .insufficientCreditStatus(insufficientCreditStatus);
        destroyFailures.forEach(f -> faults.failDestroy(f[0], (int) f[1]));

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    simulator.close();
                    stopped.countDown();
                },
                "vast-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Vast.ai simulator listening on " + simulator.baseUrl() + " (api key: " + simulator.apiKey() + ")");
        out.flush();
        try {
            stopped.await();
            return 0;
        } catch (InterruptedException e) {
            // Run in-process (tests, demo mode): an interrupt is the way to stop it.
            Thread.currentThread().interrupt();
            simulator.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running; it closes the simulator itself.
            }
            return 0;
        }
    }

    private SimulatorConfig config() {
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0..65535, was " + port);
        }
        if (instances < 0) {
            throw usage("--instances must not be negative, was " + instances);
        }
        if (!Double.isFinite(credit) || credit < 0) {
            throw usage("--credit must be a number >= 0, was " + credit);
        }
        if (!Double.isFinite(timeScale) || timeScale <= 0) {
            throw usage("--time-scale must be a number > 0, was " + timeScale);
        }
        if (latencyMs < 0) {
            throw usage("--latency-ms must not be negative, was " + latencyMs);
        }
        probability("--rate-limit-rate", rateLimitRate);
        probability("--server-error-rate", serverErrorRate);
        probability("--drop-rate", dropRate);
        probability("--malformed-rate", malformedRate);
        if (insufficientCreditStatus != 400 && insufficientCreditStatus != 403) {
            throw usage("--insufficient-credit-status must be 400 or 403, was " + insufficientCreditStatus);
        }
        if (apiKey != null && (apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace))) {
            throw usage("--api-key must be a non-empty key without spaces");
        }
        RateLimits limits;
        try {
            limits = RateLimits.parse(rateLimits);
        } catch (IllegalArgumentException e) {
            throw usage("--rate-limits must be documented, lenient or off, was '" + rateLimits + "'");
        }
        if (!(rateLimitScale > 0) || !Double.isFinite(rateLimitScale)) {
            throw usage("--rate-limit-scale must be a number > 0, was " + rateLimitScale);
        }
        SimulatorConfig config = SimulatorConfig.defaults()
                .withRateLimits(limits)
                .withRateLimitScale(rateLimitScale)
                .withPort(port)
                .withInstances(instances)
                .withCredit(credit)
                .withTimeScale(timeScale)
                .withSeed(seed);
        return apiKey == null ? config : config.withApiKey(apiKey);
    }

    private List<long[]> destroyFailures() {
        List<long[]> result = new ArrayList<>();
        for (String item : failDestroy) {
            String text = item.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split(":", 2);
            try {
                long id = Long.parseLong(parts[0].strip());
                int status = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 500;
                if (id <= 0 || status < 100 || status > 599) {
                    throw new NumberFormatException();
                }
                result.add(new long[] {id, status});
            } catch (NumberFormatException e) {
                throw usage("--fail-destroy expects ID or ID:STATUS (status 100..599), was '" + item + "'");
            }
        }
        return result;
    }

    private boolean legacyListGone() {
        return switch (legacyList.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "gone" -> true;
            case "ok" -> false;
            default -> throw usage("--legacy-list must be ok or gone, was '" + legacyList + "'");
        };
    }

    private void probability(String option, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw usage(option + " must be within 0..1, was " + p);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
