package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import java.util.List;

/** Progress of a destroy run, called from worker threads as things happen. All methods are optional. */
public interface DestroyListener {
    DestroyListener NONE = new DestroyListener() {};

    /** The instances that will be destroyed (after listing, before any request). */
    default void starting(List<Instance> targets) {}

    /** Vast accepted the destroy of this instance (or it was already gone). */
    default void accepted(Instance instance, boolean alreadyGone) {}

    /** The destroy request for this instance failed for good. */
    default void failed(Instance instance, String reason) {}

    /** Something moved: a page listed, a destroy answered, a verification round. Events may be frequent. */
    default void progress(DestroyProgress progress) {}

    /** Verification finished: every outcome is final. */
    default void finished(DestroyReport report) {}
}
