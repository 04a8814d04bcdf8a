package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Set;

/**
 * How many people: "three people", "two kids", "a man", "some guy", "both of them", "one of the boys", "all five
 * of us", "a bunch of people" ({@code many}), and bare counts said with what happened to them ("four are dead,
 * five are injured", "we've got one down", "six more wounded"). A number a recogniser wrote as its homophone
 * ("for people", "to kids", "won guy") still counts.
 */
final class PeopleCounts {

    static final Set<String> SINGULAR = Set.of("person", "man", "woman", "guy", "kid", "child", "boy", "girl",
            "baby", "lady", "gentleman", "adult", "teenager", "teen", "student", "passenger", "pedestrian", "victim",
            "patient", "worker", "cyclist", "toddler", "infant", "individual", "driver", "rider", "officer", "cop",
            "shooter", "suspect", "neighbor", "neighbour", "swimmer", "member", "guest", "male", "female", "dude",
            "hiker", "jogger", "bystander", "customer", "employee", "resident", "occupant", "motorist",
            "motorcyclist", "firefighter", "deputy", "trooper", "senior", "youth", "juvenile", "clerk",
            "cashier", "homeowner", "tenant", "fella", "fellow", "intruder", "burglar", "robber", "gunman",
            "attacker", "stranger", "survivor", "coworker", "nurse", "doctor", "security");
    static final Set<String> PLURAL = Set.of("people", "persons", "men", "women", "guys", "kids", "children",
            "boys", "girls", "babies", "ladies", "adults", "teenagers", "teens", "students", "passengers",
            "pedestrians", "victims", "patients", "workers", "cyclists", "toddlers", "individuals", "residents",
            "occupants", "customers", "employees", "folks", "elderly", "drivers", "riders", "officers", "cops",
            "shooters", "suspects", "neighbors", "neighbours", "swimmers", "members", "guests", "males", "females",
            "dudes", "hikers", "bystanders", "sons", "daughters", "friends", "brothers", "sisters", "grandkids",
            "grandchildren", "motorists", "firefighters", "seniors", "juveniles", "gunmen", "intruders", "burglars",
            "robbers", "attackers", "survivors", "coworkers", "others", "siblings", "nurses", "twins", "trainers",
            "coaches", "teachers", "doctors", "guards", "lifeguards", "players", "fans", "campers", "climbers",
            "hunters", "kayakers", "tourists", "shoppers", "diners", "patrons", "clients", "visitors", "partiers",
            "roommates", "cousins", "grandparents", "parents", "spectators", "volunteers", "staffers", "cooks",
            "drunks", "inmates", "prisoners", "teammates", "classmates", "boaters", "fishermen", "skiers");
    static final Set<String> PERSON_ADJECTIVES = Set.of("old", "older", "elderly", "young", "younger", "little",
            "small", "tall", "short", "drunk", "injured", "hurt", "other", "more", "homeless", "pregnant", "teenage",
            "middle", "aged", "big", "skinny", "thin", "heavy", "large", "suspicious", "unconscious", "masked",
            "armed", "foreign", "japanese", "elementary", "school", "high", "wounded", "trapped", "sick", "white",
            "black", "asian", "hispanic", "latino", "latina", "caucasian", "african", "american", "heavyset",
            "stocky", "slim", "chubby", "muscular", "staff", "active", "crazy", "angry", "naked",
            "teenaged", "adult", "baby", "year", "years", "dead", "missing", "lost", "asleep",
            "disabled", "blind", "deaf", "mentally", "ill", "additional", "innocent", "random", "unknown");
    private static final Set<String> STATUS = Set.of("dead", "injured", "hurt", "wounded", "shot", "down",
            "trapped", "unconscious", "bleeding", "missing", "stuck", "killed", "stabbed", "burned", "inside",
            "deceased", "hit", "critical", "unresponsive", "breathing", "okay", "fine", "alive", "hospitalized",
            "lying", "laying", "screaming", "crying", "bad", "worse", "serious", "moving", "conscious", "awake",
            "gone", "pinned", "burnt", "out", "responding", "talking", "passed");
    /** "no one", "the other one", "which one": not a count. */
    private static final Set<String> NOT_A_COUNT_BEFORE_ONE = Set.of("no", "other", "the", "that", "this", "any",
            "each", "every", "which", "another", "some", "last", "first", "next", "only", "little", "big", "young",
            "old", "loved", "nobody", "someone", "second", "third", "fourth", "fifth", "middle", "oldest",
            "youngest");
    /** "a cop car", "the driver's side": the person word names a thing here. */
    private static final Set<String> VEHICLE_AFTER = Set.of("car", "cars", "truck", "van", "side", "seat", "door",
            "license", "suv", "bike", "motorcycle", "room", "uniform");
    private static final Set<String> OF_WHOM = Set.of("them", "us", "you", "those", "these", "thems", "em");
    /** Between a bare count and what happened: "three more are hurt", "one who's screaming", "one's not moving". */
    private static final Set<String> BARE_LINK = Set.of("are", "were", "is", "was", "more", "people", "who",
            "whos", "that", "thats", "of", "still", "now", "confirmed", "badly", "seriously", "critically", "not",
            "isnt", "arent", "real", "really", "very", "pretty", "definitely", "probably", "already", "looks",
            "look", "seems", "just", "got", "get", "has", "been", "have", "in", "here", "there", "over");
    /** Words after which "for", "to", "too" before people are a count ("there's for people", "shot to guys"). */
    private static final Set<String> BEFORE_HOMOPHONE = Set.of("theres", "there", "are", "got", "have", "see",
            "saw", "were", "about", "like", "maybe", "and", "with", "its", "only", "shot", "hit", "stabbed",
            "killed", "found", "has", "had", "hurt", "injured", "dead", "uh", "um");
    private static final Set<String> OCCUPATIONS = Set.of("firefighter", "nurse", "doctor", "cop", "officer",
            "deputy", "trooper", "security", "cashier", "clerk", "employee", "student", "teacher", "worker", "driver",
            "guard", "lifeguard", "paramedic", "volunteer", "resident", "tenant", "homeowner", "customer");
    /** "my sister's a nurse": a job said of someone already named. */
    private static final Set<String> PREDICATE_BEFORE = Set.of("is", "hes", "shes", "im", "was", "being", "as",
            "sisters", "brothers", "moms", "dads", "husbands", "wifes", "sons", "daughters", "friends",
            "neighbors", "neighbours", "uncles", "aunts", "cousins", "boyfriends", "girlfriends", "mothers",
            "fathers", "grandmas", "grandpas", "roommates", "theyre", "youre", "whos", "thats");
    private static final Set<String> DETERMINERS = Set.of("the", "my", "our", "his", "her", "their", "those",
            "these", "your");

    private PeopleCounts() {
    }

    /** Counts of people; {@code asked} is true when the other speaker just asked "how many". */
    static void find(Tokens t, boolean[] blocked, Context ctx, boolean asked, List<ExtractedEntity> out) {
        int before = out.size();
        // the last group counted and where it ended, for a number that picks part of it a few words on
        int group = 0;
        int groupEnd = -1;
        for (int i = 0; i < t.size; i++) {
            if (blocked[i]) {
                continue;
            }
            int[] span = new int[2];
            String value = at(t, i, span);
            if (value == null && groupEnd >= 0 && i - groupEnd <= PART_WITHIN) {
                value = partOf(t, i, group, span);
            }
            if (value == null) {
                continue;
            }
            int from = span[0];
            int j = span[1];
            boolean clear = true;
            for (int k = from; k < j; k++) {
                clear &= !blocked[k];
            }
            if (!clear || ctx.question(from)) {
                continue;
            }
            double conf = ctx.hedged(from) ? 0.5 : 0.85;
            out.add(new ExtractedEntity(EntityType.PEOPLE_COUNT, value, t.span(from, j), t.start[from],
                    t.end[j - 1], conf));
            if (Character.isDigit(value.charAt(0)) && Integer.parseInt(value) >= 2) {
                group = Integer.parseInt(value);
                groupEnd = j;
            }
            i = j - 1;
        }
        if (asked) {
            answer(t, blocked, out, before);
        }
    }

    /** The count starting at token {@code i}: its value, with its tokens in {@code span}; or null. */
    private static String at(Tokens t, int i, int[] span) {
        String w = t.word[i];
        span[0] = i;
        SpokenNumbers.Read n;
        if ((w.equals("us") || w.equals("them")) && !t.isAny(i - 1, Set.of("of", "to", "for", "with", "at"))) {
            // "it's just us two", "them three": the number after the pronoun
            SpokenNumbers.Read m = SpokenNumbers.at(t, i + 1);
            if (m != null && m.tokens() == 1 && m.value() >= 2 && m.value() <= 12 && !t.isNumber(i + 1)
                    && (i + 2 >= t.size || t.clause[i + 2] != t.clause[i + 1])) {
                span[1] = i + 2;
                return Integer.toString(m.value());
            }
        }
        if (w.equals("both") && (t.isAny(i + 1, PLURAL) || t.is(i + 1, "of") && t.isAny(i + 2, OF_WHOM))) {
            span[1] = t.isAny(i + 1, PLURAL) ? i + 2 : i + 3;
            return "2";
        }
        if (w.equals("both") && (t.is(i + 1, "of") && t.isAny(i + 2, DETERMINERS) || t.isAny(i + 1, DETERMINERS))) {
            int k = skipAdj(t, t.is(i + 1, "of") ? i + 3 : i + 2);
            if (t.isAny(k, PLURAL)) {
                span[1] = k + 1;
                return "2";
            }
        }
        if ((w.equals("a") || w.equals("an")) && t.is(i + 1, "couple") && t.isAny(skipAdj(t, i + 2), PLURAL)) {
            span[1] = skipAdj(t, i + 2) + 1;
            return "2";
        }
        if ((w.equals("a") || w.equals("an")) && t.is(i + 1, "couple") && t.is(i + 2, "of")
                && t.isAny(skipAdj(t, i + 3), PLURAL)) {
            span[1] = skipAdj(t, i + 3) + 1;
            return "2";
        }
        if ((w.equals("a") || w.equals("an")) && t.is(i + 1, "couple") && t.is(i + 2, "of")
                && t.isAny(i + 3, DETERMINERS) && t.isAny(skipAdj(t, i + 4), PLURAL)) {
            span[1] = skipAdj(t, i + 4) + 1;
            return "2";
        }
        if ((w.equals("a") || w.equals("about")) && t.is(i + 1, "dozen") && t.isAny(skipAdj(t, i + 2), PLURAL)) {
            span[1] = skipAdj(t, i + 2) + 1;
            return "12";
        }
        if (w.equals("all") && (n = SpokenNumbers.at(t, i + 1)) != null && n.value() >= 2 && n.value() <= 200) {
            int k = i + 1 + n.tokens();
            if (t.is(k, "of") && t.isAny(k + 1, OF_WHOM)) {
                span[1] = k + 2;
            } else if (t.isAny(skipAdj(t, k), PLURAL)) {
                span[1] = skipAdj(t, k) + 1;
            } else {
                span[1] = k;
            }
            return String.valueOf(n.value());
        }
        if ((w.equals("several") || w.equals("few") || w.equals("many") || w.equals("lots") || w.equals("dozens")
                || w.equals("hundreds")
                || w.equals("bunch") && aBefore(t, i) || w.equals("ton") && aBefore(t, i) || w.equals("tons")
                || w.equals("lot") && aBefore(t, i) || w.equals("crowd") && aBefore(t, i))
                && (t.isAny(skipAdj(t, i + 1), PLURAL) || t.is(i + 1, "of") && (t.isAny(skipAdj(t, i + 2), PLURAL)
                || t.isAny(i + 2, OF_WHOM) || t.isAny(skipAdj(t, i + 2), SINGULAR)
                && !t.isAny(skipAdj(t, i + 2), OCCUPATIONS) && !t.is(skipAdj(t, i + 2) + 1, "of")))) {
            String v = w.equals("several") || w.equals("few") ? "several" : "many";
            if (t.is(i + 1, "of") && t.isAny(i + 2, OF_WHOM)) {
                span[1] = i + 3;
            } else {
                span[1] = skipAdj(t, t.is(i + 1, "of") ? i + 2 : i + 1) + 1;
            }
            if (aBefore(t, i) && (w.equals("lot") || w.equals("bunch") || w.equals("ton")
                    || w.equals("crowd"))) {
                span[0] = t.is(i - 1, "a") ? i - 1 : i - 2;
            }
            return v;
        }
        if ((w.equals("one") || w.equals("won")) && t.isAny(i - 1, Set.of("hes", "shes", "im", "its", "thats"))) {
            // "he's one big guy", "I'm one of the teachers": says what someone is, not how many
            return null;
        }
        if ((w.equals("a") || w.equals("an") || w.equals("one") || w.equals("some") || w.equals("won"))
                && !t.is(i - 1, "of") && !t.is(i - 1, "like") && !t.is(i - 1, "than")) {
            int k = skipAdj(t, i + 1);
            if (t.isNumber(k) && t.isAny(k + 1, Set.of("year", "years")) && t.is(k + 2, "old")) {
                k = skipAdj(t, k + 3);
            }
            if (t.isAny(k, SINGULAR) && !t.is(k + 1, "of") && !t.isAny(k + 1, VEHICLE_AFTER)
                    && !(t.isAny(k, OCCUPATIONS) && t.isAny(i - 1, PREDICATE_BEFORE))) {
                // "my husband is a firefighter" says what he does, not how many
                span[1] = k + 1;
                return "1";
            }
        }
        if (t.isAny(i, DESCRIBING_ADJECTIVES) && t.isAny(i - 1, ARTICLE_DROPPED)) {
            // "theres thin latino woman", "it was big hispanic guy": a recogniser dropped the "a"
            int k = skipAdj(t, i);
            if (k > i && t.isAny(k, SINGULAR) && !t.isAny(k, OCCUPATIONS) && !t.is(k + 1, "of")
                    && !t.isAny(k + 1, VEHICLE_AFTER) && t.clause[k] == t.clause[i]) {
                span[1] = k + 1;
                return "1";
            }
        }
        if (BARE_PERSON.contains(w) && t.isAny(i - 1, ARTICLE_DROPPED) && !t.is(i + 1, "of")
                && !t.isAny(i + 1, VEHICLE_AFTER) && !(t.is(i - 1, "its") || t.is(i - 1, "was"))) {
            // "theres man laying in the street", "just hit pedestrian": a recogniser dropped the "a"
            span[1] = i + 1;
            return "1";
        }
        int homophone = homophone(t, i);
        if (homophone > 0) {
            span[1] = t.is(i + 1, "of") ? i + 3 : skipAdj(t, i + 1) + 1;
            return String.valueOf(homophone);
        }
        if ((n = SpokenNumbers.at(t, i)) == null || n.value() < 1 || n.value() > 200
                || t.isNumber(i) && t.word[i].length() > 3 || t.is(i - 1, "of")
                || n.value() == 1 && t.isAny(i - 1, NOT_A_COUNT_BEFORE_ONE)) {
            return null;
        }
        int next = i + n.tokens();
        if (t.is(next, "or") && SpokenNumbers.at(t, next + 1) != null) {
            // "five or six guys": the higher figure, on the second number
            return null;
        }
        int k = skipAdj(t, next);
        if (n.value() == 1 && t.at(k).endsWith("s") && SINGULAR.contains(t.at(k).substring(0,
                t.at(k).length() - 1)) && !t.is(k + 1, "of")) {
            // "one persons" with a recogniser's stray plural
            span[1] = k + 1;
            return "1";
        }
        if (t.isAny(next, Set.of("them", "em", "us")) && t.clause[next] == t.clause[i] && n.value() <= 20) {
            // "one them" with the "of" dropped
            span[1] = next + 1;
            return String.valueOf(n.value());
        }
        if (n.value() >= 2 && n.value() <= 20 && t.isAny(k, SINGULAR) && !t.isAny(k, OCCUPATIONS)
                && t.clause[k] == t.clause[i] && (i == 0 || SpokenNumbers.at(t, i - 1) == null)
                && !t.is(k + 1, "of") && !t.isAny(k + 1, VEHICLE_AFTER) && !t.is(k + 1, "s")) {
            // "twelve kid" with a recogniser's dropped plural; "six two big dude" is a height
            span[1] = k + 1;
            return String.valueOf(n.value());
        }
        if (t.isAny(k, PLURAL) && n.value() >= 2 || n.value() == 1 && t.isAny(k, SINGULAR) && !t.is(k + 1, "of")) {
            span[1] = k + 1;
            return String.valueOf(n.value());
        }
        if (t.is(next, "of") && t.isAny(next + 1, Set.of("those", "these")) && next + 2 < t.size
                && t.clause[next + 2] == t.clause[next + 1] && !t.isAny(skipAdj(t, next + 2), PLURAL)
                && !t.isAny(next + 2, Set.of("who", "guys", "that", "people"))) {
            // "one of those apartment buildings"
            return null;
        }
        if (t.is(next, "of") && (t.isAny(next + 1, OF_WHOM) || t.isAny(next + 1, DETERMINERS)
                && t.isAny(skipAdj(t, next + 2), PLURAL))) {
            span[1] = t.isAny(next + 1, OF_WHOM) ? next + 2 : skipAdj(t, next + 2) + 1;
            return String.valueOf(n.value());
        }
        // bare counts with what happened: "four are dead", "we've got one down", "six more wounded"
        int s = next;
        while (s < next + 3 && t.isAny(s, BARE_LINK) && !t.is(s, "of")) {
            s++;
        }
        if (t.isAny(s, STATUS) && t.clause[s] == t.clause[i] && !t.isAny(i - 1, Set.of("at", "by", "about",
                "past", "around", "till", "until", "from", "in", "for"))
                && !(t.is(s, "out") && !t.isAny(s - 1, Set.of("is", "was", "are", "were", "still")))) {
            span[1] = next;
            return String.valueOf(n.value());
        }
        return null;
    }

    /**
     * "for people" (4), "to kids" (2), "too of them" (2): a recogniser's spelling of a count before people; the
     * caller uses the whole span of "of them".
     */
    private static int homophone(Tokens t, int i) {
        String w = t.word[i];
        int k = skipAdj(t, i + 1);
        boolean ofWhom = t.is(i + 1, "of") && t.isAny(i + 2, OF_WHOM);
        if ((w.equals("for") || w.equals("to") || w.equals("too")) && (t.isAny(k, PLURAL) && k <= i + 2 || ofWhom)
                && (i == 0 || t.clause[i - 1] != t.clause[i] || t.isAny(i - 1, BEFORE_HOMOPHONE))) {
            return w.equals("for") ? 4 : 2;
        }
        return -1;
    }

    /** "How many?" "Two." / "maybe four or five": a bare number at the start of the answer. */
    private static void answer(Tokens t, boolean[] blocked, List<ExtractedEntity> out, int found) {
        int i = 0;
        while (i < t.size && i < 4 && t.isAny(i, Set.of("uh", "um", "maybe", "like", "about", "around", "i",
                "think", "probably", "theres", "there", "are", "at", "least", "just", "only", "see", "saw", "count",
                "counted", "got", "have", "we", "ive", "weve", "the"))) {
            i++;
        }
        SpokenNumbers.Read n = SpokenNumbers.at(t, i);
        if (i >= t.size || blocked[i] || n == null || n.value() < 1 || n.value() > 500) {
            return;
        }
        for (int k = found; k < out.size(); k++) {
            if (out.get(k).end() > t.start[i] && out.get(k).start() <= t.start[i]) {
                // the answer's number already counts people ("two guys"); "five, me and my four kids" does not
                return;
            }
        }
        int from = i;
        int end = i + n.tokens();
        int value = n.value();
        SpokenNumbers.Read m;
        int or = t.isAny(end, Set.of("or", "maybe", "to", "probably", "possibly")) ? end + 1
                : t.isAny(end, Set.of("i")) && t.is(end + 1, "think") ? end + 2 : end;
        if (or < t.size && (m = SpokenNumbers.at(t, or)) != null && m.value() > value && m.value() <= value * 3 + 5) {
            // "four or five", "two, maybe three": the higher figure
            value = m.value();
            end = or + m.tokens();
        }
        for (int k = found; k < out.size(); k++) {
            if (out.get(k).value().equals(String.valueOf(value))) {
                // "Four, four of us": the utterance restates the number with whom it counts
                return;
            }
        }
        out.add(new ExtractedEntity(EntityType.PEOPLE_COUNT, String.valueOf(value), t.span(from, end),
                t.start[from], t.end[end - 1], 0.7));
    }

    /** "a bunch", "a whole bunch", "a big crowd". */
    private static boolean aBefore(Tokens t, int i) {
        return t.is(i - 1, "a") || t.isAny(i - 1, Set.of("whole", "big", "huge", "large")) && t.is(i - 2, "a");
    }

    static int skipAdj(Tokens t, int i) {
        int k = i;
        while (k < i + 3 && t.isAny(k, PERSON_ADJECTIVES)) {
            k++;
        }
        return k;
    }

    /** Words of a description before a person noun ("thin latino woman"). */
    private static final Set<String> DESCRIBING_ADJECTIVES = Set.of("white", "black", "asian", "hispanic", "latino",
            "latina", "caucasian", "african", "big", "skinny", "thin", "heavy", "tall", "short", "heavyset", "stocky",
            "slim", "chubby", "muscular", "older", "elderly", "young", "old", "little");
    /** Words after which a recogniser may have dropped the "a" of "a man" ("it was big guy", "theres thin woman"). */
    /** Person nouns read as one person when a recogniser drops their "a" after "there's", "saw" or "hit". */
    private static final Set<String> BARE_PERSON = Set.of("man", "woman", "guy", "lady", "boy", "girl", "kid",
            "pedestrian", "person", "child", "teenager", "jogger", "swimmer");
    private static final Set<String> ARTICLE_DROPPED = Set.of("theres", "was", "saw", "see", "its", "hit", "seen");

    /** How many words after a group's count a number may pick part of it ("three guys, two in the front ..."). */
    private static final int PART_WITHIN = 12;

    /** Units after which a number is not a count of people ("one in ten minutes", "two floors"). */
    private static final Set<String> NOT_PEOPLE_AFTER = Set.of("minute", "minutes", "hour", "hours", "year", "years",
            "month", "months", "day", "days", "week", "weeks", "foot", "feet", "mile", "miles", "dollars", "am", "pm",
            "oclock", "percent", "times", "inches", "floor", "floors", "story", "stories", "degrees", "block",
            "blocks", "hundred", "thousand", "or", "and", "to", "more", "of", "time", "second", "seconds", "shot",
            "shots", "car", "cars", "way", "thing", "things", "ft", "cm", "inch");
    private static final Set<String> PART_VERBS = Set.of("had", "has", "got", "pulled", "grabbed", "took", "ran",
            "was", "is", "in", "on", "with", "hes", "shes", "ones", "s", "went", "jumped", "kept", "stayed",
            "stabbed", "shot", "hit", "held", "pointed");

    /**
     * A bare number that picks some of a group already counted: "three guys, two in the front seat, one in the
     * back", "two of them ran in and one had a knife" ("one's a kid" counts on "a kid"). Only a number smaller than
     * the group, followed by what the part did or where it is.
     */
    private static String partOf(Tokens t, int i, int group, int[] span) {
        if (group < 2) {
            return null;
        }
        int value;
        int next;
        if (t.is(i, "ones") || t.is(i, "won") && t.isAny(i + 1, PART_VERBS)) {
            value = 1;
            next = i + 1;
        } else {
            SpokenNumbers.Read n = SpokenNumbers.at(t, i);
            if (n == null || t.isNumber(i)) {
                return null;
            }
            value = n.value();
            next = i + n.tokens();
        }
        if (value < 1 || value >= group || t.isAny(next, NOT_PEOPLE_AFTER) || !t.isAny(next, PART_VERBS)
                && !t.is(i, "ones") || t.isAny(i - 1, NOT_A_COUNT_BEFORE_ONE) || t.is(i - 1, "of")
                || t.is(next, "a") || t.is(next + 1, "a") && t.isAny(next, Set.of("is", "s", "was"))) {
            // "one is a child" counts on "a child"
            return null;
        }
        span[0] = i;
        span[1] = next;
        return String.valueOf(value);
    }
}
