package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Descriptions of people ("black male, about six foot, gray hoodie, ran north on Main"; "she's seven, pink
 * jacket"; "tall man in a black hoodie"). One {@link EntityType#SUSPECT} per utterance, its value the attributes in
 * a fixed order: gender, race, age, height, build, hair and features, clothing, direction of travel. Race is taken
 * as the caller states it. A description needs a distinguishing attribute; an age alone counts only where someone
 * is being described (a suspect, a missing person, an answer to "how old is he?").
 */
final class Suspects {

    static final Set<String> COLOURS = Set.of("white", "black", "silver", "grey", "gray", "red", "blue", "green",
            "yellow", "orange", "brown", "gold", "beige", "navy", "purple", "pink", "maroon", "dark", "light",
            "khaki", "camouflage", "striped", "checked", "plaid", "tan", "burgundy", "camo", "teal", "cream",
            "olive", "charcoal", "turquoise", "golden");
    private static final Map<String, String> COLOUR_NAMES = Map.of("gray", "grey", "burgundy", "maroon", "camo",
            "camouflage", "golden", "gold");
    private static final Map<String, String> GARMENTS = Map.ofEntries(
            Map.entry("hoodie", "hoodie"), Map.entry("hoody", "hoodie"), Map.entry("hooded sweatshirt", "hoodie"),
            Map.entry("hoodies", "hoodie"), Map.entry("sweatshirt", "sweatshirt"), Map.entry("jacket", "jacket"),
            Map.entry("coat", "coat"), Map.entry("shirt", "shirt"), Map.entry("t shirt", "t-shirt"),
            Map.entry("tshirt", "t-shirt"), Map.entry("tee shirt", "t-shirt"), Map.entry("sweater", "sweater"),
            Map.entry("jumper", "sweater"), Map.entry("jeans", "jeans"), Map.entry("pants", "pants"),
            Map.entry("trousers", "pants"), Map.entry("shorts", "shorts"), Map.entry("skirt", "skirt"),
            Map.entry("dress", "dress"), Map.entry("suit", "suit"), Map.entry("cap", "cap"),
            Map.entry("baseball cap", "cap"), Map.entry("hat", "hat"), Map.entry("beanie", "beanie"),
            Map.entry("mask", "mask"), Map.entry("face mask", "mask"), Map.entry("sunglasses", "sunglasses"),
            Map.entry("backpack", "backpack"), Map.entry("uniform", "uniform"),
            Map.entry("school uniform", "school uniform"), Map.entry("sneakers", "sneakers"),
            Map.entry("boots", "boots"), Map.entry("gloves", "gloves"), Map.entry("scarf", "scarf"),
            Map.entry("tracksuit", "tracksuit"), Map.entry("vest", "vest"), Map.entry("helmet", "helmet"),
            Map.entry("raincoat", "raincoat"), Map.entry("parka", "parka"), Map.entry("kimono", "kimono"),
            Map.entry("apron", "apron"), Map.entry("hood", "hood"), Map.entry("tank top", "tank top"),
            Map.entry("sweatpants", "sweatpants"), Map.entry("sweats", "sweatpants"),
            Map.entry("leggings", "leggings"), Map.entry("cardigan", "cardigan"), Map.entry("slippers", "slippers"),
            Map.entry("windbreaker", "windbreaker"), Map.entry("jersey", "jersey"), Map.entry("overalls",
                    "overalls"), Map.entry("scrubs", "scrubs"), Map.entry("robe", "robe"),
            Map.entry("pajamas", "pajamas"), Map.entry("sandals", "sandals"), Map.entry("heels", "heels"),
            Map.entry("blouse", "blouse"), Map.entry("polo", "polo shirt"), Map.entry("polo shirt", "polo shirt"),
            Map.entry("bandana", "bandana"), Map.entry("durag", "durag"), Map.entry("jumpsuit", "jumpsuit"),
            Map.entry("khakis", "khakis"), Map.entry("tie", "tie"), Map.entry("shoes", "shoes"),
            Map.entry("masks", "mask"), Map.entry("ski mask", "mask"), Map.entry("flannel", "flannel"),
            Map.entry("trench coat", "coat"), Map.entry("sweat shirt", "sweatshirt"), Map.entry("top", "top"),
            Map.entry("jackets", "jacket"), Map.entry("hats", "hat"), Map.entry("caps", "cap"),
            Map.entry("button down", "shirt"), Map.entry("tights", "tights"), Map.entry("purse", "purse"),
            Map.entry("bag", "bag"), Map.entry("jacket's", "jacket"), Map.entry("bathrobe", "bathrobe"),
            Map.entry("sweatpant", "sweatpants"), Map.entry("sneaker", "sneakers"), Map.entry("pant", "pants"),
            Map.entry("gown", "gown"), Map.entry("flannel shirt", "flannel shirt"));
    /** Words between a colour and a garment that the value leaves out ("green army jacket" is a green jacket). */
    private static final Set<String> GARMENT_STYLE = Set.of("army", "leather", "denim", "jean", "puffer", "rain",
            "hooded", "baseball", "winter", "work", "zip", "zipup", "button", "long", "short", "sleeve", "sleeved",
            "sleeveless", "cargo", "basketball", "track", "bomber", "letterman", "wool", "knit", "fleece", "bright",
            "neon", "graphic", "tight", "baggy", "ripped", "torn", "dirty", "big", "little", "puffy", "windbreaker",
            "colored", "coloured", "football", "sports", "running", "tennis", "skinny", "high", "top", "low",
            "zippered", "hoody", "motorcycle", "trucker", "snapback", "flat", "brimmed", "cowboy", "biker", "up",
            "down", "surgical", "medical", "ski", "face", "hospital", "fuzzy", "fluffy", "plastic", "paper");
    private static final Set<String> NOT_WORN = Set.of("gas", "oxygen", "life", "safety", "car", "sleeping",
            "garbage", "trash", "plastic", "body", "shopping", "grocery", "air", "tea", "bean", "punching");
    private static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("bald", "bald"), Map.entry("long hair", "long hair"), Map.entry("short hair", "short hair"),
            Map.entry("blond", "blond hair"), Map.entry("blonde", "blond hair"), Map.entry("dyed hair", "dyed hair"),
            Map.entry("ponytail", "ponytail"), Map.entry("beard", "beard"), Map.entry("mustache", "mustache"),
            Map.entry("moustache", "mustache"), Map.entry("tattoo", "tattoo"), Map.entry("tattoos", "tattoo"),
            Map.entry("scar", "scar"), Map.entry("glasses", "glasses"), Map.entry("earrings", "earrings"),
            Map.entry("piercings", "piercings"), Map.entry("braids", "braids"), Map.entry("dreadlocks",
                    "dreadlocks"), Map.entry("dreads", "dreadlocks"), Map.entry("cornrows", "cornrows"),
            Map.entry("afro", "afro"), Map.entry("goatee", "goatee"), Map.entry("freckles", "freckles"),
            Map.entry("shaved head", "bald"), Map.entry("buzz cut", "buzz cut"), Map.entry("curly hair",
                    "curly hair"), Map.entry("facial hair", "facial hair"), Map.entry("beard's", "beard"),
            Map.entry("mohawk", "mohawk"), Map.entry("ponytails", "ponytail"), Map.entry("pigtails", "pigtails"));
    private static final Set<String> HAIR_LENGTH = Set.of("long", "short", "curly", "straight", "shoulder");
    /** Nouns that make a build word say something else: "a heavy sleeper", "a big drinker". */
    private static final Set<String> NOT_A_BUILD = Set.of("sleeper", "smoker", "drinker", "breather", "eater",
            "breathing", "bleeding", "traffic", "rain", "fan", "deal", "mess", "trouble");
    private static final Map<String, String> BUILDS = Map.ofEntries(
            Map.entry("thin", "thin"), Map.entry("skinny", "thin"), Map.entry("slim", "thin"),
            Map.entry("heavy", "heavy"), Map.entry("heavyset", "heavy"), Map.entry("fat", "heavy"),
            Map.entry("chubby", "heavy"), Map.entry("overweight", "heavy"), Map.entry("stocky", "stocky"),
            Map.entry("muscular", "muscular"), Map.entry("big", "big"), Map.entry("medium build", "medium build"),
            Map.entry("skinny build", "thin"), Map.entry("thin build", "thin"), Map.entry("heavy build", "heavy"),
            Map.entry("heavy set", "heavy"), Map.entry("athletic", "athletic"), Map.entry("husky", "heavy"),
            Map.entry("lanky", "thin"), Map.entry("petite", "thin"), Map.entry("large", "big"),
            Map.entry("built", "muscular"));
    private static final Map<String, String> HEIGHTS = Map.of("tall", "tall", "short", "short", "very tall",
            "tall", "really tall", "tall", "quite tall", "tall", "medium height", "medium height", "average height",
            "medium height", "real tall", "tall");
    private static final Map<String, String> GENDER = Map.ofEntries(Map.entry("man", "male"),
            Map.entry("guy", "male"), Map.entry("male", "male"), Map.entry("boy", "male"), Map.entry("he", "male"),
            Map.entry("hes", "male"), Map.entry("him", "male"), Map.entry("his", "male"),
            Map.entry("gentleman", "male"), Map.entry("men", "male"), Map.entry("guys", "male"),
            Map.entry("woman", "female"), Map.entry("lady", "female"), Map.entry("female", "female"),
            Map.entry("girl", "female"), Map.entry("she", "female"), Map.entry("shes", "female"),
            Map.entry("her", "female"), Map.entry("women", "female"), Map.entry("suspect", ""),
            Map.entry("person", ""), Map.entry("attacker", ""), Map.entry("robber", ""), Map.entry("thief", ""),
            Map.entry("someone", ""), Map.entry("teenager", ""), Map.entry("kid", ""), Map.entry("son", "male"),
            Map.entry("husband", "male"), Map.entry("father", "male"), Map.entry("dad", "male"),
            Map.entry("brother", "male"), Map.entry("boyfriend", "male"), Map.entry("daughter", "female"),
            Map.entry("wife", "female"), Map.entry("mother", "female"), Map.entry("mom", "female"),
            Map.entry("mum", "female"), Map.entry("sister", "female"), Map.entry("girlfriend", "female"),
            Map.entry("males", "male"), Map.entry("females", "female"), Map.entry("dude", "male"),
            Map.entry("gal", "female"), Map.entry("grandpa", "male"), Map.entry("grandma", "female"),
            Map.entry("mail", "male"));
    private static final Map<String, String> RACES = Map.ofEntries(Map.entry("hispanic", "hispanic"),
            Map.entry("latino", "hispanic"), Map.entry("latina", "hispanic"), Map.entry("asian", "asian"),
            Map.entry("caucasian", "white"), Map.entry("japanese", "japanese"), Map.entry("chinese", "chinese"),
            Map.entry("korean", "korean"), Map.entry("arab", "arab"), Map.entry("filipino", "filipino"),
            Map.entry("vietnamese", "vietnamese"), Map.entry("indian", "indian"), Map.entry("mexican", "mexican"),
            Map.entry("african american", "black"), Map.entry("middle eastern", "middle eastern"),
            Map.entry("native american", "native american"), Map.entry("pacific islander", "pacific islander"),
            Map.entry("biracial", "mixed"), Map.entry("mixed race", "mixed"));
    private static final Set<String> PERSON_NOUNS = Set.of("man", "guy", "woman", "lady", "boy", "girl", "men",
            "guys", "women", "person", "suspect", "kid", "teenager", "male", "female", "gentleman", "build",
            "looking", "dude", "fellow", "males", "females", "ladies", "boys", "girls", "kids", "teenagers",
            "teen", "teens", "people", "gal", "fella", "mail");
    private static final Set<String> UNITS = Set.of("feet", "foot", "ft", "cm", "minutes", "minute", "hours",
            "hour", "seconds", "miles", "mile", "yards", "yard", "meters", "metres", "degrees", "percent", "dollars",
            "bucks", "times", "blocks", "floors", "stories", "pounds", "lbs", "days", "weeks", "months", "mph", "am",
            "pm", "oclock", "people", "kids", "guys", "of", "cars", "shots", "years", "year");
    private static final Set<String> DESCRIBING = Set.of("suspect", "attacker", "robber", "thief", "wearing",
            "dressed", "missing", "lost", "kidnapped", "grabbed", "abducted", "described", "description", "wanted",
            "shooter", "gunman", "burglar", "intruder", "find", "wandered", "ran", "fled", "seen", "looks",
            "suspects", "shooters", "robbers", "attackers", "gunmen", "burglars", "intruders");
    private static final Set<String> DESCRIPTION_LINKS = Set.of("in", "a", "an", "with", "wearing", "and", "is",
            "was", "hes", "shes", "he", "she", "about", "kind", "of", "very", "really", "quite", "pretty", "young",
            "old", "real");

    private static final Set<String> POSSESSIVES = Set.of("his", "her", "my", "their", "your", "somebodys",
            "someones", "our");
    /** Words after a length that make it a depth, a drop or a size: "four feet deep", "six foot high". */
    private static final Set<String> NOT_A_HEIGHT_AFTER = Set.of("deep", "high", "wide", "long", "off", "down",
            "away", "under", "underwater", "drop", "fence", "wall", "across", "below", "above", "onto", "into",
            "from", "of", "up");
    /** Verbs of falling before a length: "he fell about six feet". */
    private static final Set<String> FALLS = Set.of("fell", "fall", "falls", "fallen", "dropped", "jumped",
            "slipped", "tumbled");
    /** Nouns after a feature word that make it a place: "a tattoo shop". */
    private static final Set<String> FEATURE_PLACES = Set.of("shop", "parlor", "parlour", "place", "studio",
            "artist", "gun", "salon");
    /** Verbs of taking before a belonging: "took her purse". */
    private static final Set<String> TAKEN = Set.of("took", "grabbed", "stole", "snatched", "take", "grab",
            "steal", "snatch", "taking", "grabbing", "stealing");
    /** People who help at the scene: their looks identify no one to be found. */
    private static final Set<String> HELPERS = Set.of("paramedic", "paramedics", "medic", "medics", "nurse",
            "nurses", "officer", "officers", "cop", "cops", "firefighter", "firefighters", "doctor", "friend",
            "friends", "teacher", "manager", "guard", "lifeguard", "bouncer", "deputy", "trooper");
    /** Words that tell of a patient rather than of someone to be found. */
    private static final Set<String> PATIENT_WORDS = Set.of("patient", "collapsed", "fainted", "passed",
            "unconscious", "unresponsive", "seizure", "seizing", "overdosed", "choking");
    /** A relation with the caller's "'s" as a recogniser writes it ("my wife's" is "my wifes"). */
    private static final Set<String> RELATIONS_S = Set.of("wifes", "husbands", "sons", "daughters", "moms", "dads",
            "mothers", "fathers", "grandpas", "grandmas", "brothers", "sisters", "boyfriends", "girlfriends",
            "babys", "kids", "uncles", "aunts", "grandmothers", "grandfathers", "friends", "roommates", "neighbors");

    private Suspects() {
    }

    /** True when {@code w} is a word this class looks for (a colour, garment, feature, build or person word). */
    static boolean knows(String w) {
        return COLOURS.contains(w) || GARMENTS.containsKey(w) || FEATURES.containsKey(w) || BUILDS.containsKey(w)
                || GENDER.containsKey(w) || RACES.containsKey(w) || PERSON_NOUNS.contains(w);
    }

    /** True when {@code w} is a garment word ("hoodie", "jacket"). */
    static boolean garment(String w) {
        return GARMENTS.containsKey(w);
    }

    /** A colour as the values write it ("gray" is grey). */
    static String colour(String w) {
        return COLOUR_NAMES.getOrDefault(w, w);
    }

    /** The attributes found so far in one utterance. */
    static final class Found {
        String gender;
        String race;
        String age;
        String height;
        final List<String> build = new ArrayList<>();
        final List<String> features = new ArrayList<>();
        final List<String> clothing = new ArrayList<>();
        final List<String> directions = new ArrayList<>();
        int first = -1;
        int last = -1;
        boolean strong;
        /** The utterance answers "what does he look like?": its leading words are a list of attributes. */
        boolean answersDescription;

        /** True when token {@code i} continues the list of an answer to "what does he look like?". */
        boolean inAnswerList(Tokens t, int i) {
            return answersDescription && (i == 0 || last == i || t.gapBefore(i).strip().equals(","));
        }

        void at(int from, int to, boolean isStrong) {
            first = first < 0 ? from : Math.min(first, from);
            last = Math.max(last, to);
            strong |= isStrong;
        }

        String value() {
            List<String> parts = new ArrayList<>();
            if (gender != null && !gender.isEmpty()) {
                parts.add(gender);
            }
            add(parts, race);
            add(parts, age);
            add(parts, height);
            build.forEach(b -> add(parts, b));
            features.forEach(f -> add(parts, f));
            clothing.forEach(c -> add(parts, c));
            directions.forEach(d -> add(parts, d));
            return String.join(", ", parts);
        }

        private static void add(List<String> parts, String s) {
            if (s != null && !parts.contains(s)) {
                parts.add(s);
            }
        }
    }

    /** One person description per utterance, when at least one distinguishing attribute is given. */
    static void find(Tokens t, boolean[] blocked, Answers.Question q, List<ExtractedEntity> out) {
        Found f = new Found();
        f.answersDescription = q.description();
        boolean describing = q.description() || q.age() || q.direction();
        for (int k = 0; k < t.size && !describing; k++) {
            describing = DESCRIBING.contains(t.word[k]) || t.is(k, "cant") && t.is(k + 1, "find");
        }
        int i = 0;
        List<Integer> genders = new ArrayList<>();
        if (q.age()) {
            i = Ages.ageAnswer(t, blocked, f);
        }
        if (q.direction()) {
            i = Math.max(i, Travel.directionAnswer(t, blocked, f));
        }
        for (int k = 0; k < i && k < t.size; k++) {
            // "She went north": the answer's own subject
            String g = GENDER.get(t.word[k]);
            if (g != null && !g.isEmpty() && !blocked[k]) {
                genders.add(k);
            }
        }
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            int to = Travel.direction(t, blocked, i, f);
            if (to <= i) {
                to = clothing(t, i, f);
            }
            if (to <= i) {
                to = feature(t, i, f);
            }
            if (to <= i) {
                to = race(t, i, f);
            }
            if (to <= i) {
                to = height(t, i, f, describing);
            }
            if (to <= i) {
                to = build(t, i, f);
            }
            if (to <= i) {
                to = Ages.age(t, i, f);
            }
            if (to <= i) {
                String g = GENDER.get(t.word[i]);
                if (g != null && !g.isEmpty()) {
                    genders.add(i);
                }
                i++;
                continue;
            }
            i = to;
        }
        if (f.first < 0 || !(f.strong || describing && f.age != null)) {
            return;
        }
        if (!describing && f.directions.isEmpty() && (aboutPatient(t, out) || passing(t, f, q)
                || ofRelation(t, f.first) && attributes(f) < 2 || helper(t, f.first))
                || ownClothes(t, f.first) && f.directions.isEmpty()) {
            return;
        }
        f.gender = gender(t, genders, f.first);
        int first = extendBack(t, blocked, f.first);
        out.add(new ExtractedEntity(EntityType.SUSPECT, f.value(), t.span(first, f.last), t.start[first],
                t.end[f.last - 1], 0.7));
    }

    /**
     * True when the line tells of a patient's condition (a breathing, consciousness or injury entity, or a word
     * such as "collapsed"): the looks said beside it ("he's in his pajamas on the floor and won't wake up", "she's a
     * big lady, I can't get her up") help nobody find a suspect. A description word ("suspect", "wearing", "ran")
     * or a question asking for one keeps it.
     */
    private static boolean aboutPatient(Tokens t, List<ExtractedEntity> out) {
        for (ExtractedEntity e : out) {
            if (e.type() == EntityType.BREATHING || e.type() == EntityType.CONSCIOUS || e.type() == EntityType.INJURY
                    && !e.value().equals("none")) {
                return true;
            }
        }
        for (int k = 0; k < t.size; k++) {
            if (PATIENT_WORDS.contains(t.word[k]) || t.is(k, "cant") && t.isAny(k + 1, Set.of("lift", "move"))
                    || t.is(k, "get") && t.isAny(k + 1, Set.of("him", "her")) && t.is(k + 2, "up")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A single look said in passing of someone's belongings, with no description word and no question asking
     * for one: "he took his shirt off", "her glasses broke", "somebody's boots are sticking out". A description that
     * helps find someone gives a colour or a second detail ("his red shirt", "he's got glasses, a beard").
     */
    private static boolean passing(Tokens t, Found f, Answers.Question q) {
        return attributes(f) < 2 && !q.any() && f.first > 0 && t.isAny(f.first - 1, POSSESSIVES)
                && !t.isAny(f.first, COLOURS);
    }

    private static int attributes(Found f) {
        return (f.race == null ? 0 : 1) + (f.age == null ? 0 : 1) + (f.height == null ? 0 : 1) + f.build.size()
                + f.features.size() + f.clothing.size();
    }

    /** "The paramedic in the white shirt", "my friend's the one in the red dress": someone helping, not sought. */
    private static boolean helper(Tokens t, int first) {
        for (int k = first - 1; k >= 0 && k >= first - 5; k--) {
            if (HELPERS.contains(t.word[k])) {
                return true;
            }
        }
        return false;
    }

    /** "I'm wearing a green jacket so the ambulance can find me": the caller's own clothes. */
    private static boolean ownClothes(Tokens t, int first) {
        for (int k = first - 1; k >= 1 && k >= first - 3; k--) {
            if (t.is(k, "wearing") || t.is(k, "in") && t.is(k + 1, "a")) {
                return t.isAny(k - 1, Set.of("im", "i")) || t.is(k - 1, "am") && t.is(k - 2, "i");
            }
        }
        return false;
    }

    /** "My wife's Filipino", "my grandpa's bald": a relation the caller names is not someone to be found. */
    private static boolean ofRelation(Tokens t, int first) {
        for (int k = first - 1; k >= 1 && k >= first - 2; k--) {
            String w = t.word[k];
            String bare = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
            if ((RELATIONS_S.contains(w) || RELATIONS_S.contains(w + "s") || RELATIONS_S.contains(bare + "s")
                    && k == first - 1) && t.isAny(k - 1, Set.of("my", "our"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The gender of the person described: a person noun right after the first attribute ("her five-year-old
     * son" describes the son), else the nearest gender word before it, else the first after it; possessives ("his",
     * "her") only when nothing else says it. Null if nothing does.
     */
    private static String gender(Tokens t, List<Integer> at, int first) {
        Integer before = null;
        Integer after = null;
        Integer possessive = null;
        for (int k : at) {
            String w = t.word[k];
            if (w.equals("his") || w.equals("her")) {
                possessive = possessive == null || k < first ? Integer.valueOf(k) : possessive;
                continue;
            }
            if (k >= first && k <= first + 3 && !Set.of("he", "she", "hes", "shes", "him").contains(w)) {
                return GENDER.get(w);
            }
            if (k < first) {
                before = k;
            } else if (after == null) {
                after = k;
            }
        }
        Integer best = before != null ? before : after != null ? after : possessive;
        return best == null ? null : GENDER.get(t.word[best]);
    }

    /** Moves the start back over "a tall man in" to the person noun the description is about. */
    private static int extendBack(Tokens t, boolean[] blocked, int first) {
        int p = first - 1;
        while (p >= 0 && p >= first - 3 && !blocked[p]) {
            String pw = t.word[p];
            if (PERSON_NOUNS.contains(pw) || GENDER.containsKey(pw) && !pw.equals("his") && !pw.equals("her")
                    && !pw.equals("him") && !pw.equals("he") && !pw.equals("she") && !pw.equals("hes")
                    && !pw.equals("shes")) {
                return p;
            }
            if (!(DESCRIPTION_LINKS.contains(pw) || COLOURS.contains(pw) || BUILDS.containsKey(pw)
                    || HEIGHTS.containsKey(pw))) {
                break;
            }
            p--;
        }
        return first;
    }

    // ---- clothing, features

    private static int clothing(Tokens t, int i, Found f) {
        int c = i;
        List<String> cs = new ArrayList<>();
        while (c < t.size && c < i + 2 && t.isAny(c, COLOURS) && (c == i || t.gapBefore(c).isBlank())) {
            cs.add(colour(t.word[c]));
            c++;
        }
        if ((t.is(i, "all") && !t.is(i - 1, "its") || t.is(i, "in") && t.is(i + 1, "all")
                || t.is(i, "dressed") && t.is(i + 1, "in"))) {
            int k = t.is(i, "all") ? i + 1 : i + 2;
            if (t.isAny(k, COLOURS) && !t.isAny(k + 1, Set.of("hair", "car", "truck", "van"))
                    && !GARMENTS.containsKey(t.at(k + 1))) {
                f.clothing.add(colour(t.word[k]) + " clothes");
                f.at(i, k + 1, true);
                return k + 1;
            }
        }
        int g = c;
        while (g < t.size && g < c + 2 && (GARMENT_STYLE.contains(t.word[g]) && !GARMENTS.containsKey(t.word[g])
                || capitalisedBrand(t, g) && (!cs.isEmpty() || t.isAny(g - 1, Set.of("a", "an", "his", "her"))))) {
            g++;
        }
        String garment = null;
        int end = g;
        String two = g + 2 <= t.size ? t.word[g] + " " + t.word[g + 1] : "";
        if (GARMENTS.containsKey(two)) {
            garment = GARMENTS.get(two);
            end = g + 2;
        } else if (g < t.size && GARMENTS.containsKey(t.word[g])) {
            garment = GARMENTS.get(t.word[g]);
            end = g + 1;
        }
        if (garment == null || g == i && t.isAny(i - 1, NOT_WORN) || garment.equals("jersey") && t.is(g - 1, "new")) {
            return -1;
        }
        boolean bare = cs.isEmpty() && g == c;
        if (bare && t.isAny(i - 1, POSSESSIVES) && t.isAny(i - 2, TAKEN)) {
            // "the man who took her purse": the victim's belonging, not what the man wears
            return -1;
        }
        if (bare && Set.of("hood", "cap", "suit", "top", "bag", "tie", "helmet", "purse", "shoes").contains(garment)
                && !t.isAny(i - 1, Set.of("a", "his", "her", "the", "black", "white"))
                || garment.equals("helmet") && cs.isEmpty() || garment.equals("top") && cs.isEmpty()
                || garment.equals("bag") && cs.isEmpty() || garment.equals("tie") && cs.isEmpty()) {
            return -1;
        }
        if (garment.equals("mask") && t.isAny(i - 1, NOT_WORN) || FEATURES.containsKey(two)
                || bare && garment.equals("hood") && t.is(i - 1, "the")) {
            // "smoke from under the hood" is the car's
            return -1;
        }
        f.clothing.add((String.join(" ", cs) + " " + garment).strip());
        f.at(i, end, true);
        return end;
    }

    private static boolean capitalisedBrand(Tokens t, int g) {
        if (g >= t.size || t.isNumber(g)) {
            return false;
        }
        String s = t.text.substring(t.start[g], t.end[g]);
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && GARMENTS.containsKey(t.at(g + 1))
                && !COLOURS.contains(t.word[g]);
    }

    private static int feature(Tokens t, int i, Found f) {
        int k = i;
        String length = null;
        if (t.isAny(k, HAIR_LENGTH)) {
            length = t.word[k];
            k++;
        }
        String col = t.isAny(k, COLOURS) || t.isAny(k, Set.of("blond", "blonde", "dark", "light"))
                ? t.word[k] : null;
        if (col != null) {
            k++;
        }
        if (t.is(k, "hair") && (length != null || col != null)) {
            if (length != null && !length.equals("shoulder")) {
                f.features.add(length + " hair");
            }
            if (col != null) {
                f.features.add((col.startsWith("blond") ? "blond" : colour(col)) + " hair");
            }
            f.at(i, k + 1, true);
            return k + 1;
        }
        if (col != null && length == null && t.isAny(k, Set.of("beard", "mustache", "moustache", "goatee"))) {
            f.features.add(FEATURES.get(t.word[k]));
            f.at(i, k + 1, true);
            return k + 1;
        }
        String two = i + 2 <= t.size ? t.word[i] + " " + t.word[i + 1] : "";
        if (FEATURES.containsKey(two)) {
            f.features.add(FEATURES.get(two));
            f.at(i, i + 2, true);
            return i + 2;
        }
        String w = t.word[i];
        if (FEATURES.containsKey(w) && t.isAny(i + 1, FEATURE_PLACES)) {
            // "a tattoo shop next door"
            return -1;
        }
        if (FEATURES.containsKey(w) && !(w.equals("glasses") && (t.is(i - 1, "of") || t.is(i + 1, "of")))
                && !(w.startsWith("blond") && GARMENTS.containsKey(t.at(i + 1)))) {
            f.features.add(FEATURES.get(w));
            f.at(i, i + 1, true);
            return i + 1;
        }
        return -1;
    }

    // ---- race, height, build, age

    private static int race(Tokens t, int i, Found f) {
        String two = i + 2 <= t.size ? t.word[i] + " " + t.word[i + 1] : "";
        if (RACES.containsKey(two)) {
            f.race = f.race == null ? RACES.get(two) : f.race;
            f.at(i, i + 2, true);
            return i + 2;
        }
        String w = t.word[i];
        if (RACES.containsKey(w) && !t.isAny(i + 1, Set.of("food", "restaurant", "store", "market"))) {
            f.race = f.race == null ? RACES.get(w) : f.race;
            f.at(i, i + 1, true);
            return i + 1;
        }
        if (!(w.equals("black") || w.equals("white"))) {
            return -1;
        }
        int n = i + 1;
        while (n < t.size && n < i + 3 && BUILDS.containsKey(t.word[n])) {
            n++;
        }
        boolean nounAfter = t.isAny(n, PERSON_NOUNS);
        boolean predicate = t.isAny(i - 1, Set.of("hes", "shes", "theyre", "both", "them", "guy", "male", "female",
                "man", "woman", "lady", "dude", "guys", "dudes")) || t.isAny(i - 1, Set.of("is", "was", "were", "are"))
                && (t.isAny(i - 2, Set.of("he", "she", "they", "suspect", "guy", "man", "woman", "shooter"))
                || nearPersonNoun(t, i, 7));
        boolean listed = !t.gapBefore(i).isBlank() && i > 0 && nearPersonNoun(t, i, 3) || f.inAnswerList(t, i);
        boolean nextFree = !t.isAny(i + 1, COLOURS) && !GARMENTS.containsKey(t.at(i + 1))
                && !t.isAny(i + 1, Set.of("hair", "car", "truck", "van", "suv", "sedan", "smoke", "beard"))
                && !FEATURES.containsKey(t.at(i + 1));
        if (nounAfter || (predicate || listed) && nextFree) {
            f.race = f.race == null ? w : f.race;
            f.at(i, i + 1, true);
            return i + 1;
        }
        return -1;
    }

    /** True when token {@code i} stands in a comma-separated description list after a person word. */
    private static boolean listed(Tokens t, int i, Found f) {
        return t.gapBefore(i).strip().equals(",") && (f.first >= 0 || nearDescribed(t, i, 8))
                || f.inAnswerList(t, i) || unpunctuatedList(t, i, f);
    }

    /**
     * A recogniser writes no commas: "hispanic male short stocky" lists as "Hispanic male, short, stocky" does
     * when the word follows the description so far, or the person noun right after it.
     */
    private static boolean unpunctuatedList(Tokens t, int i, Found f) {
        if (f.first < 0 || i == 0 || !t.gapBefore(i).isBlank()) {
            return false;
        }
        String before = t.word[i - 1];
        return f.last == i || f.last == i - 1 && (PERSON_NOUNS.contains(before) || GENDER.containsKey(before)
                && !before.equals("his") && !before.equals("her"));
    }

    private static boolean nearDescribed(Tokens t, int i, int back) {
        for (int k = i - 1; k >= 0 && k >= i - back; k--) {
            if (PERSON_NOUNS.contains(t.word[k]) || RACES.containsKey(t.word[k]) || GENDER.containsKey(t.word[k])
                    && !t.word[k].equals("his") && !t.word[k].equals("her")) {
                return true;
            }
        }
        return false;
    }

    static boolean nearPersonNoun(Tokens t, int i, int back) {
        for (int k = i - 1; k >= 0 && k >= i - back; k--) {
            if (PERSON_NOUNS.contains(t.word[k])) {
                return true;
            }
        }
        return false;
    }

    private static int height(Tokens t, int i, Found f, boolean describing) {
        String w = t.word[i];
        String two = i + 2 <= t.size ? w + " " + t.word[i + 1] : "";
        if (HEIGHTS.containsKey(two) && personNear(t, i + 2)) {
            f.height = HEIGHTS.get(two);
            f.at(i, i + 2, true);
            return i + 2;
        }
        if (HEIGHTS.containsKey(w) && (personNear(t, i + 1) || listed(t, i, f) && (f.first >= 0
                || f.inAnswerList(t, i)))
                && !t.isAny(i + 1, Set.of("of", "hair", "sleeve", "sleeved", "sleeves", "while", "time", "for"))) {
            f.height = HEIGHTS.get(w);
            f.at(i, i + 1, true);
            return i + 1;
        }
        SpokenNumbers.Read n = SpokenNumbers.at(t, i);
        if (n == null) {
            return -1;
        }
        int u = i + n.tokens();
        if (t.isAny(u, Set.of("cm", "centimeters", "centimetres", "centimeter")) && n.value() >= 100
                && n.value() <= 220) {
            f.height = n.value() + " cm";
            f.at(i, u + 1, true);
            return u + 1;
        }
        boolean apostrophe = u < t.size && u == i + 1 && (t.gap(i, u).strip().equals("'")
                || t.gap(i, u).strip().equals("’"));
        boolean unitWord = t.isAny(u, Set.of("foot", "feet", "ft"));
        boolean trailing = u >= t.size && t.text.substring(t.end[u - 1]).strip().startsWith("'");
        if (n.value() >= 4 && n.value() <= 7 && (unitWord || apostrophe || trailing)) {
            int end = unitWord ? u + 1 : u;
            String h = n.value() + " ft";
            SpokenNumbers.Read m = SpokenNumbers.at(t, end);
            if (m != null && m.value() < 12 && !t.isAny(end + m.tokens(), UNITS)) {
                h = h + " " + m.value();
                end += m.tokens();
                if (t.isAny(end, Set.of("inches", "in", "inch"))) {
                    end++;
                }
            }
            if (t.isAny(end, NOT_A_HEIGHT_AFTER) || t.isAny(i - 1, FALLS) || t.isAny(i - 2, FALLS)) {
                // "four feet deep", "fell about six feet": a depth or a fall, not someone's height
                return -1;
            }
            f.height = h;
            f.at(i, end, true);
            return end;
        }
        // "about five ten", "he's six two": feet and inches without the units; "six too" as a recogniser writes it
        SpokenNumbers.Read m = SpokenNumbers.at(t, u);
        if (m == null && t.isAny(u, Set.of("too", "ate"))) {
            m = new SpokenNumbers.Read(t.is(u, "too") ? 2 : 8, 1);
        }
        String before = i > 0 ? t.word[i - 1] : "";
        boolean afterPerson = t.gapBefore(i).isBlank() && (PERSON_NOUNS.contains(before)
                || GENDER.containsKey(before) && !before.equals("his") && !before.equals("her") || f.last == i);
        if (n.value() >= 4 && n.value() <= 6 && n.tokens() == 1 && m != null && m.tokens() == 1 && m.value() < 12
                && !t.isNumber(i) && !t.isAny(u + 1, UNITS) && !t.isAny(u + 1, PeopleCounts.PLURAL)
                && (t.isAny(i - 1, Set.of("about", "like", "maybe", "around", "hes", "shes", "is", "was",
                "roughly", "approximately")) || (describing || listed(t, i, f)) && !t.gapBefore(i).isBlank()
                || afterPerson)) {
            f.height = n.value() + " ft " + m.value();
            f.at(i, u + 1, true);
            return u + 1;
        }
        return -1;
    }

    private static int build(Tokens t, int i, Found f) {
        String w = t.word[i];
        String two = i + 2 <= t.size ? w + " " + t.word[i + 1] : "";
        if (BUILDS.containsKey(two) && personNear(t, i + 2)) {
            f.build.add(BUILDS.get(two));
            f.at(i, i + 2, true);
            return i + 2;
        }
        int k = i;
        if (t.isAny(k, Set.of("real", "really", "very", "pretty", "kinda")) && BUILDS.containsKey(t.at(k + 1))) {
            k++;
            w = t.word[k];
        }
        boolean predicate = t.isAny(i - 1, Set.of("hes", "shes", "theyre")) || listed(t, i, f)
                || t.isAny(i - 1, Set.of("is", "was")) && t.isAny(i - 2, Set.of("he", "she", "suspect", "guy", "man"))
                || t.is(i - 1, "and") && f.first >= 0;
        if (BUILDS.containsKey(w) && !t.isAny(k + 1, NOT_A_BUILD)
                && (personNear(t, k + 1) && !t.is(i - 2, "it") || predicate)
                && !((w.equals("big") || w.equals("large")) && !nounAfter(t, k + 1) && !predicate)
                && !(w.equals("built") && !t.is(k - 1, "well"))) {
            f.build.add(BUILDS.get(w));
            f.at(i, k + 1, true);
            return k + 1;
        }
        return -1;
    }

    /** True when a person noun follows at {@code i} (after at most one more adjective), or a pronoun precedes. */
    static boolean personNear(Tokens t, int i) {
        for (int k = i; k < i + 3 && k < t.size; k++) {
            if (PERSON_NOUNS.contains(t.word[k])) {
                return true;
            }
            if (!(BUILDS.containsKey(t.word[k]) || HEIGHTS.containsKey(t.word[k]) || COLOURS.contains(t.word[k])
                    || RACES.containsKey(t.word[k]) || t.word[k].equals("and") || t.word[k].equals("young")
                    || t.word[k].equals("old") || t.word[k].equals("looking"))) {
                break;
            }
        }
        for (int k = i - 2; k >= Math.max(0, i - 5); k--) {
            String w = t.word[k];
            if (w.equals("he") || w.equals("she") || w.equals("hes") || w.equals("shes") || w.equals("was")
                    || w.equals("is") || w.equals("theyre")) {
                return true;
            }
        }
        return !t.gapBefore(i - 1).isBlank() && nearPersonNoun(t, i - 1, 3);
    }

    /** True when a person noun follows at {@code i} after at most two more adjectives ("an old white man"). */
    static boolean personAfter(Tokens t, int i) {
        for (int k = i; k < i + 3 && k < t.size; k++) {
            if (PERSON_NOUNS.contains(t.word[k])) {
                return true;
            }
            if (!(BUILDS.containsKey(t.word[k]) || HEIGHTS.containsKey(t.word[k]) || COLOURS.contains(t.word[k])
                    || RACES.containsKey(t.word[k]) || t.word[k].equals("and") || t.word[k].equals("looking"))) {
                return false;
            }
        }
        return false;
    }

    /** True when a person noun follows at {@code i} or one word later ("big guy", "big tall man"). */
    private static boolean nounAfter(Tokens t, int i) {
        return t.isAny(i, PERSON_NOUNS) || t.isAny(i + 1, PERSON_NOUNS);
    }
}
