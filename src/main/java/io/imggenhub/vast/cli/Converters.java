package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.core.guard.HumanDuration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is parsed, so that bad input ends with exit 2 before any request
 * goes out.
 */
final class Converters {
    private Converters() {}

    /**
     * Java reads full-width and other Unicode digits as numbers ({@code ２８１１６３５８} is 28116358), which turned a
     * look-alike into a destroyed instance. Only ASCII digits, sign, point and exponent are numbers here.
     */
    static String ascii(String value) {
        String v = value.strip();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                throw new TypeConversionException("'" + value + "' is not a number written in ASCII digits");
            }
        }
        return v;
    }

    /** Instance and offer ids: Vast's are positive integers. */
    static final class PositiveId implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long id;
            try {
                id = Long.parseLong(ascii(value));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an id (a positive whole number)");
            }
            if (id <= 0) {
                throw new TypeConversionException("'" + value + "' is not an id (a positive whole number)");
            }
            return id;
        }
    }

    /** Prices, sizes and the like: a finite number, zero or more. */
    static final class NonNegative implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, d -> d >= 0, "must not be negative");
        }
    }

    /** Disk sizes: Vast rents at least 8 GB (vast-api.md §3.4); far above any offer's disk is a typo. */
    static final class DiskGb implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(
                    value,
                    d -> d >= RentRequest.MIN_DISK_GB && d <= RentRequest.MAX_DISK_GB,
                    "is not a disk size from " + (int) RentRequest.MIN_DISK_GB + " to " + (int) RentRequest.MAX_DISK_GB
                            + " GB");
        }
    }

    /** An interruptible bid in $/hr: Vast accepts 0.001 to 128 (vast-api.md §3.4). */
    static final class Bid implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(
                    value,
                    d -> d >= RentRequest.MIN_BID && d <= RentRequest.MAX_BID,
                    "is not a bid from $0.001 to $128 per hour");
        }
    }

    /** Reliability in percent, as people write it (95, not 0.95). */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, d -> d >= 0 && d <= 100, "is not a percentage from 0 to 100");
        }
    }

    /** Counts such as --num-gpus and --limit. */
    static final class PositiveCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(ascii(value));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' must be at least 1");
            }
            return n;
        }
    }

    static final long MAX_WAIT_SECONDS = 86_400;

    /** Waits in whole seconds, at most a day; 0 means do not wait. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long s;
            try {
                s = Long.parseLong(ascii(value));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (s < 0) {
                throw new TypeConversionException("'" + value + "' must not be negative");
            }
            if (s > MAX_WAIT_SECONDS) {
                throw new TypeConversionException("'" + value + "' is more than a day (" + MAX_WAIT_SECONDS + " s)");
            }
            return s;
        }
    }

    /** A finite number for which {@code ok} holds, else "'value' {@code problem}". */
    private static double number(String value, java.util.function.DoublePredicate ok, String problem) {
        double d = number(value);
        if (!ok.test(d)) {
            throw new TypeConversionException("'" + value + "' " + problem);
        }
        return d;
    }

    private static double number(String value) {
        double d;
        try {
            d = Double.parseDouble(ascii(value));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new TypeConversionException("'" + value + "' is not a finite number");
        }
        return d;
    }

    /** Guard and history durations as people write them: 2h, 90m, 1h30m, 45s, 2d (see {@link HumanDuration}). */
    static final class PositiveDuration implements ITypeConverter<java.time.Duration> {
        static final java.time.Duration LONGEST = java.time.Duration.ofDays(36_525);

        @Override
        public java.time.Duration convert(String value) {
            java.time.Duration d;
            try {
                d = HumanDuration.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("'" + value + "' must be longer than zero");
            }
            // Far beyond any guard or history, and far inside what dates and epoch milliseconds can hold.
            if (d.compareTo(LONGEST) > 0) {
                throw new TypeConversionException(
                        "'" + value + "' is too long: at most 100 years (" + LONGEST.toDays() + "d)");
            }
            return d;
        }
    }

    /** Amounts that must be above zero: caps and prices. */
    static final class PositiveUsd implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, d -> d > 0, "must be an amount above $0");
        }
    }

    /** A GPU utilisation threshold: above 0 and at most 100. */
    static final class IdlePercent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, d -> d > 0 && d <= 100, "is not a GPU utilisation above 0 and at most 100");
        }
    }
}
