package io.imggenhub.vast.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson setup: Vast's snake_case names onto our camelCase records, unknown fields ignored. */
public final class Json {
    /** In a holder, so that {@link #warmUpInBackground} does not build the mapper on the calling thread. */
    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    private Json() {}

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * Makes the mapper ready for the API's answers on a daemon thread, while the caller parses its arguments and
     * sends its first request. Jackson's first use (reflection over the Instance record, annotation proxies) took
     * ~90 ms of a CLI command's start after the answer had arrived; started first, it runs on the other core while
     * the request is on its way. Nothing depends on it finishing: the mapper builds what is missing on first use.
     */
    public static Thread warmUpInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        Holder.MAPPER.readTree("{}");
                        // An ObjectReader fetches its root deserializer eagerly, into the mapper's shared cache.
                        Holder.MAPPER.readerFor(Instance.class);
                    } catch (java.io.IOException | RuntimeException e) {
                        // Only a head start: a real read reports its own errors.
                    }
                },
                "json-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
