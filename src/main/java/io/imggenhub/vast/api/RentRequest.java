package io.imggenhub.vast.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code PUT /api/v0/asks/{id}/}. {@code bidPrice} null rents on demand; a number is an interruptible
 * bid in $/hr. {@code env} is Vast's map as its CLI's {@code parse_env} builds it (vast-api.md §3.4): an environment
 * variable is its bare name ({@code "PROMPT": "..."}); only port, volume and network flags keep the flag in the key
 * ({@code "-p 8080:8080": "1"}).
 */
public record RentRequest(
        String image,
        double diskGb,
        String label,
        Map<String, String> env,
        String onstart,
        String runtype,
        Double bidPrice) {

    public static final String DEFAULT_IMAGE = "pytorch/pytorch:latest";
    /** One default for the CLI and the window: the disk that is rented, and priced into every offer shown. */
    public static final double DEFAULT_DISK_GB = 20;
    /** Vast's documented input limits (vast-api.md §3.4, spec {@code x-input-validation}). */
    public static final double MIN_BID = 0.001;

    public static final double MAX_BID = 128;
    public static final double MIN_DISK_GB = 8;
    /** No offer has more; a larger number is a typo (or {@code 1e300}), never a request. */
    public static final double MAX_DISK_GB = 100_000;

    public static final int MAX_LABEL = 256;
    public static final int MAX_IMAGE = 1024;
    public static final int MAX_ENV_ENTRY = 256;

    public RentRequest {
        env = env == null ? Map.of() : Map.copyOf(env);
        runtype = runtype == null ? "ssh" : runtype;
    }

    public static RentRequest of(String image, double diskGb, String label) {
        return new RentRequest(image, diskGb, label, Map.of(), null, "ssh", null);
    }

    /** A copy with {@code KEY=value} added as a container environment variable, under its bare name. */
    public RentRequest withEnvVar(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return new RentRequest(image, diskGb, label, copy, onstart, runtype, bidPrice);
    }

    public RentRequest withOnstart(String script) {
        return new RentRequest(image, diskGb, label, env, script, runtype, bidPrice);
    }

    public RentRequest withBid(Double price) {
        return new RentRequest(image, diskGb, label, env, onstart, runtype, price);
    }

    public RentRequest withLabel(String newLabel) {
        return new RentRequest(image, diskGb, newLabel, env, onstart, runtype, bidPrice);
    }

    /** The first value outside Vast's documented ranges, said for a person; empty when all are sendable. */
    public Optional<String> problem() {
        if (bidPrice != null && !(bidPrice >= MIN_BID && bidPrice <= MAX_BID)) {
            return Optional.of(
                    "the bid must be from $" + MIN_BID + " to $" + (int) MAX_BID + " per hour, not " + bidPrice);
        }
        if (!(diskGb >= MIN_DISK_GB && diskGb <= MAX_DISK_GB)) {
            return Optional.of(
                    "the disk must be from " + (int) MIN_DISK_GB + " to " + (int) MAX_DISK_GB + " GB, not " + diskGb);
        }
        if (label != null && label.length() > MAX_LABEL) {
            return Optional.of("the label must be at most " + MAX_LABEL + " characters, not " + label.length());
        }
        if (image == null || image.isBlank() || image.length() > MAX_IMAGE) {
            return Optional.of("the image must be a name of 1 to " + MAX_IMAGE + " characters");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > MAX_ENV_ENTRY) {
                return Optional.of("the value of " + e.getKey() + " must be at most " + MAX_ENV_ENTRY
                        + " characters (Vast's limit per environment entry), not "
                        + e.getValue().length());
            }
        }
        return Optional.empty();
    }
}
