package dev.switchboard.city.engine.bridge;

import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.UnitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parses English dispatch orders — typed by the trainee or written by a model — into typed
 * {@link DispatchCommand}s, with a strict grammar (case-insensitive, extra spaces and one trailing period
 * tolerated):
 *
 * <pre>
 * DISPATCH [n] POLICE | SWAT | FIRE UNITS | FIRE | AMBULANCE | AMBULANCES | TRAFFIC CONTROL TO &lt;place&gt;
 * INITIATE EVACUATION IN &lt;area&gt;
 * STAND DOWN &lt;unit id&gt;
 * </pre>
 *
 * <p>n is 1..20 (default 1). A place or area is free text to the end of the order: letters of any script
 * (so Japanese names too), digits, spaces, '-' and '・', at most {@value #MAX_PLACE_LENGTH} characters. With
 * {@link KnownPlaces} (the program always passes the city's) a place the city does not know is refused too
 * ({@code DISPATCH SWAT TO ATLANTIS}); which incident a place means is still the simulation's to resolve. A unit id
 * is one token of ASCII letters,
 * digits, '-' and '_'. Anything else is refused with a reason and a column, never guessed; oversized input
 * is refused before it is scanned, so hostile input costs nothing. Stateless and thread-safe.
 */
public final class DispatchParser {

    public static final int MAX_PLACE_LENGTH = 80;
    /** Longest single order accepted. */
    public static final int MAX_ORDER_LENGTH = 200;
    /** Longest text {@link #parseAll} accepts. */
    public static final int MAX_INPUT_LENGTH = 4_000;
    /** Most orders {@link #parseAll} accepts in one text. */
    public static final int MAX_ORDERS = 20;
    public static final int MAX_UNITS = 20;
    private static final int MAX_UNIT_ID_LENGTH = 32;

    private static final String EXPECTED_ORDER = "expected DISPATCH, INITIATE EVACUATION or STAND DOWN";
    private static final String EXPECTED_UNIT = "expected POLICE, SWAT, FIRE UNITS, FIRE, AMBULANCE, AMBULANCES "
            + "or TRAFFIC CONTROL";

    private DispatchParser() {
    }

    /** One word of an order and its 1-based column. */
    private record Token(String text, int column, int start) {
    }

    /**
     * The places an order may name: a ward of the city (id, English or Japanese name) or an incident id such as
     * {@code INC-0007}.
     */
    @FunctionalInterface
    public interface KnownPlaces {

        /** Any place that is well formed; for checking the grammar alone. */
        KnownPlaces ANY = place -> true;

        boolean knows(String place);

        /** The wards of a city, by id or name, and incident ids. */
        static KnownPlaces wardsOf(dev.switchboard.city.engine.pack.CityPack city) {
            return place -> place.strip().toUpperCase(Locale.ROOT).matches("INC-\\d{1,6}")
                    || city.ward(place).isPresent();
        }
    }

    /** Parses one order for its grammar only; see {@link #parse(String, KnownPlaces)}. */
    public static ParseResult parse(String order) {
        return parse(order, KnownPlaces.ANY);
    }

    /**
     * Parses one order, refusing a place or area that {@code places} does not know. Line breaks and ';' are refused
     * here: use {@link #parseAll} for several orders.
     */
    public static ParseResult parse(String order, KnownPlaces places) {
        ParseResult result = parseGrammar(order);
        if (result instanceof ParseResult.Parsed parsed) {
            String place = switch (parsed.command()) {
                case DispatchCommand.Dispatch d -> d.place();
                case DispatchCommand.Evacuate e -> e.area();
                case DispatchCommand.StandDown d -> null;
            };
            if (place != null && !places.knows(place)) {
                String text = stripTrailingPeriod(order);
                int column = text.lastIndexOf(place.split(" ")[0]) + 1;
                return rejected("no ward or incident called '" + shorten(place) + "' in this city; name a ward "
                        + "(e.g. Shibuya) or an incident (e.g. INC-0007)", Math.max(1, column));
            }
        }
        return result;
    }

    private static ParseResult parseGrammar(String order) {
        if (order == null) {
            return rejected("empty order; " + EXPECTED_ORDER, 1);
        }
        if (order.length() > MAX_ORDER_LENGTH) {
            return rejected("order longer than " + MAX_ORDER_LENGTH + " characters", MAX_ORDER_LENGTH + 1);
        }
        for (int i = 0; i < order.length(); ) {
            int cp = order.codePointAt(i);
            if (cp == '\n' || cp == '\r' || cp == ';') {
                return rejected("one order at a time: '" + (cp == ';' ? ";" : "line break")
                        + "' separates orders", i + 1);
            }
            if (cp != '\t' && isControlOrFormat(cp)) {
                return rejected(String.format(Locale.ROOT, "control character U+%04X is not allowed", cp), i + 1);
            }
            i += Character.charCount(cp);
        }
        String text = stripTrailingPeriod(order);
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return rejected("empty order; " + EXPECTED_ORDER, 1);
        }
        Token first = tokens.get(0);
        if (is(first, "DISPATCH")) {
            return dispatch(text, tokens);
        }
        if (is(first, "INITIATE")) {
            if (tokens.size() < 2 || !is(tokens.get(1), "EVACUATION")) {
                return rejected("expected EVACUATION after INITIATE", columnAfter(tokens, 1, text));
            }
            if (tokens.size() < 3 || !is(tokens.get(2), "IN")) {
                return rejected("expected IN <area> after INITIATE EVACUATION", columnAfter(tokens, 2, text));
            }
            return place(text, tokens, 3, "area").orElse(DispatchCommand.Evacuate::new);
        }
        if (is(first, "STAND")) {
            if (tokens.size() < 2 || !is(tokens.get(1), "DOWN")) {
                return rejected("expected DOWN after STAND", columnAfter(tokens, 1, text));
            }
            return standDown(text, tokens);
        }
        return rejected("unknown order '" + shorten(first.text) + "'; " + EXPECTED_ORDER, first.column);
    }

    /**
     * Parses several orders separated by line breaks or ';', one result per non-blank order in order.
     * A leading list marker ("- ", "* ", "• ", "1. ", "2) ") before an order is ignored, since models
     * like to list their orders. Columns in the results count within each order. A text over
     * {@value #MAX_INPUT_LENGTH} characters or with more than {@value #MAX_ORDERS} orders yields a single
     * rejection.
     */
    public static List<ParseResult> parseAll(String text) {
        return parseAll(text, KnownPlaces.ANY);
    }

    /** {@link #parseAll(String)}, refusing places {@code places} does not know. */
    public static List<ParseResult> parseAll(String text, KnownPlaces places) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            return List.of(rejected("text longer than " + MAX_INPUT_LENGTH + " characters", MAX_INPUT_LENGTH + 1));
        }
        List<String> orders = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == ';') {
                String order = text.substring(start, i);
                if (!order.isBlank()) {
                    orders.add(order);
                }
                start = i + 1;
            }
        }
        if (orders.size() > MAX_ORDERS) {
            return List.of(rejected("more than " + MAX_ORDERS + " orders in one text", 1));
        }
        List<ParseResult> results = new ArrayList<>(orders.size());
        for (String order : orders) {
            results.add(parse(withoutListMarker(order), places));
        }
        return List.copyOf(results);
    }

    private static ParseResult dispatch(String text, List<Token> tokens) {
        int at = 1;
        int count = 1;
        if (at < tokens.size() && isAsciiDigits(tokens.get(at).text)) {
            Token n = tokens.get(at);
            count = n.text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(n.text);
            if (count < 1 || count > MAX_UNITS) {
                return rejected("the number of units must be 1.." + MAX_UNITS + ", was " + shorten(n.text), n.column);
            }
            at++;
        }
        if (at >= tokens.size()) {
            return rejected("missing unit type after DISPATCH; " + EXPECTED_UNIT, text.length() + 1);
        }
        Token u = tokens.get(at);
        UnitType type;
        if (is(u, "POLICE")) {
            type = UnitType.POLICE;
        } else if (is(u, "SWAT")) {
            type = UnitType.SWAT;
        } else if (is(u, "FIRE")) {
            type = UnitType.FIRE;
            if (at + 1 < tokens.size() && is(tokens.get(at + 1), "UNITS")) {
                at++;
            }
        } else if (is(u, "AMBULANCE") || is(u, "AMBULANCES")) {
            type = UnitType.AMBULANCE;
        } else if (is(u, "TRAFFIC")) {
            if (at + 1 >= tokens.size() || !is(tokens.get(at + 1), "CONTROL")) {
                return rejected("expected CONTROL after TRAFFIC", columnAfter(tokens, at + 1, text));
            }
            type = UnitType.TRAFFIC;
            at++;
        } else if (is(u, "TO")) {
            return rejected("missing unit type before TO; " + EXPECTED_UNIT, u.column);
        } else {
            return rejected("unknown unit type '" + shorten(u.text) + "'; " + EXPECTED_UNIT, u.column);
        }
        at++;
        if (at >= tokens.size()) {
            return rejected("missing TO <place>", text.length() + 1);
        }
        if (!is(tokens.get(at), "TO")) {
            Token t = tokens.get(at);
            return rejected("expected TO <place>, found '" + shorten(t.text) + "'", t.column);
        }
        int units = count;
        UnitType unitType = type;
        return place(text, tokens, at + 1, "place").orElse(p -> new DispatchCommand.Dispatch(unitType, units, p));
    }

    private static ParseResult standDown(String text, List<Token> tokens) {
        if (tokens.size() < 3) {
            return rejected("missing unit id after STAND DOWN", text.length() + 1);
        }
        Token id = tokens.get(2);
        if (tokens.size() > 3) {
            return rejected("one unit id expected after STAND DOWN, found more text", tokens.get(3).column);
        }
        if (id.text.length() > MAX_UNIT_ID_LENGTH) {
            return rejected("unit id longer than " + MAX_UNIT_ID_LENGTH + " characters", id.column);
        }
        for (int i = 0; i < id.text.length(); i++) {
            char c = id.text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return rejected("character '" + printable(id.text.codePointAt(i))
                        + "' is not allowed in a unit id (letters, digits, '-', '_')", id.column + i);
            }
        }
        return new ParseResult.Parsed(new DispatchCommand.StandDown(id.text));
    }

    /** Either a validated place (free text from token {@code from} to the end) or a rejection. */
    private static PlaceOrRejection place(String text, List<Token> tokens, int from, String what) {
        if (from >= tokens.size()) {
            return new PlaceOrRejection(null, rejected("missing " + what + " after " + (what.equals("area")
                    ? "IN" : "TO"), text.length() + 1));
        }
        int start = tokens.get(from).start;
        String raw = text.substring(start);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (!isPlaceCharacter(cp)) {
                return new PlaceOrRejection(null, rejected("character '" + printable(cp) + "' is not allowed in a "
                        + what + " (letters, digits, spaces, '-')", start + i + 1));
            }
            i += Character.charCount(cp);
        }
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean nested = is(t, "DISPATCH")
                    || (is(t, "INITIATE") && k + 1 < tokens.size() && is(tokens.get(k + 1), "EVACUATION"))
                    || (is(t, "STAND") && k + 1 < tokens.size() && is(tokens.get(k + 1), "DOWN"));
            if (nested) {
                return new PlaceOrRejection(null, rejected("the " + what + " contains another order ('"
                        + t.text + "'); give one order per line", t.column));
            }
        }
        StringBuilder collapsed = new StringBuilder();
        for (int k = from; k < tokens.size(); k++) {
            if (k > from) {
                collapsed.append(' ');
            }
            collapsed.append(tokens.get(k).text);
        }
        String place = collapsed.toString();
        if (place.codePointCount(0, place.length()) > MAX_PLACE_LENGTH) {
            return new PlaceOrRejection(null, rejected("the " + what + " is longer than " + MAX_PLACE_LENGTH
                    + " characters", start + 1));
        }
        boolean meaningful = place.codePoints().anyMatch(Character::isLetterOrDigit);
        if (!meaningful) {
            return new PlaceOrRejection(null, rejected("the " + what + " needs at least one letter or digit",
                    start + 1));
        }
        return new PlaceOrRejection(place, null);
    }

    private record PlaceOrRejection(String place, ParseResult rejection) {
        ParseResult orElse(Function<String, DispatchCommand> command) {
            return rejection != null ? rejection : new ParseResult.Parsed(command.apply(place));
        }
    }

    private static boolean isPlaceCharacter(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == ' ' || cp == '\t' || cp == '-' || cp == '\u3000') {
            return true;
        }
        // Japanese punctuation that belongs inside names: middle dot, prolonged sound mark, iteration marks.
        return cp == '\u30FB' || cp == '\u30FC' || cp == '\u3005' || cp == '\u3006' || cp == '\u3007'
                || cp == '\uFF0D';
    }

    private static boolean isControlOrFormat(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static String stripTrailingPeriod(String order) {
        int end = order.length();
        while (end > 0 && isSpace(order.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && order.charAt(end - 1) == '.') {
            end--;
        }
        return order.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000';
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(text.substring(start, i), start + 1, start));
            }
        }
        return tokens;
    }

    /** Whether a token is the keyword, compared case-insensitively in ASCII only (no look-alike letters). */
    private static boolean is(Token token, String keyword) {
        String t = token.text;
        if (t.length() != keyword.length()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            if (c != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static int columnAfter(List<Token> tokens, int index, String text) {
        return index < tokens.size() ? tokens.get(index).column : text.length() + 1;
    }

    private static String withoutListMarker(String order) {
        int i = 0;
        while (i < order.length() && isSpace(order.charAt(i))) {
            i++;
        }
        int j = i;
        if (j < order.length() && (order.charAt(j) == '-' || order.charAt(j) == '*' || order.charAt(j) == '\u2022')) {
            j++;
        } else {
            while (j < order.length() && j - i < 2 && order.charAt(j) >= '0' && order.charAt(j) <= '9') {
                j++;
            }
            if (j == i || j >= order.length() || (order.charAt(j) != '.' && order.charAt(j) != ')')) {
                return order;
            }
            j++;
        }
        if (j < order.length() && isSpace(order.charAt(j))) {
            return order.substring(j + 1);
        }
        return order;
    }

    private static String shorten(String s) {
        String clean = s.length() > 24 ? s.substring(0, 24) + "…" : s;
        StringBuilder sb = new StringBuilder();
        clean.codePoints().forEach(cp -> sb.append(printable(cp)));
        return sb.toString();
    }

    private static String printable(int cp) {
        return isControlOrFormat(cp) ? String.format(Locale.ROOT, "U+%04X", cp) : new String(Character.toChars(cp));
    }

    private static ParseResult rejected(String reason, int column) {
        return new ParseResult.Rejected(reason, Math.max(1, column));
    }
}
