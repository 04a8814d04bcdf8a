package dev.switchboard.core.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Makes identifiers that sort by creation time: 10 characters of millisecond timestamp and 16 of
 * randomness in Crockford base-32 (the ULID layout), so ids in a list or a log read in order.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new time-ordered id for the current wall time. */
    public static String next() {
        return next(Clock.systemUTC().millis());
    }

    /** A new time-ordered id for {@code epochMillis}. */
    public static String next(long epochMillis) {
        char[] out = new char[26];
        long t = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (t & 31)];
            t >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xFF);
            lo = (lo << 8) | (random[i + 5] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** Whether {@code value} has the shape of an id made here. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 26) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (java.util.Arrays.binarySearch(ALPHABET, c) < 0) {
                return false;
            }
        }
        return true;
    }
}
