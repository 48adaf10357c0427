package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.ui.common.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One table row, keyed by the instance id. A refresh updates the same object in place (only the values that
 * changed fire), so the table keeps its selection, sort order and scroll position and cells never blink.
 */
public final class InstanceRow {
    private final long id;
    private Instance instance;
    private final ReadOnlyStringWrapper gpu = new ReadOnlyStringWrapper(this, "gpu");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind");
    /** What the window is doing to this instance ("destroying…"); empty when nothing. Shown instead of the status. */
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper(this, "action", "");

    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
    /** What it bills per hour now: dph_total while it runs, storage only while stopped. */
    private final ReadOnlyDoubleWrapper hourly = new ReadOnlyDoubleWrapper(this, "hourly");

    private boolean storageOnly;
    private final ReadOnlyObjectWrapper<Duration> uptime = new ReadOnlyObjectWrapper<>(this, "uptime", Duration.ZERO);
    private final ReadOnlyDoubleWrapper costSoFar = new ReadOnlyDoubleWrapper(this, "costSoFar");
    private final ReadOnlyObjectWrapper<Double> gpuUtil = new ReadOnlyObjectWrapper<>(this, "gpuUtil");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label");
    private final ReadOnlyStringWrapper ssh = new ReadOnlyStringWrapper(this, "ssh");

    InstanceRow(Instance instance, Instant now) {
        this.id = instance.id();
        update(instance, now);
    }

    /**
     * Copies what changed and returns which fields did (empty when nothing visible changed). Must run on the FX
     * thread once shown.
     */
    EnumSet<RowField> update(Instance next, Instant now) {
        if (next.id() != id) {
            throw new IllegalArgumentException("row " + id + " cannot take instance " + next.id());
        }
        this.instance = next;
        EnumSet<RowField> changed = EnumSet.noneOf(RowField.class);
        mark(changed, RowField.GPU, set(gpu, Format.gpu(next.gpuName(), next.gpuCount())));
        mark(changed, RowField.STATUS, set(status, next.status()));
        StatusKind kind = StatusKind.of(next.status());
        if (statusKind.get() != kind) {
            statusKind.set(kind);
            changed.add(RowField.STATUS);
        }
        mark(changed, RowField.HOURLY, set(hourly, next.billedRate()));
        boolean stopped = next.isStopped();
        if (stopped != storageOnly) {
            storageOnly = stopped;
            changed.add(RowField.HOURLY);
        }
        // Whole seconds: sub-second jitter between polls is not a change anyone needs to see.
        Duration up = Duration.ofSeconds(next.uptime(now).getSeconds());
        if (!up.equals(uptime.get())) {
            uptime.set(up);
            changed.add(RowField.UPTIME);
        }
        mark(changed, RowField.COST, set(costSoFar, Math.round(next.estimatedCost(now) * 100) / 100.0));
        if (!Objects.equals(gpuUtil.get(), next.gpuUtil())) {
            gpuUtil.set(next.gpuUtil());
            changed.add(RowField.UTIL);
        }
        mark(changed, RowField.LABEL, set(label, next.label() == null ? "" : next.label()));
        Instance.SshAddress address = next.ssh();
        mark(changed, RowField.SSH, set(ssh, address == null ? "" : address.userAtHostPort()));
        refreshStatusText();
        return changed;
    }

    private static void mark(EnumSet<RowField> changed, RowField field, boolean didChange) {
        if (didChange) {
            changed.add(field);
        }
    }

    void setAction(String text) {
        action.set(text == null ? "" : text);
        refreshStatusText();
    }

    private void refreshStatusText() {
        set(statusText, action.get().isEmpty() ? status.get() : action.get());
    }

    private static boolean set(ReadOnlyStringWrapper property, String value) {
        if (Objects.equals(property.get(), value)) {
            return false;
        }
        property.set(value);
        return true;
    }

    private static boolean set(ReadOnlyDoubleWrapper property, double value) {
        if (Double.compare(property.get(), value) == 0) {
            return false;
        }
        property.set(value);
        return true;
    }

    public long id() {
        return id;
    }

    /** The instance as last listed (what the destroyer needs). */
    public Instance instance() {
        return instance;
    }

    /** Stopped: the hourly figure is its storage only. */
    public boolean storageOnly() {
        return storageOnly;
    }

    public boolean busy() {
        return !action.get().isEmpty();
    }

    public ReadOnlyStringProperty gpuProperty() {
        return gpu.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** The status, or what the window is doing to the instance while it does it. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty hourlyProperty() {
        return hourly.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty costSoFarProperty() {
        return costSoFar.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> gpuUtilProperty() {
        return gpuUtil.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sshProperty() {
        return ssh.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "InstanceRow[" + id + " " + gpu.get() + " " + statusText.get() + "]";
    }
}
