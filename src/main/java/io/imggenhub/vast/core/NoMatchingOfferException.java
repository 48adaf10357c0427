package io.imggenhub.vast.core;

/** Nothing on the market matches the filter; nothing was rented. */
public final class NoMatchingOfferException extends RuntimeException {
    public NoMatchingOfferException(OfferFilter filter) {
        super("no_matching_offer: no rentable offer matches " + describe(filter));
    }

    private static String describe(OfferFilter f) {
        StringBuilder b = new StringBuilder();
        if (f.gpuName() != null) {
            b.append("GPU ").append(f.gpuName()).append(", ");
        }
        if (f.minVramGb() != null) {
            b.append("VRAM >= ").append(f.minVramGb()).append(" GB, ");
        }
        if (f.maxHourlyPrice() != null) {
            b.append("price <= $").append(f.maxHourlyPrice()).append("/hr, ");
        }
        if (f.minReliability() != null) {
            b.append("reliability >= ").append(f.minReliability()).append("%, ");
        }
        if (f.numGpus() != null) {
            b.append(Formats.count(f.numGpus(), "GPU")).append(", ");
        }
        b.append(f.spot() ? "interruptible" : "on-demand");
        return b.toString();
    }
}
