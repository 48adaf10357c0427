package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void ratesHaveFourDecimalsAndBalancesTwo() {
        assertEquals("$0.1100", Format.rate(0.11));
        assertEquals("$25.00", Format.usd(25));
        assertEquals("-$0.03", Format.usd(-0.033));
        assertEquals("$0.00", Format.usd(-0.0001), "no minus sign on what prints as zero");
    }

    @Test
    void agesReadLikeVasts() {
        assertEquals("0m", Format.age(Duration.ofSeconds(59)));
        assertEquals("4h 15m", Format.age(Duration.ofMinutes(255)));
        assertEquals("2d 3h", Format.age(Duration.ofHours(51).plusMinutes(10)));
    }
}
