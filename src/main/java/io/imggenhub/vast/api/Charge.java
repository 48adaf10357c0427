package io.imggenhub.vast.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One result of {@code GET /api/v0/charges/} (vast-api.md §3.8): what Vast billed one contract in the asked range,
 * split into items. {@code start}/{@code end} are unix seconds; {@code source} reads {@code instance-12345678}.
 */
public record Charge(
        Long start,
        Long end,
        String type,
        String source,
        String description,
        Double amount,
        Map<String, Object> metadata,
        List<ChargeItem> items) {

    public Charge {
        items = items == null ? List.of() : List.copyOf(items);
        metadata = metadata == null ? Map.of() : metadata;
    }

    /** The instance id from {@code metadata.instance_id}, else from {@code source}; null for other charges. */
    public Long instanceId() {
        Object id = metadata.get("instance_id");
        if (id instanceof Number n) {
            return n.longValue();
        }
        if (source != null && source.startsWith("instance-")) {
            try {
                return Long.parseLong(source.substring("instance-".length()).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public String label() {
        Object label = metadata.get("label");
        return label instanceof String s && !s.isBlank() ? s : null;
    }

    public double usd() {
        return amount == null ? items.stream().mapToDouble(ChargeItem::usd).sum() : amount;
    }

    /** USD of the items of one kind. */
    public double usd(ChargeItem.Kind kind) {
        return items.stream()
                .filter(i -> i.kind() == kind)
                .mapToDouble(ChargeItem::usd)
                .sum();
    }

    /** Up to when this result is billed; null when Vast did not say. */
    public Instant endInstant() {
        return end == null ? null : Instant.ofEpochSecond(end);
    }
}
