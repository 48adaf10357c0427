package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Charge;
import java.time.Instant;
import java.util.List;

/** What Vast billed in a range ({@code VastClient::charges}); a seam so that callers can be given a cache. */
@FunctionalInterface
public interface ChargeSource {
    List<Charge> charges(Instant from, Instant to);
}
