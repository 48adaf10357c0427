package io.imggenhub.vast.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code PUT /api/v0/asks/{id}/}. {@code bidPrice} null rents on demand; a number is an interruptible
 * bid in $/hr. {@code env} is Vast's docker-style map ({@code "-e KEY": "value"}, {@code "-p 8080:8080": "1"}).
 */
public record RentRequest(String image, double diskGb, String label, Map<String, String> env, String onstart,
                          String runtype, Double bidPrice) {

    public static final String DEFAULT_IMAGE = "pytorch/pytorch:latest";

    public RentRequest {
        env = env == null ? Map.of() : Map.copyOf(env);
        runtype = runtype == null ? "ssh" : runtype;
    }

    public static RentRequest of(String image, double diskGb, String label) {
        return new RentRequest(image, diskGb, label, Map.of(), null, "ssh", null);
    }

    /** A copy with {@code KEY=value} added as a container environment variable. */
    public RentRequest withEnvVar(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put("-e " + key, value);
        return new RentRequest(image, diskGb, label, copy, onstart, runtype, bidPrice);
    }

    public RentRequest withOnstart(String script) {
        return new RentRequest(image, diskGb, label, env, script, runtype, bidPrice);
    }

    public RentRequest withBid(Double price) {
        return new RentRequest(image, diskGb, label, env, onstart, runtype, price);
    }
}
