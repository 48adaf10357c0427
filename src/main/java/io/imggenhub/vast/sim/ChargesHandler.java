package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v0/charges/} (vast-api.md §3.8): per-instance charges in a required {@code day} range, split into
 * GPU, disk and bandwidth items, newest first unless {@code latest_first=false}, at most 500 a page (100 by
 * default), with an opaque {@code next_token} to pass back as {@code after_token}.
 *
 * <p>The token is a keyset cursor (the last result's start and id) bound to the range it was issued for, so a
 * token from another query, or one a client made up, is refused with {@code invalid_token}.
 */
final class ChargesHandler implements Router.Handler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final String RANGE_REQUIRED = "Must provide both 'day' gte and lte filters for instance charges";

    private final SimState state;

    ChargesHandler(SimState state) {
        this.state = state;
    }

    @Override
    public SimResponse handle(SimRequest request, List<String> pathArgs) throws QueryException {
        JsonNode filters = SimJson.parseOrNull(request.param("select_filters"));
        JsonNode day = filters == null ? null : filters.get("day");
        if (day == null || !day.path("gte").isNumber() || !day.path("lte").isNumber()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("msg", RANGE_REQUIRED);
            return SimResponse.json(400, body);
        }
        long lead = state.clientLead().toSeconds();
        long gte = day.get("gte").asLong() + lead;
        long lte = day.get("lte").asLong() + lead;
        if (lte < gte) {
            throw new QueryException("invalid_args", "'day' lte must not be before gte");
        }
        if (!wantsInstances(filters.get("type"))) {
            return page(List.of(), 0, null);
        }
        int limit = limit(request.param("limit"));
        boolean latestFirst = !"false"
                .equalsIgnoreCase(String.valueOf(request.param("latest_first")).strip());
        String fingerprint = gte + "-" + lte + "-" + latestFirst;
        Cursor after =
                request.param("after_token") == null ? null : Cursor.parse(request.param("after_token"), fingerprint);

        Comparator<ChargeBook.InstanceCharges> order = Comparator.comparing(
                        (ChargeBook.InstanceCharges c) -> c.start().getEpochSecond())
                .thenComparingLong(ChargeBook.InstanceCharges::instanceId);
        if (latestFirst) {
            order = order.reversed();
        }
        List<ChargeBook.InstanceCharges> all =
                new ArrayList<>(state.charges(Instant.ofEpochSecond(gte), Instant.ofEpochSecond(lte)));
        all.sort(order);
        int total = all.size();
        List<ChargeBook.InstanceCharges> rest = all;
        if (after != null) {
            Comparator<ChargeBook.InstanceCharges> o = order;
            ChargeBook.InstanceCharges mark = new ChargeBook.InstanceCharges(
                    after.id(), null, Instant.ofEpochSecond(after.start()), null, List.of(), 0);
            rest = all.stream().filter(c -> o.compare(c, mark) > 0).toList();
        }
        List<ChargeBook.InstanceCharges> shown = rest.subList(0, Math.min(limit, rest.size()));
        String next = rest.size() > shown.size()
                ? new Cursor(
                                shown.get(shown.size() - 1).start().getEpochSecond(),
                                shown.get(shown.size() - 1).instanceId())
                        .encode(fingerprint)
                : null;
        List<Map<String, Object>> results =
                shown.stream().map(c -> result(c, lead)).toList();
        return page(results, total, next);
    }

    private static SimResponse page(List<Map<String, Object>> results, int total, String next) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("count", results.size());
        body.put("total", total);
        body.put("next_token", next);
        body.put("results", results);
        return SimResponse.json(200, body);
    }

    private static boolean wantsInstances(JsonNode type) {
        if (type == null || type.isNull() || !type.has("in")) {
            return true;
        }
        for (JsonNode t : type.get("in")) {
            if ("instance".equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private static int limit(String text) throws QueryException {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) {
                throw new QueryException("invalid_args", "limit must be a positive integer");
            }
            return Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw new QueryException("invalid_args", "limit must be an integer, was '" + text + "'");
        }
    }

    /** @param lead seconds the client's clock is behind the simulated one; its dates are shifted back by it */
    private static Map<String, Object> result(ChargeBook.InstanceCharges c, long lead) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("start", c.start().getEpochSecond() - lead);
        r.put("end", c.end().getEpochSecond() - lead);
        r.put("type", "instance");
        r.put("source", "instance-" + c.instanceId());
        long days = Duration.between(c.start(), c.end()).toDays();
        r.put(
                "description",
                "Instance " + c.instanceId() + " Charges - "
                        + (days < 1 ? "less than a day" : days == 1 ? "1 day" : days + " days"));
        r.put("amount", c.amount());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("instance_id", c.instanceId());
        metadata.put("label", c.label());
        metadata.put("template_id", null);
        r.put("metadata", metadata);
        r.put(
                "items",
                lead == 0
                        ? c.items()
                        : c.items().stream()
                                .map(item -> {
                                    Map<String, Object> shifted = new LinkedHashMap<>(item);
                                    shifted.put("start", ((Number) item.get("start")).longValue() - lead);
                                    shifted.put("end", ((Number) item.get("end")).longValue() - lead);
                                    return shifted;
                                })
                                .toList());
        return r;
    }

    /** The last result's sort key, bound to the query it came from. */
    private record Cursor(long start, long id) {
        String encode(String fingerprint) {
            String text = "c1:" + start + ":" + id + ":" + fingerprint;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token, String fingerprint) throws QueryException {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
                String[] parts = text.split(":", 4);
                if (parts.length == 4 && parts[0].equals("c1") && parts[3].equals(fingerprint)) {
                    return new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal: NumberFormatException is one too
            }
            throw new QueryException("invalid_token", "Invalid pagination token");
        }
    }
}
