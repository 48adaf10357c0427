package io.imggenhub.vast.core;

import io.imggenhub.vast.api.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a listener's events in their documented order while destroying already runs during the listing:
 * accepted/failed events that arrive before {@code starting} are held back and delivered right after it.
 */
final class OrderedListener implements DestroyListener {
    private final DestroyListener delegate;
    private final List<Runnable> held = new ArrayList<>();
    private boolean started;

    OrderedListener(DestroyListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void starting(List<Instance> targets) {
        delegate.starting(targets);
        started = true;
        held.forEach(Runnable::run);
        held.clear();
    }

    @Override
    public synchronized void accepted(Instance instance, boolean alreadyGone) {
        deliver(() -> delegate.accepted(instance, alreadyGone));
    }

    @Override
    public synchronized void failed(Instance instance, String reason) {
        deliver(() -> delegate.failed(instance, reason));
    }

    /** Progress is never held back: it is what shows that a long run is still moving. */
    @Override
    public void progress(DestroyProgress progress) {
        delegate.progress(progress);
    }

    @Override
    public synchronized void finished(DestroyReport report) {
        deliver(() -> delegate.finished(report));
    }

    private void deliver(Runnable event) {
        if (started) {
            event.run();
        } else {
            held.add(event);
        }
    }
}
