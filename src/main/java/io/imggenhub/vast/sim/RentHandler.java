package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code PUT /api/v0/asks/{offer_id}/}: rent an offer (vast-api.md §3.4). */
final class RentHandler implements Router.Handler {
    static final String DEFAULT_IMAGE = "vastai/base-image:@vastai-automatic-tag";
    static final String INSUFFICIENT_CREDIT_MSG = "Your account lacks credit; see the billing page.";
    /** Vast's input limits (vast-api.md §3.4). */
    static final double MIN_DISK_GB = 8;

    static final int MAX_ENV_ENTRY = 256;
    static final int MAX_ENV_TOTAL = 32_768;

    private final SimState state;
    private final SimFaults faults;

    RentHandler(SimState state, SimFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @Override
    public SimResponse handle(SimRequest request, List<String> args) {
        Long offerId = InstanceHandlers.parseId(args.get(0));
        if (offerId == null) {
            return SimResponse.error(
                    400, "invalid_args", "error 400/3467: Invalid args: invalid ask id " + args.get(0));
        }
        JsonNode body =
                request.body().length == 0 ? SimJson.mapper().createObjectNode() : SimJson.parseOrNull(request.body());
        if (body == null || !body.isObject()) {
            return withAsk(
                    SimResponse.error(
                            400,
                            "invalid_args",
                            "error 400/1782: Invalid args: invalid json: " + abbreviate(request.bodyText())),
                    offerId);
        }
        String image = text(body, "image");
        if (image == null || image.isBlank()) {
            image = DEFAULT_IMAGE;
        }
        if (image.length() > 1024) {
            return withAsk(
                    SimResponse.error(
                            400, "invalid_args", "error 400/3467: Invalid args: image is longer than 1024 characters"),
                    offerId);
        }
        double disk = body.path("disk").isNumber()
                ? body.get("disk").asDouble()
                : body.path("disk").isTextual() ? parseDouble(body.get("disk").asText(), -1) : 10.0;
        if (!(disk >= MIN_DISK_GB) || Double.isInfinite(disk)) {
            return withAsk(
                    SimResponse.error(
                            400,
                            "invalid_args",
                            "error 400/3467: Invalid args: disk must be at least " + (int) MIN_DISK_GB + " GB"),
                    offerId);
        }
        String label = text(body, "label");
        if (label != null && label.length() > 256) {
            return withAsk(
                    SimResponse.error(
                            400, "invalid_args", "error 400/3467: Invalid args: label is longer than 256 characters"),
                    offerId);
        }
        String onstart = text(body, "onstart");
        if (onstart != null && onstart.length() > 4096) {
            return withAsk(
                    SimResponse.error(
                            400,
                            "invalid_args",
                            "error 400/3467: Invalid args: onstart is longer than 4096 characters"),
                    offerId);
        }
        String runtype = text(body, "runtype");
        if (runtype == null || runtype.isBlank()) {
            runtype = "ssh_direc ssh_proxy";
        }
        Double price = null;
        JsonNode priceNode = body.get("price");
        if (priceNode != null && !priceNode.isNull()) {
            price = priceNode.isNumber() ? priceNode.asDouble() : parseDouble(priceNode.asText(), Double.NaN);
            if (!(price >= 0.001 && price <= 128)) {
                return withAsk(
                        SimResponse.error(
                                400,
                                "invalid_price",
                                "error 400/3461: Invalid price: bid must be between 0.001 and 128 $/hr, was "
                                        + priceNode),
                        offerId);
            }
        }
        List<List<String>> env = env(body.get("env"));
        String envProblem = envProblem(env);
        if (envProblem != null) {
            return withAsk(
                    SimResponse.error(400, "invalid_args", "error 400/3467: Invalid args: " + envProblem), offerId);
        }
        SimState.RentOrder order = new SimState.RentOrder(image, disk, label, onstart, runtype, env, price);
        SimState.RentOutcome outcome = state.rent(offerId, order);
        if (outcome instanceof SimState.RentOutcome.Rented rented) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("new_contract", rented.instanceId());
            answer.put("instance_api_key", rented.instanceApiKey());
            return SimResponse.json(200, answer);
        }
        if (outcome instanceof SimState.RentOutcome.NoSuchAsk) {
            return withAsk(
                    SimResponse.error(
                            404,
                            "invalid_args",
                            "error 404/3603: no_such_ask Instance type by id " + offerId + " is not available."),
                    offerId);
        }
        if (outcome instanceof SimState.RentOutcome.InvalidPrice invalid) {
            return withAsk(SimResponse.error(400, "invalid_price", invalid.msg()), offerId);
        }
        if (outcome instanceof SimState.RentOutcome.InvalidArgs invalid) {
            return withAsk(SimResponse.error(400, "invalid_args", invalid.msg()), offerId);
        }
        return insufficientCredit(faults);
    }

    /** The refusal users saw live: 400 by default, 403 or "200 + success:false" when switched. */
    static SimResponse insufficientCredit(SimFaults faults) {
        int status = faults.insufficientCreditAs200() ? 200 : faults.insufficientCreditStatus();
        return SimResponse.error(status, "insufficient_credit", INSUFFICIENT_CREDIT_MSG);
    }

    /** Vast echoes the ask id in rent errors. */
    private static SimResponse withAsk(SimResponse error, long offerId) {
        JsonNode node = SimJson.parseOrNull(error.body());
        Map<String, Object> body = new LinkedHashMap<>(SimJson.mapper().convertValue(node, Map.class));
        body.put("ask_id", offerId);
        return SimResponse.json(error.status(), body);
    }

    /**
     * Vast's CLI turns {@code -e KEY=VALUE} into {@code {"KEY": "VALUE"}}; only port, volume and network flags keep
     * the flag in the key (vast-api.md §3.4). A key {@code "-e KEY"} is the old wrong shape that never reached the
     * container as KEY, so it is refused rather than quietly accepted. Entries over Vast's 256-character limit too.
     */
    static String envProblem(List<List<String>> env) {
        int total = 0;
        for (List<String> pair : env) {
            String key = pair.get(0);
            if (key.startsWith("-e ")) {
                return "env key '" + key + "' is a docker flag; an environment variable is sent by its bare name";
            }
            if (pair.get(1).length() > MAX_ENV_ENTRY) {
                return "env entry " + key + " is longer than " + MAX_ENV_ENTRY + " characters";
            }
            total += key.length() + pair.get(1).length();
        }
        return total > MAX_ENV_TOTAL ? "env is longer than " + MAX_ENV_TOTAL + " characters in total" : null;
    }

    /** The env map as sent, kept as {@code [key, value]} pairs in {@code extra_env}. */
    static List<List<String>> env(JsonNode env) {
        List<List<String>> pairs = new ArrayList<>();
        if (env == null || env.isNull()) {
            return pairs;
        }
        if (env.isObject()) {
            env.fields()
                    .forEachRemaining(e -> pairs.add(List.of(
                            e.getKey(),
                            e.getValue().isNull() ? "" : e.getValue().asText())));
        } else if (env.isArray()) {
            for (JsonNode pair : env) {
                if (pair.isArray() && pair.size() >= 2) {
                    pairs.add(List.of(pair.get(0).asText(), pair.get(1).asText()));
                }
            }
        } else if (env.isTextual()) {
            String[] tokens = env.asText().trim().split("\\s+");
            for (int i = 0; i + 1 < tokens.length; i += 2) {
                if (tokens[i].equals("-e") && tokens[i + 1].contains("=")) {
                    String[] kv = tokens[i + 1].split("=", 2);
                    pairs.add(List.of(kv[0], kv[1]));
                } else if (tokens[i].equals("-p")) {
                    pairs.add(List.of("-p " + tokens[i + 1], "1"));
                }
            }
        }
        return pairs;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static double parseDouble(String text, double fallback) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
