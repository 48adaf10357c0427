package io.imggenhub.vast.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Vast's filter language over JSON rows: per field an operator object ({@code {"gpu_ram": {"gte": 24000}}}) with
 * {@code eq, neq, gt, gte, lt, lte, in, notin}. Used by the offer search and by the v1 instance list.
 *
 * <p>Comparisons are as loose as Vast's: the official CLI sends {@code dph<1} as {@code {"lt": "1"}} (a string),
 * so numbers given as strings compare as numbers, and {@code "true"} equals {@code true}. A two-letter value for
 * {@code geolocation} matches the country code at the end of "Washington, US".
 */
final class OfferQueryMatcher {
    static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "notin");

    /** One {@code field op value} condition. */
    record Condition(String field, String op, Object value) {}

    /** One sort key; {@code descending} false means ascending. */
    record SortKey(String field, boolean descending) {}

    private final List<Condition> conditions;

    private OfferQueryMatcher(List<Condition> conditions) {
        this.conditions = conditions;
    }

    List<Condition> conditions() {
        return conditions;
    }

    /**
     * Reads the field conditions of a query object, skipping {@code ignoredKeys} (order, limit, type...).
     * {@code knownField} says which fields exist; any other field is a 400 as on Vast.
     */
    static OfferQueryMatcher parse(Map<String, Object> query, Set<String> ignoredKeys, Predicate<String> knownField)
            throws QueryException {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if (ignoredKeys.contains(field)) {
                continue;
            }
            if (!knownField.test(field)) {
                throw new QueryException(
                        "invalid_request", "Error in query parameters: " + field + " is not a valid search key");
            }
            if (entry.getValue() instanceof Map<?, ?> ops) {
                for (Map.Entry<?, ?> op : ops.entrySet()) {
                    String name = String.valueOf(op.getKey());
                    if (!OPERATORS.contains(name)) {
                        throw new QueryException(
                                "invalid_request",
                                "Error in query parameters: unknown operator " + name + " for " + field);
                    }
                    conditions.add(new Condition(field, name, op.getValue()));
                }
            } else {
                // A bare value is read as equality; Vast's older clients sent filters that way.
                conditions.add(new Condition(field, "eq", entry.getValue()));
            }
        }
        return new OfferQueryMatcher(List.copyOf(conditions));
    }

    boolean test(Function<String, Object> row) {
        for (Condition c : conditions) {
            if (!holds(c.field(), row.apply(c.field()), c.op(), c.value())) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(String field, Object actual, String op, Object wanted) {
        return switch (op) {
            case "eq" -> same(field, actual, wanted);
            case "neq" -> !same(field, actual, wanted);
            case "gt" -> actual != null && wanted != null && compare(actual, wanted) > 0;
            case "gte" -> actual != null && wanted != null && compare(actual, wanted) >= 0;
            case "lt" -> actual != null && wanted != null && compare(actual, wanted) < 0;
            case "lte" -> actual != null && wanted != null && compare(actual, wanted) <= 0;
            case "in" -> asList(wanted).stream().anyMatch(w -> same(field, actual, w));
            case "notin" -> asList(wanted).stream().noneMatch(w -> same(field, actual, w));
            default -> false;
        };
    }

    private static Collection<?> asList(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof String s && s.contains(",")) {
            return List.of(s.split("\\s*,\\s*"));
        }
        return java.util.Collections.singletonList(value);
    }

    static boolean same(String field, Object actual, Object wanted) {
        if (actual == null || wanted == null) {
            return actual == null && wanted == null;
        }
        if (actual instanceof Boolean || wanted instanceof Boolean) {
            Boolean a = asBoolean(actual);
            Boolean w = asBoolean(wanted);
            return a != null && a.equals(w);
        }
        Double a = asNumber(actual);
        Double w = asNumber(wanted);
        if (a != null && w != null) {
            return Double.compare(a, w) == 0 || Math.abs(a - w) < 1e-9;
        }
        String as = String.valueOf(actual).strip();
        String ws = String.valueOf(wanted).strip();
        if (as.equals(ws)) {
            return true;
        }
        if ("geolocation".equals(field) && ws.length() == 2) {
            return as.toUpperCase(Locale.ROOT).endsWith(", " + ws.toUpperCase(Locale.ROOT));
        }
        return false;
    }

    /** Numbers by value, everything else by text; nulls sort last. */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        Double an = asNumber(a);
        Double bn = asNumber(b);
        if (an != null && bn != null) {
            return Double.compare(an, bn);
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Boolean ab = asBoolean(a);
            Boolean bb = asBoolean(b);
            if (ab != null && bb != null) {
                return Boolean.compare(ab, bb);
            }
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    static Comparator<Map<String, Object>> ordering(List<SortKey> keys) {
        Comparator<Map<String, Object>> comparator = (x, y) -> 0;
        for (SortKey key : keys) {
            Comparator<Map<String, Object>> one = (x, y) -> {
                Object a = x.get(key.field());
                Object b = y.get(key.field());
                if (a == null || b == null) {
                    // Nulls last whatever the direction, like Postgres' NULLS LAST.
                    return a == null ? (b == null ? 0 : 1) : -1;
                }
                int c = compare(a, b);
                return key.descending() ? -c : c;
            };
            comparator = comparator.thenComparing(one);
        }
        return comparator;
    }

    static Double asNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("1")) {
                return true;
            }
            if (t.equals("false") || t.equals("0")) {
                return false;
            }
        }
        return null;
    }
}
