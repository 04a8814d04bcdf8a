package dev.switchboard.surveillance.engine;

import dev.switchboard.core.error.InputException;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery.HourWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and time ranges in natural language, relative to "now" in the city's zone: "in the last 20 minutes",
 * "yesterday", "this week", "last night", "since 14:00", "on Monday", "between 22:00 and 06:00 over the last two
 * weeks", "from 2025-06-01 to 2025-06-03", "at night". A range that ends before it starts ("from tomorrow to
 * yesterday") is refused with a message. Stateless and thread-safe.
 */
public final class TimeExpressions {

    /** What a text said about time; any part may be null. */
    public record Parsed(Instant from, Instant to, HourWindow hours, String matched) {
        public boolean any() {
            return from != null || to != null || hours != null;
        }
    }

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty-five", 45), Map.entry("couple", 2),
            Map.entry("few", 3), Map.entry("several", 3));
    private static final String NUM = "(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
            + "|twenty|thirty|forty-five|couple|few|several)";
    private static final String UNIT = "(minutes?|mins?|hours?|hrs?|days?|weeks?)";
    private static final Pattern LAST_N = Pattern.compile("\\b(?:in |over |during |for )?(?:the )?"
            + "(?:last|past|previous)"
            + " (?:a |the )?" + NUM + "(?: of)? " + UNIT + "\\b");
    private static final Pattern N_AGO = Pattern.compile("\\b" + NUM + " " + UNIT + " ago\\b");
    private static final Pattern LAST_UNIT = Pattern.compile("\\b(?:in |over |during )?(?:the )?(?:last|past) "
            + "(hour|day|week|fortnight|month)\\b");
    private static final String CLOCK = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|h)?";
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:between|from) " + CLOCK + " (?:and|to|until|-) "
            + CLOCK + "(?!\\d)");
    private static final Pattern SINCE = Pattern.compile("\\b(?:since|after) " + CLOCK + "(?![\\d-])");
    private static final Pattern BEFORE = Pattern.compile("\\bbefore " + CLOCK + "(?![\\d-])");
    private static final Pattern AT_CLOCK = Pattern.compile("\\b(?:at|around) " + CLOCK + "(?![\\d-])");
    private static final Pattern DATE_RANGE = Pattern.compile("\\bfrom (\\d{4}-\\d{2}-\\d{2}(?:t[0-9:]+)?) "
            + "(?:to|until) (\\d{4}-\\d{2}-\\d{2}(?:t[0-9:]+)?)\\b");
    private static final Pattern ON_DATE = Pattern.compile("\\b(?:on )?(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern DAY_RANGE = Pattern.compile("\\bfrom (today|yesterday|tomorrow) (?:to|until) "
            + "(today|yesterday|tomorrow)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:on |last )?(monday|tuesday|wednesday|thursday|"
            + "friday|saturday|sunday)\\b");

    private TimeExpressions() {
    }

    /**
     * Reads what {@code text} says about time, relative to {@code now}.
     *
     * @throws InputException when the text names an impossible range (its end before its start)
     */
    public static Parsed parse(String text, Instant now) {
        String t = text.toLowerCase(Locale.ROOT);
        ZonedDateTime local = now.atZone(CityTime.ZONE);
        Instant from = null;
        Instant to = null;
        HourWindow hours = null;
        StringBuilder matched = new StringBuilder();
        Matcher m;
        if ((m = DAY_RANGE.matcher(t)).find()) {
            LocalDate a = dayWord(m.group(1), local);
            LocalDate b = dayWord(m.group(2), local);
            if (b.isBefore(a)) {
                throw InputException.field("time", "\"" + m.group() + "\" ends before it starts; say the earlier day "
                        + "first, e.g. from yesterday to today");
            }
            from = start(a);
            to = start(b.plusDays(1));
            note(matched, m.group());
        } else if ((m = DATE_RANGE.matcher(t)).find()) {
            from = dateTime(m.group(1), false);
            to = dateTime(m.group(2), true);
            if (!to.isAfter(from)) {
                throw InputException.field("time", "\"" + m.group() + "\" ends before it starts; give the earlier "
                        + "date first");
            }
            note(matched, m.group());
        } else if ((m = LAST_N.matcher(t)).find()) {
            from = now.minus(duration(number(m.group(1)), m.group(2)));
            to = now;
            note(matched, m.group());
        } else if ((m = N_AGO.matcher(t)).find()) {
            Instant at = now.minus(duration(number(m.group(1)), m.group(2)));
            from = at.minus(Duration.ofMinutes(15));
            to = at.plus(Duration.ofMinutes(15));
            note(matched, m.group());
        } else if ((m = LAST_UNIT.matcher(t)).find()) {
            Duration d = switch (m.group(1)) {
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "week" -> Duration.ofDays(7);
                case "fortnight" -> Duration.ofDays(14);
                default -> Duration.ofDays(30);
            };
            from = now.minus(d);
            to = now;
            note(matched, m.group());
        } else if (contains(t, "last night")) {
            LocalDate today = local.toLocalDate();
            from = local.toLocalDate().minusDays(1).atTime(20, 0).atZone(CityTime.ZONE).toInstant();
            to = today.atTime(6, 0).atZone(CityTime.ZONE).toInstant();
            note(matched, "last night");
        } else if (contains(t, "yesterday")) {
            from = start(local.toLocalDate().minusDays(1));
            to = start(local.toLocalDate());
            note(matched, "yesterday");
        } else if (contains(t, "tonight")) {
            // In the evening "tonight" is from 18:00 on; after midnight it still means the night so far; during the
            // day it can only mean the night just past.
            int hour = local.getHour();
            LocalDate day = hour >= 18 ? local.toLocalDate() : local.toLocalDate().minusDays(1);
            from = day.atTime(18, 0).atZone(CityTime.ZONE).toInstant();
            to = hour >= 18 || hour < 6 ? now : local.toLocalDate().atTime(6, 0).atZone(CityTime.ZONE).toInstant();
            note(matched, "tonight");
        } else if (contains(t, "today") || contains(t, "this morning") || contains(t, "this afternoon")
                || contains(t, "this evening")) {
            from = start(local.toLocalDate());
            to = now;
            note(matched, "today");
            if (contains(t, "this morning")) {
                hours = HourWindow.hours(6, 12);
            } else if (contains(t, "this afternoon")) {
                hours = HourWindow.hours(12, 18);
            } else if (contains(t, "this evening")) {
                hours = HourWindow.hours(18, 23);
            }
        } else if (contains(t, "this week")) {
            from = start(local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            to = now;
            note(matched, "this week");
        } else if (contains(t, "last week")) {
            LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            from = start(monday.minusWeeks(1));
            to = start(monday);
            note(matched, "last week");
        } else if ((m = ON_DATE.matcher(t)).find()) {
            LocalDate d = date(m.group(1));
            from = start(d);
            to = start(d.plusDays(1));
            note(matched, m.group());
        } else if ((m = WEEKDAY.matcher(t)).find()) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            LocalDate d = local.toLocalDate().with(TemporalAdjusters.previousOrSame(dow));
            if (m.group().startsWith("last ") && d.equals(local.toLocalDate())) {
                d = d.minusWeeks(1);
            }
            from = start(d);
            to = start(d.plusDays(1));
            note(matched, m.group());
        }
        if ((m = BETWEEN.matcher(t)).find()) {
            int a = minutes(m.group(1), m.group(2), m.group(3));
            int b = minutes(m.group(4), m.group(5), m.group(6));
            if (a >= 0 && b >= 0 && a != b) {
                hours = new HourWindow(a, b == 0 ? 1440 : b);
                note(matched, m.group());
            }
        } else if ((m = SINCE.matcher(t)).find() && (from == null || to == null || to.equals(now))) {
            int a = minutes(m.group(1), m.group(2), m.group(3));
            if (a >= 0) {
                ZonedDateTime since = local.toLocalDate().atTime(LocalTime.of(a / 60, a % 60)).atZone(CityTime.ZONE);
                if (since.isAfter(local)) {
                    since = since.minusDays(1);
                }
                from = since.toInstant();
                to = now;
                note(matched, m.group());
            }
        } else if ((m = BEFORE.matcher(t)).find()) {
            int b = minutes(m.group(1), m.group(2), m.group(3));
            if (b > 0) {
                hours = new HourWindow(0, b);
                note(matched, m.group());
            }
        } else if ((m = AT_CLOCK.matcher(t)).find() && (m.group(2) != null || m.group(3) != null)) {
            int a = minutes(m.group(1), m.group(2), m.group(3));
            if (a >= 0) {
                hours = new HourWindow(Math.max(0, a - 30), Math.min(1440, a + 30));
                note(matched, m.group());
            }
        }
        if (hours == null) {
            if (contains(t, "at night") || contains(t, "overnight") || contains(t, "night-time")
                    || contains(t, "nighttime") || contains(t, "only night") || t.matches(".*\\bnights?\\b.*")
                    && !contains(t, "last night")) {
                hours = HourWindow.hours(22, 6);
                note(matched, "at night");
            } else if (contains(t, "in the morning") || contains(t, "mornings")) {
                hours = HourWindow.hours(6, 12);
                note(matched, "in the morning");
            } else if (contains(t, "in the afternoon") || contains(t, "afternoons")) {
                hours = HourWindow.hours(12, 18);
                note(matched, "in the afternoon");
            } else if (contains(t, "in the evening") || contains(t, "evenings")) {
                hours = HourWindow.hours(18, 23);
                note(matched, "in the evening");
            } else if (contains(t, "rush hour") || contains(t, "commute")) {
                hours = HourWindow.hours(7, 10);
                note(matched, "rush hour");
            }
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw InputException.field("time", "the time range ends before it starts");
        }
        if (from != null && from.isAfter(now)) {
            throw InputException.field("time", "\"" + matched + "\" lies in the future; camera events are only "
                    + "recorded up to now");
        }
        return new Parsed(from, to, hours, matched.toString());
    }

    private static void note(StringBuilder b, String s) {
        if (!b.isEmpty()) {
            b.append(", ");
        }
        b.append(s.strip());
    }

    private static boolean contains(String t, String phrase) {
        return t.contains(phrase);
    }

    private static LocalDate dayWord(String w, ZonedDateTime local) {
        return switch (w) {
            case "yesterday" -> local.toLocalDate().minusDays(1);
            case "tomorrow" -> local.toLocalDate().plusDays(1);
            default -> local.toLocalDate();
        };
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(CityTime.ZONE).toInstant();
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw InputException.field("time", "\"" + s + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static Instant dateTime(String s, boolean endOfDay) {
        if (s.contains("t")) {
            try {
                return java.time.LocalDateTime.parse(s.toUpperCase(Locale.ROOT)).atZone(CityTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw InputException.field("time", "\"" + s + "\" is not a date and time (YYYY-MM-DDTHH:MM)");
            }
        }
        LocalDate d = date(s);
        return start(endOfDay ? d.plusDays(1) : d);
    }

    private static int number(String word) {
        Integer n = NUMBERS.get(word);
        if (n != null) {
            return n;
        }
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Duration duration(int n, String unit) {
        if (n <= 0 || n > 10_000) {
            throw InputException.field("time", n + " " + unit + " is not a usable span");
        }
        return switch (unit.charAt(0)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofDays(7L * n);
        };
    }

    /** Minutes since midnight of a clock time ("22", "6:30", "10pm"); -1 when it is not one. */
    static int minutes(String hour, String minute, String meridiem) {
        int h = Integer.parseInt(hour);
        int m = minute == null ? 0 : Integer.parseInt(minute);
        if (meridiem != null && meridiem.startsWith("p") && h < 12) {
            h += 12;
        } else if (meridiem != null && meridiem.startsWith("a") && h == 12) {
            h = 0;
        }
        if (h > 24 || m > 59 || h == 24 && m > 0) {
            return -1;
        }
        return h * 60 + m;
    }
}
