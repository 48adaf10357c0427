package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Offer search (vast-api.md §3.5): {@code POST /api/v0/bundles/} with the query as the body, the older
 * {@code GET /api/v0/bundles?q=<json>}, a bare {@code GET /api/v0/bundles?limit=100}, and
 * {@code PUT /api/v0/search/asks/} with {@code {"q": ...}}. No key needed.
 */
final class OfferSearchHandler implements Router.Handler {
    /** Vast's spec default; the official CLI sends 5.0 explicitly. */
    static final double DEFAULT_ALLOCATED_STORAGE = 8.0;

    private static final Set<String> CONTROL_KEYS =
            Set.of("order", "type", "limit", "allocated_storage", "disable_bundling", "extra", "select_cols", "q");
    /** Query-only fields the CLI documents that are not columns of an offer row. */
    private static final Set<String> VIRTUAL_FIELDS = Set.of("verified", "datacenter", "cuda_vers");

    private final SimState state;

    OfferSearchHandler(SimState state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SimResponse handle(SimRequest request, List<String> args) throws QueryException {
        Map<String, Object> query;
        if (request.method().equals("GET")) {
            query = new LinkedHashMap<>();
            String q = request.param("q");
            if (q != null && !q.isBlank()) {
                Object parsed = SimJson.plain(SimJson.parseOrNull(q));
                if (!(parsed instanceof Map<?, ?>)) {
                    return SimResponse.json(400, Map.of("error", "invalid_request", "msg", "Invalid json in q"));
                }
                query.putAll((Map<String, Object>) parsed);
            }
            for (String control : List.of("limit", "type", "allocated_storage")) {
                if (request.param(control) != null && !query.containsKey(control)) {
                    query.put(control, request.param(control));
                }
            }
        } else {
            JsonNode body = request.body().length == 0
                    ? SimJson.mapper().createObjectNode()
                    : SimJson.parseOrNull(request.body());
            if (body == null || !body.isObject()) {
                return SimResponse.json(400, Map.of("error", "invalid_request", "msg", "Invalid json body"));
            }
            if (request.method().equals("PUT") && body.path("q").isObject()) {
                body = body.get("q");
            }
            query = new LinkedHashMap<>((Map<String, Object>) SimJson.plain(body));
        }
        return SimResponse.json(200, Map.of("offers", search(query)));
    }

    List<Map<String, Object>> search(Map<String, Object> query) throws QueryException {
        boolean bid = bidType(query.get("type"));
        double storage = number(query.get("allocated_storage"), DEFAULT_ALLOCATED_STORAGE, "allocated_storage");
        int limit = (int) number(query.get("limit"), 0, "limit");
        List<Map<String, Object>> rows = state.offerRows(storage, bid);
        Set<String> known = new HashSet<>(VIRTUAL_FIELDS);
        if (!rows.isEmpty()) {
            known.addAll(rows.get(0).keySet());
        }
        Map<String, Object> filters = new LinkedHashMap<>(query);
        // Vast applies rentable=true unless the query says otherwise (vast-cli PR #392).
        filters.putIfAbsent("rentable", Map.of("eq", true));
        OfferQueryMatcher matcher = OfferQueryMatcher.parse(filters, CONTROL_KEYS, known::contains);
        List<OfferQueryMatcher.SortKey> order = order(query.get("order"), known);

        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (matcher.test(lookup(row))) {
                result.add(row);
            }
        }
        result.sort(OfferQueryMatcher.ordering(order));
        if (limit > 0 && result.size() > limit) {
            return new ArrayList<>(result.subList(0, limit));
        }
        return result;
    }

    private static Function<String, Object> lookup(Map<String, Object> row) {
        return field -> switch (field) {
            case "verified" -> "verified".equals(row.get("verification"));
            case "datacenter" -> Integer.valueOf(1).equals(row.get("hosting_type"));
            case "cuda_vers" -> row.get("cuda_max_good");
            default -> row.get(field);
        };
    }

    private static boolean bidType(Object type) throws QueryException {
        if (type == null) {
            return false;
        }
        String t = String.valueOf(type).strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "on-demand", "ondemand", "on_demand", "reserved", "" -> false;
            case "bid", "interruptible" -> true;
            default -> throw new QueryException("invalid_request", "Error in query parameters: unknown type " + type);
        };
    }

    /** {@code [["score", "desc"], ...]}; {@code {"col": ..., "dir": ...}} entries are read too. Default score desc. */
    private static List<OfferQueryMatcher.SortKey> order(Object order, Set<String> known) throws QueryException {
        List<OfferQueryMatcher.SortKey> keys = new ArrayList<>();
        if (order instanceof List<?> list) {
            for (Object entry : list) {
                String field;
                String dir = "asc";
                if (entry instanceof List<?> pair && !pair.isEmpty()) {
                    field = String.valueOf(pair.get(0));
                    if (pair.size() > 1) {
                        dir = String.valueOf(pair.get(1));
                    }
                } else if (entry instanceof Map<?, ?> map && map.get("col") != null) {
                    field = String.valueOf(map.get("col"));
                    dir = String.valueOf(map.get("dir"));
                } else if (entry instanceof String s) {
                    field = s;
                } else {
                    throw new QueryException("invalid_request", "Error in query parameters: bad order entry " + entry);
                }
                if (!known.contains(field)) {
                    throw new QueryException(
                            "invalid_request", "Error in query parameters: " + field + " is not a valid order column");
                }
                keys.add(new OfferQueryMatcher.SortKey(field, "desc".equalsIgnoreCase(dir)));
            }
        } else if (order != null) {
            throw new QueryException("invalid_request", "Error in query parameters: order must be a list");
        }
        if (keys.isEmpty()) {
            keys.add(new OfferQueryMatcher.SortKey("score", true));
        }
        keys.add(new OfferQueryMatcher.SortKey("id", false));
        return keys;
    }

    private static double number(Object value, double fallback, String name) throws QueryException {
        if (value == null) {
            return fallback;
        }
        Double n = OfferQueryMatcher.asNumber(value);
        if (n == null || n.isNaN() || n.isInfinite()) {
            throw new QueryException("invalid_request", "Error in query parameters: " + name + " must be a number");
        }
        return n;
    }
}
