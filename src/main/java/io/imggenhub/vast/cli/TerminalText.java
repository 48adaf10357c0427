package io.imggenhub.vast.cli;

/**
 * Makes text from a server (labels, GPU names, error messages) safe to print on a terminal. A raw ESC starts an
 * ANSI sequence that can erase lines or move the cursor, a CR rewrites the current line, a newline starts a fake
 * one, C1 controls act like ESC on some terminals, and bidi overrides reorder what the eye reads. Each such
 * character is shown as a visible escape instead ({@code \e}, {@code \r}, {@code \n}, {@code \x07},
 * {@code \u202e}), so nothing a server sends can forge a line such as a fake total. {@code --json} output needs no
 * help: the JSON writer escapes control characters itself.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every control and bidi-control character escaped; null stays null. */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c < 0x80) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || isBidiControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** ALM, LRM, RLM, the embeddings and overrides, and the isolates: all can make text read in another order. */
    private static boolean isBidiControl(char c) {
        return c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
