package io.imggenhub.vast.api;

/** One line of a {@link Charge}: {@code gpu}, {@code disk}, {@code bwd} or {@code bwu}, e.g. "96.000 hours at $0.389/hour". */
public record ChargeItem(Long start, Long end, String type, String description, Double amount) {

    /** The kinds Vast bills separately; bandwidth up and down count as one. */
    public enum Kind {
        GPU,
        DISK,
        BANDWIDTH,
        OTHER
    }

    public Kind kind() {
        if (type == null) {
            return Kind.OTHER;
        }
        return switch (type) {
            case "gpu" -> Kind.GPU;
            case "disk", "storage" -> Kind.DISK;
            case "bwd", "bwu" -> Kind.BANDWIDTH;
            default -> Kind.OTHER;
        };
    }

    public double usd() {
        return amount == null ? 0.0 : amount;
    }
}
