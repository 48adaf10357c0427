package io.imggenhub.vast.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search in Vast's offer query language: per field an operator object ({@code {"gpu_ram": {"gte": 24000}}}),
 * plus {@code order}, {@code limit} and {@code type} (on-demand or bid). Built fluently, sent as the JSON body of
 * {@code POST /api/v0/bundles/}.
 */
public final class OfferQuery {
    private final Map<String, Map<String, Object>> filters = new LinkedHashMap<>();
    private final List<String[]> order = new ArrayList<>();
    private Integer limit;
    private String type = "on-demand";
    private Double allocatedStorage;

    /** Only machines that can be rented now and are not rented already (to price one offer by its id). */
    public static OfferQuery rentable() {
        return new OfferQuery().eq("rentable", true).eq("rented", false);
    }

    /**
     * The official CLI's default filters (vast-api.md §3.5): {@code verified=true}, {@code external=false},
     * {@code rentable=true}, {@code rented=false}; unverified hosts only when asked for.
     */
    public static OfferQuery cliDefaults(boolean includeUnverified) {
        OfferQuery q = new OfferQuery();
        if (!includeUnverified) {
            q.eq("verified", true);
        }
        return q.eq("external", false).eq("rentable", true).eq("rented", false);
    }

    public OfferQuery eq(String field, Object value) {
        return op(field, "eq", value);
    }

    public OfferQuery gte(String field, Object value) {
        return op(field, "gte", value);
    }

    public OfferQuery lte(String field, Object value) {
        return op(field, "lte", value);
    }

    public OfferQuery op(String field, String operator, Object value) {
        filters.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(operator, value);
        return this;
    }

    public OfferQuery orderBy(String field, boolean ascending) {
        order.add(new String[] {field, ascending ? "asc" : "desc"});
        return this;
    }

    public OfferQuery limit(int limit) {
        this.limit = limit;
        return this;
    }

    /** Interruptible (spot) offers are searched as {@code type: bid}. */
    public OfferQuery interruptible(boolean spot) {
        this.type = spot ? "bid" : "on-demand";
        return this;
    }

    /**
     * The disk (GB) to price into {@code dph_total}: with the disk that will be rented, the price shown, filtered
     * and sorted on is the price billed (vast-api.md §3.5).
     */
    public OfferQuery allocatedStorage(double gb) {
        this.allocatedStorage = gb;
        return this;
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        filters.forEach((field, ops) -> root.set(field, Json.mapper().valueToTree(ops)));
        if (!order.isEmpty()) {
            ArrayNode list = root.putArray("order");
            order.forEach(pair -> list.addArray().add(pair[0]).add(pair[1]));
        }
        if (limit != null) {
            root.put("limit", limit);
        }
        root.put("type", type);
        if (allocatedStorage != null) {
            root.put("allocated_storage", allocatedStorage);
        }
        return root;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
