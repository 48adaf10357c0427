package io.imggenhub.vast.sim;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * One instance as the list handler sees it: the columns a filter, an order or {@code label_counts} look at are read
 * straight from a snapshot, and the full row of some 80 fields (vast-api.md §4) is built only for the rows of the
 * page that is sent. Building every row of a 10,000-instance account on each page request made hundreds of
 * megabytes of garbage per request and kept the simulator's heap in the gigabytes.
 */
final class ListedRow extends AbstractMap<String, Object> {
    private final SimInstance instance;
    private final Instant now;
    private final Instant clientNow;
    private Map<String, Object> full;

    ListedRow(SimInstance snapshot, Instant now, Instant clientNow) {
        this.instance = snapshot;
        this.now = now;
        this.clientNow = clientNow;
    }

    @Override
    public Object get(Object key) {
        if (key instanceof String column) {
            switch (column) {
                case "id":
                    return instance.id();
                case "label":
                    return instance.label();
                case "actual_status":
                    return instance.actualStatus();
                case "intended_status":
                    return instance.intendedStatus();
                case "cur_state":
                    return instance.curState();
                case "image_uuid":
                    return instance.imageUuid();
                case "ssh_host":
                    return instance.sshHost();
                case "ssh_port":
                    return instance.sshPort();
                case "is_bid":
                    return instance.isBid();
                default:
                    break;
            }
        }
        return full().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return full().containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return full().entrySet();
    }

    /** The complete row, built once, when this row is sent or a rarely used column is asked for. */
    Map<String, Object> full() {
        if (full == null) {
            full = instance.toJson(now, clientNow);
        }
        return full;
    }
}
