package io.imggenhub.vast.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns as wide as their widest cell, two spaces apart; numbers may align right. */
final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = headers;
        this.rightAligned = new boolean[headers.length];
    }

    TextTable alignRight(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    TextTable add(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        String[] safe = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
            // Cells carry server text (labels, GPU names): never raw control characters on a terminal.
            safe[c] = TerminalText.safe(cells[c]);
        }
        rows.add(safe);
        return this;
    }

    void print(PrintWriter out) {
        print(out, true);
    }

    /** Label/value blocks use the same alignment without a header line. */
    void printWithoutHeader(PrintWriter out) {
        print(out, false);
    }

    private void print(PrintWriter out, boolean withHeader) {
        int[] width = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            width[c] = headers[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        if (withHeader) {
            out.println(line(headers, width));
        }
        for (String[] row : rows) {
            out.println(line(row, width));
        }
    }

    private String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            String pad = " ".repeat(width[c] - cells[c].length());
            if (rightAligned[c]) {
                b.append(pad).append(cells[c]);
            } else {
                b.append(cells[c]);
                if (!last) {
                    b.append(pad);
                }
            }
            if (!last) {
                b.append("  ");
            }
        }
        return b.toString();
    }
}
