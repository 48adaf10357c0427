package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void plainTextIsUntouched() {
        String text = "RTX 4090 ✓ Zürich 東京 $0.4000/hr";
        assertSame(text, TerminalText.safe(text));
        assertNull(TerminalText.safe(null));
    }

    @Test
    void everyControlCharacterIsShownAsAVisibleEscape() {
        assertEquals(
                "a\\e[2Kb\\rc\\nd\\te\\x07f\\x7fg\\u009bh",
                TerminalText.safe("a\u001b[2Kb\rc\nd\te\u0007f\u007fg\u009bh"));
        assertEquals("\\u202eabc\\u2066\\u200f\\u2028", TerminalText.safe("\u202eabc\u2066\u200f\u2028"));
    }
}
