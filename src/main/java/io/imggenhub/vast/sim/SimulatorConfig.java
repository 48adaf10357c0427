package io.imggenhub.vast.sim;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a {@link VastSimulator} starts: where it listens, how big the fleet and the credit are, how fast simulated
 * time runs, which key it accepts and which seed makes its data reproducible.
 *
 * @param host          address to bind; the simulator is meant for loopback only
 * @param port          0 picks a free port
 * @param instances     running instances the account starts with
 * @param credit        starting credit in USD
 * @param timeScale     simulated seconds per wall second (0 freezes the clock; {@link SimClock#advance} still works)
 * @param apiKey        the one key the simulator accepts
 * @param seed          seed of every random choice (offers, fleet, fault dice), so runs repeat
 * @param destroyLinger wall time a destroyed instance stays listed as {@code destroyed} before it vanishes
 * @param bootTime      simulated time from rent to {@code running}
 * @param rateLimits    how Vast's documented per-endpoint limits are enforced (documented by default, as on Vast)
 * @param rateLimitScale every limit's interval is multiplied by this (1 = Vast's numbers; tests use less)
 */
public record SimulatorConfig(
        String host,
        int port,
        int instances,
        double credit,
        double timeScale,
        String apiKey,
        long seed,
        Duration destroyLinger,
        Duration bootTime,
        RateLimits rateLimits,
        double rateLimitScale) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(destroyLinger, "destroyLinger");
        Objects.requireNonNull(bootTime, "bootTime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (instances < 0) {
            throw new IllegalArgumentException("instances must not be negative, was " + instances);
        }
        if (!Double.isFinite(credit)) {
            throw new IllegalArgumentException("credit must be a finite number");
        }
        if (!Double.isFinite(timeScale) || timeScale < 0) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0, was " + timeScale);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (!(rateLimitScale > 0) || !Double.isFinite(rateLimitScale)) {
            throw new IllegalArgumentException("rateLimitScale must be a number > 0, was " + rateLimitScale);
        }
        if (destroyLinger.isNegative() || bootTime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /**
     * 127.0.0.1 on a free port, 3 running instances, $25 credit, real-time clock, a fresh random key, seed 42, and
     * Vast's documented rate limits (scaled by {@link RateLimits#defaultScale()}, 1 unless a test build says less).
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                "127.0.0.1",
                0,
                3,
                25.0,
                1.0,
                randomApiKey(),
                42L,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20),
                RateLimits.DOCUMENTED,
                RateLimits.defaultScale());
    }

    /** 64 lowercase hex characters, the shape of a real Vast key. */
    public static String randomApiKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(
                host,
                p,
                instances,
                credit,
                timeScale,
                apiKey,
                seed,
                destroyLinger,
                bootTime,
                rateLimits,
                rateLimitScale);
    }

    public SimulatorConfig withInstances(int n) {
        return new SimulatorConfig(
                host, port, n, credit, timeScale, apiKey, seed, destroyLinger, bootTime, rateLimits, rateLimitScale);
    }

    public SimulatorConfig withCredit(double usd) {
        return new SimulatorConfig(
                host,
                port,
                instances,
                usd,
                timeScale,
                apiKey,
                seed,
                destroyLinger,
                bootTime,
                rateLimits,
                rateLimitScale);
    }

    public SimulatorConfig withTimeScale(double x) {
        return new SimulatorConfig(
                host, port, instances, credit, x, apiKey, seed, destroyLinger, bootTime, rateLimits, rateLimitScale);
    }

    public SimulatorConfig withApiKey(String key) {
        return new SimulatorConfig(
                host,
                port,
                instances,
                credit,
                timeScale,
                key,
                seed,
                destroyLinger,
                bootTime,
                rateLimits,
                rateLimitScale);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(
                host,
                port,
                instances,
                credit,
                timeScale,
                apiKey,
                s,
                destroyLinger,
                bootTime,
                rateLimits,
                rateLimitScale);
    }

    public SimulatorConfig withDestroyLinger(Duration d) {
        return new SimulatorConfig(
                host, port, instances, credit, timeScale, apiKey, seed, d, bootTime, rateLimits, rateLimitScale);
    }

    public SimulatorConfig withBootTime(Duration d) {
        return new SimulatorConfig(
                host, port, instances, credit, timeScale, apiKey, seed, destroyLinger, d, rateLimits, rateLimitScale);
    }

    public SimulatorConfig withRateLimits(RateLimits mode) {
        return new SimulatorConfig(
                host, port, instances, credit, timeScale, apiKey, seed, destroyLinger, bootTime, mode, rateLimitScale);
    }

    /** Every documented interval multiplied by {@code scale}: 0.02 makes destroy's 3 s into 60 ms. */
    public SimulatorConfig withRateLimitScale(double scale) {
        return new SimulatorConfig(
                host, port, instances, credit, timeScale, apiKey, seed, destroyLinger, bootTime, rateLimits, scale);
    }

    /** Keeps the key out of logs and test reports. */
    @Override
    public String toString() {
        return "SimulatorConfig[host=" + host + ", port=" + port + ", instances=" + instances + ", credit=" + credit
                + ", timeScale=" + timeScale + ", apiKey=…" + apiKey.substring(Math.max(0, apiKey.length() - 4))
                + ", seed=" + seed + ", destroyLinger=" + destroyLinger + ", bootTime=" + bootTime + ", rateLimits="
                + rateLimits + " x" + rateLimitScale + "]";
    }
}
