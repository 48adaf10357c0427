package io.imggenhub.vast.ui.instances;

/** The values of a row a column can sort by. */
public enum RowField {
    ID,
    GPU,
    STATUS,
    HOURLY,
    UPTIME,
    COST,
    UTIL,
    LABEL,
    SSH;

    /**
     * Whether a change of this field alone can move a row in a table sorted by it. Uptime cannot: every row's
     * uptime grows by the same amount between two polls, so their order stays.
     */
    boolean canReorder() {
        return this != UPTIME && this != ID;
    }
}
