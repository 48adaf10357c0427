package io.imggenhub.vast.ui.instances;

import java.util.Locale;

/** The few colours a status can have; each maps to a CSS style class in light.css and dark.css. */
public enum StatusKind {
    RUNNING,
    LOADING,
    STOPPED,
    OFFLINE,
    OTHER;

    public String styleClass() {
        return "status-" + name().toLowerCase(Locale.ROOT);
    }

    static StatusKind of(String status) {
        if (status == null) {
            return OTHER;
        }
        return switch (status) {
            case "running" -> RUNNING;
            case "loading", "created", "scheduling", "provisioning", "rebooting", "starting" -> LOADING;
            case "stopped", "exited", "inactive" -> STOPPED;
            case "offline", "unknown" -> OFFLINE;
            default -> OTHER;
        };
    }
}
