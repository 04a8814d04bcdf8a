package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Places written the way most of the world writes them, for places the gazetteer does not hold: a street address
 * ("1420 Elm St" is {@code 1420 Elm Street}; "forty four ten maple grove road" is {@code 4410 Maple Grove Road}),
 * two streets named together ("Elm and 3rd" is {@code Elm & 3rd}) and a named place of a known kind ("Lincoln
 * Elementary School", "Mercy Hospital"). Runs after the gazetteer, on the words it left.
 */
final class StreetAddresses {

    private static final Map<String, String> SUFFIX = Map.ofEntries(Map.entry("street", "Street"),
            Map.entry("st", "Street"), Map.entry("avenue", "Avenue"), Map.entry("ave", "Avenue"),
            Map.entry("av", "Avenue"), Map.entry("road", "Road"), Map.entry("rd", "Road"),
            Map.entry("drive", "Drive"), Map.entry("dr", "Drive"), Map.entry("lane", "Lane"),
            Map.entry("ln", "Lane"), Map.entry("boulevard", "Boulevard"), Map.entry("blvd", "Boulevard"),
            Map.entry("way", "Way"), Map.entry("court", "Court"), Map.entry("ct", "Court"),
            Map.entry("place", "Place"), Map.entry("pl", "Place"), Map.entry("circle", "Circle"),
            Map.entry("cir", "Circle"), Map.entry("parkway", "Parkway"), Map.entry("pkwy", "Parkway"),
            Map.entry("terrace", "Terrace"), Map.entry("trail", "Trail"), Map.entry("pike", "Pike"),
            Map.entry("square", "Square"), Map.entry("loop", "Loop"), Map.entry("alley", "Alley"),
            Map.entry("crescent", "Crescent"), Map.entry("highway", "Highway"), Map.entry("hwy", "Highway"));
    private static final Map<String, String> DIRECTION = Map.of("north", "North", "south", "South", "east", "East",
            "west", "West", "n", "North", "s", "South", "e", "East", "w", "West");
    private static final Set<String> ORDINAL_WORDS = Set.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth",
            "fiftieth");
    private static final Set<String> ORDINAL_SUFFIX = Set.of("st", "nd", "rd", "th");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("school", "School"),
            Map.entry("elementary", "Elementary"), Map.entry("hospital", "Hospital"), Map.entry("park", "Park"),
            Map.entry("church", "Church"), Map.entry("library", "Library"), Map.entry("mall", "Mall"),
            Map.entry("stadium", "Stadium"), Map.entry("university", "University"), Map.entry("college", "College"),
            Map.entry("academy", "Academy"), Map.entry("cemetery", "Cemetery"), Map.entry("plaza", "Plaza"),
            Map.entry("arena", "Arena"), Map.entry("airport", "Airport"), Map.entry("cathedral", "Cathedral"),
            Map.entry("temple", "Temple"), Map.entry("synagogue", "Synagogue"), Map.entry("mosque", "Mosque"));
    private static final Set<String> KIND_LEAD = Set.of("high", "middle", "elementary", "junior", "memorial",
            "medical", "community", "regional", "general", "state", "baptist", "methodist", "catholic",
            "lutheran", "presbyterian", "children's", "childrens", "county", "city", "national", "international");
    /** Words that do not name a street or a place on their own. */
    private static final Set<String> NOT_A_NAME = Set.of("the", "a", "an", "my", "his", "her", "their", "our",
            "your", "this", "that", "these", "those", "at", "on", "in", "of", "to", "by", "from", "near", "and",
            "or", "but", "so", "i", "im", "we", "were", "he", "she", "they", "it", "its", "is", "are", "was",
            "big", "old", "new", "local", "nearest", "closest", "same", "public", "high", "middle",
            "back", "front", "side", "other", "next", "last", "one", "two", "down", "up", "across", "over", "off",
            "just", "like", "right", "left", "school", "park", "street", "road", "hospital", "church", "mall",
            "parking", "dog", "water", "state", "national", "city", "county", "town", "car", "trailer", "amusement",
            "skate", "theme", "ball", "baseball", "football", "soccer", "play", "kids", "children", "elementary",
            "private", "catholic", "grade", "nursing", "animal", "vet", "mental", "psych", "any", "some", "every",
            "what", "which", "where", "there", "here", "been", "be", "go", "going", "went", "get", "got", "out",
            "with", "about", "around", "behind", "into", "through", "under", "for", "as", "if", "then", "now",
            "still", "also", "very", "really", "when", "while", "after", "before", "until", "uh", "um", "okay",
            "yes", "no", "not", "please", "help", "hurry", "call", "called", "calling", "need", "want", "see");
    private static final Set<String> NOT_A_HOUSE_NUMBER_BEFORE = Set.of("apartment", "apt", "room", "unit",
            "suite", "exit", "route", "highway", "interstate", "i", "mile", "floor", "bus", "flight", "number",
            "gate", "platform", "level", "ward", "bed", "the", "about", "like", "maybe", "around", "over", "under",
            "than", "of", "only", "just", "every", "at", "is", "plate", "tag", "license", "hwy", "us", "sr",
            "county", "state");
    /** Words that are not streets beside an ordinal ("at home and third floor", "at work and fourth period"). */
    private static final Set<String> NOT_A_STREET = Set.of("home", "work", "school", "church", "here", "there",
            "inside", "outside", "upstairs", "downstairs", "house", "bed", "lunch", "dinner", "least", "once",
            "night", "first", "last", "floor", "grade", "time", "place", "row", "period", "shift", "story",
            "person", "one", "degree", "base", "gear", "try", "round");
    private static final Set<String> INTERSECTION_LEAD = Set.of("at", "on", "of", "near", "by", "corner",
            "intersection", "between", "to", "off");

    private StreetAddresses() {
    }

    /** Finds street addresses, intersections and named places; marks their tokens in {@code blocked}. */
    static void find(Tokens t, boolean[] blocked, List<ExtractedEntity> out) {
        int i = 0;
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            int end = address(t, blocked, i, out);
            if (end <= i) {
                end = intersection(t, blocked, i, out);
            }
            if (end <= i) {
                end = landmark(t, blocked, i, out);
            }
            if (end > i) {
                for (int k = i; k < end; k++) {
                    blocked[k] = true;
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    // ---- street addresses

    private static int address(Tokens t, boolean[] blocked, int i, List<ExtractedEntity> out) {
        if (t.isAny(i - 1, NOT_A_HOUSE_NUMBER_BEFORE) && !t.is(i - 1, "at") && !t.is(i - 1, "is")
                || t.gapBefore(i).contains("#")) {
            return -1;
        }
        int[] end = new int[1];
        String number = houseNumber(t, i, end);
        if (number == null) {
            return -1;
        }
        int k = end[0];
        StringBuilder name = new StringBuilder(number);
        if (t.isAny(k, DIRECTION.keySet()) && !blocked[k] && k + 1 < t.size && !SUFFIX.containsKey(t.word[k + 1])) {
            name.append(' ').append(DIRECTION.get(t.word[k]));
            k++;
        }
        int nameStart = k;
        int[] streetEnd = new int[1];
        String street = streetName(t, blocked, k, streetEnd, true);
        if (street == null && number.length() == 2 && !t.isNumber(i)) {
            // a spoken two-digit number needs its street word
            return -1;
        }
        if (street == null) {
            // "1837 North Halsted": a typed name without a street word, after a number said as an address
            if (!(t.isAny(i - 1, Set.of("at", "is", "its", "address")) || i == 0)) {
                return -1;
            }
            int e = nameStart;
            while (e < t.size && e < nameStart + 2 && !blocked[e] && capitalised(t, e) && !t.isNumber(e)
                    && SpokenNumbers.word(t.word[e]) < 0 && !NOT_A_NAME.contains(t.word[e])
                    && (e == nameStart || t.gapBefore(e).isBlank())) {
                e++;
            }
            if (e == nameStart) {
                return -1;
            }
            street = title(t, nameStart, e);
            streetEnd[0] = e;
        }
        name.append(' ').append(street);
        out.add(new ExtractedEntity(EntityType.ADDRESS, name.toString(), t.span(i, streetEnd[0]), t.start[i],
                t.end[streetEnd[0] - 1], 0.75));
        return streetEnd[0];
    }

    /** "1420", or spoken "forty four ten", "one eight three seven", "twelve hundred": the digits, or null. */
    private static String houseNumber(Tokens t, int i, int[] end) {
        if (t.isNumber(i)) {
            String w = t.word[i];
            if (w.length() > 6 || w.startsWith("0") || ordinalAt(t, i) > i) {
                return null;
            }
            end[0] = i + 1;
            return w;
        }
        StringBuilder digits = new StringBuilder();
        int k = i;
        int chunks = 0;
        while (k < t.size && chunks < 4) {
            SpokenNumbers.Read n = SpokenNumbers.at(t, k);
            if (n == null || t.isNumber(k) || n.value() > 9999) {
                break;
            }
            String part = String.valueOf(n.value());
            if (chunks > 0 && n.value() >= 100) {
                break;
            }
            digits.append(part);
            k += n.tokens();
            chunks++;
        }
        if (chunks < 2 && !(chunks == 1 && digits.length() >= 3)
                && !(chunks == 1 && digits.length() == 2 && k - i >= 2)) {
            // "eighty eight Washington Boulevard" is two words for a two-digit number; "twelve" alone is not read
            return null;
        }
        end[0] = k;
        return digits.toString();
    }

    /**
     * Street name words then a street word ("Maple Grove Road", "Elm St", "5th Avenue"), or with
     * {@code needSuffix} false also an ordinal street ("3rd") or a name written with a capital ("Elm").
     */
    private static String streetName(Tokens t, boolean[] blocked, int k, int[] end, boolean needSuffix) {
        int e = k;
        int words = 0;
        while (e < t.size && words < 3 && !blocked[e] && !SUFFIX.containsKey(t.word[e])) {
            if (ordinalAt(t, e) > e) {
                e = ordinalAt(t, e);
                words++;
                continue;
            }
            if (t.isNumber(e) || NOT_A_NAME.contains(t.word[e]) || e > k && !t.gapBefore(e).isBlank()) {
                break;
            }
            e++;
            words++;
        }
        if (e < t.size && e > k && !blocked[e] && SUFFIX.containsKey(t.word[e]) && t.gapBefore(e).strip()
                .replace(".", "").isEmpty() && !(t.word[e].equals("st") && t.isNumber(e - 1))) {
            end[0] = e + 1;
            return title(t, k, e) + " " + SUFFIX.get(t.word[e]);
        }
        if (needSuffix) {
            return null;
        }
        int o = ordinalAt(t, k);
        if (o > k) {
            end[0] = o;
            return t.text.substring(t.start[k], t.end[o - 1]).replace(" ", "");
        }
        if (k < t.size && !blocked[k] && (capitalised(t, k) || t.word[k].equals("broadway"))
                && !NOT_A_NAME.contains(t.word[k]) && !t.isNumber(k)) {
            end[0] = k + 1;
            return title(t, k, k + 1);
        }
        return null;
    }

    /** A lower-case word that may name a street beside an ordinal one: letters only, not a common word. */
    private static boolean plainName(Tokens t, boolean[] blocked, int k) {
        if (k >= t.size || blocked[k] || t.isNumber(k) || NOT_A_NAME.contains(t.word[k]) || t.word[k].length() < 3
                || t.isAny(k, ORDINAL_WORDS) || t.isAny(k, NOT_A_STREET)) {
            return false;
        }
        return t.word[k].chars().allMatch(Character::isLetter);
    }

    /** "3rd", "42nd", "fifth": the end of an ordinal at {@code k}, or {@code k}. */
    private static int ordinalAt(Tokens t, int k) {
        if (t.isNumber(k) && t.word[k].length() <= 3 && t.isAny(k + 1, ORDINAL_SUFFIX)
                && t.gapBefore(k + 1).isEmpty()) {
            return k + 2;
        }
        return t.isAny(k, ORDINAL_WORDS) ? k + 1 : k;
    }

    // ---- intersections

    private static int intersection(Tokens t, boolean[] blocked, int i, List<ExtractedEntity> out) {
        int[] aEnd = new int[1];
        String a = streetName(t, blocked, i, aEnd, false);
        boolean led = t.isAny(i - 1, INTERSECTION_LEAD);
        if (a == null && led && plainName(t, blocked, i) && t.is(i + 1, "and") && ordinalAt(t, i + 2) > i + 2
                && !t.isAny(i + 2, Set.of("first", "second")) && !t.isAny(i + 3, NOT_A_STREET)) {
            // "at maple and fourth" as a recogniser writes it, without capitals
            a = title(t, i, i + 1);
            aEnd[0] = i + 1;
        }
        if (a == null || aEnd[0] >= t.size || !t.isAny(aEnd[0], Set.of("and", "at")) && !t.gap(aEnd[0] - 1,
                aEnd[0]).contains("&") || t.gap(aEnd[0] - 1, aEnd[0]).contains(".")) {
            return -1;
        }
        int b0 = t.isAny(aEnd[0], Set.of("and", "at")) ? aEnd[0] + 1 : aEnd[0];
        int[] bEnd = new int[1];
        String b = streetName(t, blocked, b0, bEnd, false);
        if (b == null && led && ordinalAt(t, i) > i && !t.isAny(i, Set.of("first", "second"))
                && plainName(t, blocked, b0)) {
            // "at third and market"
            b = title(t, b0, b0 + 1);
            bEnd[0] = b0 + 1;
        }
        if (b == null) {
            return -1;
        }
        boolean aStrong = a.contains(" ") && SUFFIX.containsValue(a.substring(a.lastIndexOf(' ') + 1))
                || ordinalAt(t, i) > i;
        boolean bStrong = b.contains(" ") && SUFFIX.containsValue(b.substring(b.lastIndexOf(' ') + 1))
                || ordinalAt(t, b0) > b0;
        if (!(aStrong && bStrong || (aStrong || bStrong) && led)) {
            return -1;
        }
        out.add(new ExtractedEntity(EntityType.INTERSECTION, a + " & " + b, t.span(i, bEnd[0]), t.start[i],
                t.end[bEnd[0] - 1], aStrong && bStrong ? 0.8 : 0.7));
        return bEnd[0];
    }

    // ---- named places

    private static int landmark(Tokens t, boolean[] blocked, int i, List<ExtractedEntity> out) {
        int e = i;
        while (e < t.size && e < i + 3 && !blocked[e] && !KINDS.containsKey(t.word[e]) && !KIND_LEAD.contains(
                t.word[e]) && !NOT_A_NAME.contains(t.word[e]) && !t.isNumber(e)
                && (e == i || t.gapBefore(e).isBlank() || t.gapBefore(e).strip().equals("."))) {
            e++;
        }
        if (e == i) {
            return -1;
        }
        int k = e;
        while (k < t.size && k < e + 2 && t.isAny(k, KIND_LEAD) && t.gapBefore(k).isBlank()) {
            k++;
        }
        if (k >= t.size || !KINDS.containsKey(t.word[k]) && !(k > e && t.isAny(k - 1, Set.of("elementary",
                "memorial")))) {
            return -1;
        }
        int end = KINDS.containsKey(t.word[k]) ? k + 1 : k;
        if (t.word[k].equals("elementary") && t.is(k + 1, "school")) {
            end = k + 2;
        }
        boolean typed = capitalised(t, i);
        if (!typed && (!KINDS.containsKey(t.at(end - 1)) || !t.text.equals(t.lower))) {
            // a lower-case name counts only in text with no capitals at all (a recogniser's)
            return -1;
        }
        String value = t.text.substring(t.start[i], t.end[end - 1]).replaceAll("\\s+", " ");
        if (!typed) {
            value = title(t, i, end);
        }
        out.add(new ExtractedEntity(EntityType.LANDMARK, value, t.span(i, end), t.start[i], t.end[end - 1],
                typed ? 0.75 : 0.6));
        return end;
    }

    private static boolean capitalised(Tokens t, int k) {
        return k < t.size && Character.isUpperCase(t.text.charAt(t.start[k]));
    }

    /** Words {@code from..to} as a name: each word with a capital, the rest as written or lower case. */
    private static String title(Tokens t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            String w = t.text.substring(t.start[k], t.end[k]);
            if (k > from && t.gapBefore(k).isEmpty()) {
                sb.append(w.toLowerCase(Locale.ROOT));
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
