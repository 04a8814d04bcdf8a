package dev.switchboard.surveillance.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The city's clock: camera times are shown in Tokyo time, ISO-8601 with the offset. */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm")
            .withLocale(java.util.Locale.ENGLISH).withZone(ZONE);

    private CityTime() {
    }

    /** e.g. {@code 2025-06-01T14:03:22+09:00}. */
    public static String iso(Instant at) {
        return ISO.format(at);
    }

    /** e.g. {@code Sun 1 Jun 14:03}, for answers and lists. */
    public static String shortText(Instant at) {
        return SHORT.format(at);
    }

    /** Minutes since local midnight, 0..1439. */
    public static int minuteOfDay(Instant at) {
        var t = at.atZone(ZONE);
        return t.getHour() * 60 + t.getMinute();
    }

    /** The local hour, 0..23. */
    public static int hour(Instant at) {
        return at.atZone(ZONE).getHour();
    }
}
