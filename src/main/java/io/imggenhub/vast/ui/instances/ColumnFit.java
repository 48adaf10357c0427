package io.imggenhub.vast.ui.instances;

import io.imggenhub.vast.ui.common.Format;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * How wide an instance-table column must be for its widest content, measured in the table's font (13 px, see
 * base.css). Numbers are measured against their widest plausible form as well as the rows, so a column does not
 * jump when a cost gains a digit.
 */
public final class ColumnFit {
    private static final Font FONT = Font.font(13);
    /** Cell padding left and right, plus the sort arrow's room in the header. */
    private static final double PADDING = 12;
    /** The label may give way (its cells have the full text as a tooltip); the numbers may not. */
    static final double LABEL_MIN = 60;
    /** Wide enough for its header; its cells have their full text as a tooltip. */
    static final double GUARD_MIN = 52;

    private static final double LABEL_MAX = 260;
    /** "Copy" in the button's 11 px, its padding and border, and the gap before it. */
    private static final double SSH_BUTTON = 46;

    private ColumnFit() {}

    /** 0 for a column this does not size (the Guard column sizes itself). */
    public static double width(TableColumn<InstanceRow, ?> column, List<InstanceRow> rows) {
        if (!(column.getUserData() instanceof RowField field)) {
            return 0;
        }
        String header = column.getGraphic() instanceof Label l ? l.getText() : column.getText();
        double content =
                switch (field) {
                    case ID -> widest(rows, r -> String.valueOf(r.id()), "99999999");
                    case GPU -> widest(rows, r -> r.gpuProperty().get(), "RTX 4090");
                    // The longest thing the window itself writes there; Vast's own states are shorter.
                    // A dot before the text; longer action texts ("destroy accepted, verifying…") have a tooltip.
                    case STATUS ->
                        Math.min(
                                        measure("STILL BILLING"),
                                        widest(rows, r -> r.statusTextProperty().get(), "stopped"))
                                + 16;
                    case HOURLY ->
                        widest(
                                rows,
                                r -> Format.rate(r.hourlyProperty().get()) + (r.storageOnly() ? " disk" : ""),
                                "$0.0000 disk");
                    case UPTIME -> measure("99 d 23 h");
                    case COST ->
                        widest(
                                rows,
                                r -> "~" + Format.money(r.costSoFarProperty().get()),
                                "~$9,999.99");
                    case UTIL -> measure("100 %");
                    case LABEL ->
                        Math.min(LABEL_MAX, widest(rows, r -> r.labelProperty().get(), "label"));
                    case SSH ->
                        widest(rows, r -> InstanceTable.shortSsh(r.sshProperty().get()), "ssh9.vast.ai:99999")
                                + SSH_BUTTON;
                };
        return Math.ceil(Math.max(content, measure(header)) + PADDING);
    }

    private static double widest(List<InstanceRow> rows, Function<InstanceRow, String> text, String floor) {
        String longest = floor;
        for (InstanceRow row : rows) {
            String s = text.apply(row);
            if (s != null && s.length() > longest.length()) {
                longest = s;
            }
        }
        return measure(longest);
    }

    static double measure(String s) {
        Text text = new Text(s == null ? "" : s);
        text.setFont(FONT);
        return text.getLayoutBounds().getWidth();
    }
}
