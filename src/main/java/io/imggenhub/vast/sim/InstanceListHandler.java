package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/instances/} (vast-api.md §3.1): filters on stored columns, ordering with {@code id} as the
 * tiebreaker, at most 25 rows a page and an opaque {@code next_token}.
 *
 * <p>The token is a keyset cursor (the last row's sort values), not an offset, like Vast's
 * {@code {"values": {"id": ...}}} tokens. An instance that vanishes between two pages therefore cannot shift
 * later rows past the client: a destroy-all that lists while destroying still sees every instance.
 */
final class InstanceListHandler implements Router.Handler {
    static final int MAX_LIMIT = 25;
    static final int NON_POSITIVE_LIMIT = 5;
    /** Stored columns; computed ones such as dph_total or num_gpus are refused, as Vast does. */
    static final Set<String> STORED_COLUMNS = Set.of(
            "id",
            "machine_id",
            "host_id",
            "bundle_id",
            "actual_status",
            "intended_status",
            "cur_state",
            "next_state",
            "status_msg",
            "label",
            "gpu_name",
            "verification",
            "image_uuid",
            "image_runtype",
            "start_date",
            "end_date",
            "disk_space",
            "is_bid",
            "template_id",
            "template_hash_id",
            "geolocation",
            "ssh_host",
            "ssh_port");

    private final SimState state;
    private final SimFaults faults;

    InstanceListHandler(SimState state, SimFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @Override
    public SimResponse handle(SimRequest request, List<String> pathArgs) throws QueryException {
        if (request.param("after_token") != null && faults.takeLaterListPageFailure()) {
            return SimResponse.error(500, "server_error", "Internal Server Error");
        }
        Map<String, Object> filters = jsonObjectParam(request, "select_filters");
        List<OfferQueryMatcher.SortKey> order = orderBy(request.param("order_by"));
        int limit = limit(request.param("limit"));
        List<String> columns = selectCols(request.param("select_cols"));
        OfferQueryMatcher matcher = OfferQueryMatcher.parse(filters, Set.of(), STORED_COLUMNS::contains);
        Comparator<Map<String, Object>> ordering = OfferQueryMatcher.ordering(order);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : state.instanceRows()) {
            if (matcher.test(row::get)) {
                rows.add(row);
            }
        }
        rows.sort(ordering);

        Map<String, Integer> labelCounts = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Object label = row.get("label");
            labelCounts.merge(label == null ? "" : label.toString(), 1, Integer::sum);
        }

        int start = 0;
        String after = request.param("after_token");
        if (after != null && !after.isEmpty()) {
            Map<String, Object> anchor = decodeToken(after);
            while (start < rows.size() && ordering.compare(rows.get(start), anchor) <= 0) {
                start++;
            }
        }
        int end = Math.min(rows.size(), start + limit);
        List<Map<String, Object>> page = rows.subList(start, end);
        String next = end < rows.size() && !page.isEmpty() ? encodeToken(page.get(page.size() - 1), order) : null;
        if (next == null && faults.endlessPages()) {
            // A broken cursor: past the last row every page is empty and hands out yet another fresh token.
            Map<String, Object> beyond =
                    new LinkedHashMap<>(rows.isEmpty() ? Map.of("id", Long.MAX_VALUE) : rows.get(rows.size() - 1));
            Map<String, Object> values = new LinkedHashMap<>();
            for (OfferQueryMatcher.SortKey key : order) {
                values.put(key.field(), beyond.get(key.field()));
            }
            values.put("nonce", faults.nextEndlessToken());
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(SimJson.bytes(Map.of("values", values)));
        }

        List<Map<String, Object>> projected = new ArrayList<>(page.size());
        for (Map<String, Object> row : page) {
            projected.add(project(row, columns));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("instances_found", projected.size());
        body.put("total_instances", rows.size());
        body.put("label_counts", labelCounts);
        body.put("next_token", next);
        body.put("instances", projected);
        return SimResponse.json(200, body);
    }

    static int limit(String raw) throws QueryException {
        if (raw == null || raw.isBlank()) {
            return MAX_LIMIT;
        }
        String text = raw.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        int limit;
        try {
            limit = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw new QueryException("invalid_request", "Error in query parameters: limit must be an integer");
        }
        if (limit <= 0) {
            return NON_POSITIVE_LIMIT;
        }
        return Math.min(limit, MAX_LIMIT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObjectParam(SimRequest request, String name) throws QueryException {
        String raw = request.param(name);
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        Object value = SimJson.plain(parseParam(raw, name));
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new QueryException(
                    "invalid_request", "Error in query parameters: " + name + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static JsonNode parseParam(String raw, String name) throws QueryException {
        JsonNode node = SimJson.parseOrNull(raw);
        if (node == null) {
            throw new QueryException("invalid_request", "Error in query parameters: " + name + " is not valid JSON");
        }
        return node;
    }

    static List<OfferQueryMatcher.SortKey> orderBy(String raw) throws QueryException {
        List<OfferQueryMatcher.SortKey> keys = new ArrayList<>();
        if (raw != null && !raw.isBlank()) {
            JsonNode node = parseParam(raw, "order_by");
            List<JsonNode> entries = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(entries::add);
            } else {
                entries.add(node);
            }
            for (JsonNode entry : entries) {
                String col;
                String dir;
                if (entry.isObject()) {
                    col = entry.path("col").asText(null);
                    dir = entry.path("dir").asText("asc");
                } else if (entry.isArray() && entry.size() >= 1) {
                    col = entry.get(0).asText(null);
                    dir = entry.size() > 1 ? entry.get(1).asText("asc") : "asc";
                } else {
                    throw new QueryException(
                            "invalid_request", "Error in query parameters: order_by entries need a col");
                }
                if (col == null || !STORED_COLUMNS.contains(col)) {
                    throw new QueryException(
                            "invalid_request", "Error in query parameters: " + col + " is not a valid order column");
                }
                keys.add(new OfferQueryMatcher.SortKey(col, "desc".equalsIgnoreCase(dir)));
            }
        }
        if (keys.stream().noneMatch(k -> k.field().equals("id"))) {
            keys.add(new OfferQueryMatcher.SortKey("id", false));
        }
        return keys;
    }

    private static List<String> selectCols(String raw) throws QueryException {
        if (raw == null || raw.isBlank()) {
            return List.of("*");
        }
        JsonNode node = parseParam(raw, "select_cols");
        List<String> cols = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> cols.add(n.asText()));
        } else {
            cols.add(node.asText());
        }
        return cols.isEmpty() ? List.of("*") : cols;
    }

    private static Map<String, Object> project(Map<String, Object> row, List<String> columns) {
        if (columns.contains("*")) {
            return row;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String col : columns) {
            result.put(col, row.get(col));
        }
        return result;
    }

    static String encodeToken(Map<String, Object> lastRow, List<OfferQueryMatcher.SortKey> order) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (OfferQueryMatcher.SortKey key : order) {
            values.put(key.field(), lastRow.get(key.field()));
        }
        Map<String, Object> token = Map.of("values", values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SimJson.bytes(token));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decodeToken(String token) throws QueryException {
        QueryException invalid = new QueryException("invalid_token", "Error in query parameters: invalid after_token");
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        Object parsed = SimJson.plain(SimJson.parseOrNull(new String(bytes, StandardCharsets.UTF_8)));
        if (!(parsed instanceof Map<?, ?> map)
                || !(map.get("values") instanceof Map<?, ?> values)
                || !(values.get("id") instanceof Number)) {
            throw invalid;
        }
        return (Map<String, Object>) values;
    }
}
