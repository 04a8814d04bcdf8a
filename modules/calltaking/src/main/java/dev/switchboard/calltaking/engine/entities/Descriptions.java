package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Descriptions of vehicles ("a white Toyota Prius", "black motorbike") and of people ("tall man in a black
 * hoodie", "in his thirties, about 180 cm"). A person description becomes one {@link EntityType#SUSPECT} per
 * utterance, its value the attributes in a fixed order: gender, age, height, build, hair and features, clothing.
 */
final class Descriptions {

    static final Set<String> COLOURS = Set.of("white", "black", "silver", "grey", "gray", "red", "blue", "green",
            "yellow", "orange", "brown", "gold", "beige", "navy", "purple", "pink", "maroon", "dark", "light",
            "khaki", "camouflage", "striped", "checked", "plaid");
    private static final Map<String, String> MAKES = Map.ofEntries(
            Map.entry("toyota", "Toyota"), Map.entry("honda", "Honda"), Map.entry("nissan", "Nissan"),
            Map.entry("mazda", "Mazda"), Map.entry("subaru", "Subaru"), Map.entry("suzuki", "Suzuki"),
            Map.entry("mitsubishi", "Mitsubishi"), Map.entry("daihatsu", "Daihatsu"), Map.entry("lexus", "Lexus"),
            Map.entry("isuzu", "Isuzu"), Map.entry("hino", "Hino"), Map.entry("yamaha", "Yamaha"),
            Map.entry("kawasaki", "Kawasaki"), Map.entry("bmw", "BMW"), Map.entry("mercedes", "Mercedes"),
            Map.entry("benz", "Mercedes"), Map.entry("audi", "Audi"), Map.entry("volkswagen", "Volkswagen"),
            Map.entry("vw", "Volkswagen"), Map.entry("tesla", "Tesla"), Map.entry("ford", "Ford"),
            Map.entry("volvo", "Volvo"), Map.entry("porsche", "Porsche"), Map.entry("hyundai", "Hyundai"));
    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("prius", "Prius"), Map.entry("corolla", "Corolla"), Map.entry("alphard", "Alphard"),
            Map.entry("hiace", "HiAce"), Map.entry("civic", "Civic"), Map.entry("serena", "Serena"),
            Map.entry("skyline", "Skyline"), Map.entry("camry", "Camry"), Map.entry("harrier", "Harrier"),
            Map.entry("jimny", "Jimny"), Map.entry("elgrand", "Elgrand"), Map.entry("odyssey", "Odyssey"),
            Map.entry("vitz", "Vitz"), Map.entry("crown", "Crown"), Map.entry("impreza", "Impreza"),
            Map.entry("wagon r", "Wagon R"), Map.entry("land cruiser", "Land Cruiser"));
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("car", "car"), Map.entry("cars", "car"), Map.entry("sedan", "sedan"), Map.entry("suv", "SUV"),
            Map.entry("van", "van"), Map.entry("vans", "van"), Map.entry("minivan", "minivan"),
            Map.entry("truck", "truck"), Map.entry("trucks", "truck"), Map.entry("lorry", "truck"),
            Map.entry("bus", "bus"), Map.entry("taxi", "taxi"), Map.entry("cab", "taxi"),
            Map.entry("motorbike", "motorbike"), Map.entry("motorcycle", "motorbike"),
            Map.entry("motorbikes", "motorbike"), Map.entry("motorcycles", "motorbike"),
            Map.entry("scooter", "scooter"), Map.entry("moped", "scooter"), Map.entry("bicycle", "bicycle"),
            Map.entry("bike", "bike"), Map.entry("pickup", "pickup"), Map.entry("jeep", "jeep"),
            Map.entry("tanker", "tanker"), Map.entry("kei car", "kei car"), Map.entry("sports car", "sports car"),
            Map.entry("delivery truck", "delivery truck"), Map.entry("dump truck", "dump truck"),
            Map.entry("garbage truck", "garbage truck"), Map.entry("tanker truck", "tanker"),
            Map.entry("delivery van", "delivery van"), Map.entry("pickup truck", "pickup"),
            Map.entry("vehicle", "vehicle"), Map.entry("vehicles", "vehicle"), Map.entry("minibus", "minibus"));
    private static final Set<String> OWN_UNITS = Set.of("police", "patrol", "fire", "ambulance", "squad");

    private static final Map<String, String> GARMENTS = Map.ofEntries(
            Map.entry("hoodie", "hoodie"), Map.entry("hoody", "hoodie"), Map.entry("hooded sweatshirt", "hoodie"),
            Map.entry("sweatshirt", "sweatshirt"), Map.entry("jacket", "jacket"), Map.entry("coat", "coat"),
            Map.entry("shirt", "shirt"), Map.entry("t shirt", "t-shirt"), Map.entry("tshirt", "t-shirt"),
            Map.entry("tee shirt", "t-shirt"), Map.entry("sweater", "sweater"), Map.entry("jumper", "sweater"),
            Map.entry("jeans", "jeans"), Map.entry("pants", "pants"), Map.entry("trousers", "pants"),
            Map.entry("shorts", "shorts"), Map.entry("skirt", "skirt"), Map.entry("dress", "dress"),
            Map.entry("suit", "suit"), Map.entry("cap", "cap"), Map.entry("baseball cap", "cap"),
            Map.entry("hat", "hat"), Map.entry("beanie", "beanie"), Map.entry("mask", "mask"),
            Map.entry("face mask", "mask"), Map.entry("sunglasses", "sunglasses"), Map.entry("backpack", "backpack"),
            Map.entry("uniform", "uniform"), Map.entry("school uniform", "school uniform"),
            Map.entry("sneakers", "sneakers"), Map.entry("boots", "boots"), Map.entry("gloves", "gloves"),
            Map.entry("scarf", "scarf"), Map.entry("tracksuit", "tracksuit"), Map.entry("vest", "vest"),
            Map.entry("helmet", "helmet"), Map.entry("raincoat", "raincoat"), Map.entry("parka", "parka"),
            Map.entry("kimono", "kimono"), Map.entry("apron", "apron"), Map.entry("hood", "hood"));
    private static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("bald", "bald"), Map.entry("long hair", "long hair"), Map.entry("short hair", "short hair"),
            Map.entry("blond hair", "blond hair"), Map.entry("blonde hair", "blond hair"),
            Map.entry("blond", "blond hair"), Map.entry("blonde", "blond hair"), Map.entry("dyed hair", "dyed hair"),
            Map.entry("brown hair", "brown hair"), Map.entry("black hair", "black hair"),
            Map.entry("grey hair", "grey hair"), Map.entry("gray hair", "grey hair"),
            Map.entry("red hair", "red hair"), Map.entry("ponytail", "ponytail"), Map.entry("beard", "beard"),
            Map.entry("mustache", "mustache"), Map.entry("moustache", "mustache"), Map.entry("tattoo", "tattoo"),
            Map.entry("tattoos", "tattoo"), Map.entry("scar", "scar"), Map.entry("glasses", "glasses"),
            Map.entry("earrings", "earrings"), Map.entry("piercings", "piercings"));
    private static final Map<String, String> BUILDS = Map.ofEntries(
            Map.entry("thin", "thin"), Map.entry("skinny", "thin"), Map.entry("slim", "thin"),
            Map.entry("heavy", "heavy"), Map.entry("heavyset", "heavy"), Map.entry("fat", "heavy"),
            Map.entry("chubby", "heavy"), Map.entry("overweight", "heavy"), Map.entry("stocky", "stocky"),
            Map.entry("muscular", "muscular"), Map.entry("big", "big"), Map.entry("medium build", "medium build"),
            Map.entry("skinny build", "thin"), Map.entry("thin build", "thin"), Map.entry("heavy build", "heavy"));
    private static final Map<String, String> HEIGHTS = Map.of("tall", "tall", "short", "short", "very tall", "tall",
            "really tall", "tall", "quite tall", "tall", "medium height", "medium height", "average height",
            "medium height");
    private static final Map<String, String> MALE = Map.ofEntries(Map.entry("man", "male"), Map.entry("guy", "male"),
            Map.entry("male", "male"), Map.entry("boy", "male"), Map.entry("he", "male"), Map.entry("hes", "male"),
            Map.entry("him", "male"), Map.entry("his", "male"), Map.entry("gentleman", "male"),
            Map.entry("men", "male"), Map.entry("guys", "male"), Map.entry("woman", "female"),
            Map.entry("lady", "female"), Map.entry("female", "female"), Map.entry("girl", "female"),
            Map.entry("she", "female"), Map.entry("shes", "female"), Map.entry("her", "female"),
            Map.entry("women", "female"), Map.entry("suspect", ""), Map.entry("person", ""),
            Map.entry("attacker", ""), Map.entry("robber", ""), Map.entry("thief", ""), Map.entry("someone", ""),
            Map.entry("teenager", ""), Map.entry("kid", ""), Map.entry("son", "male"), Map.entry("husband", "male"),
            Map.entry("father", "male"), Map.entry("dad", "male"), Map.entry("brother", "male"),
            Map.entry("boyfriend", "male"), Map.entry("daughter", "female"), Map.entry("wife", "female"),
            Map.entry("mother", "female"), Map.entry("mom", "female"), Map.entry("mum", "female"),
            Map.entry("sister", "female"), Map.entry("girlfriend", "female"));
    private static final Map<String, String> DECADES = Map.ofEntries(Map.entry("teens", "teen"),
            Map.entry("twenties", "20s"), Map.entry("thirties", "30s"), Map.entry("forties", "40s"),
            Map.entry("fifties", "50s"), Map.entry("sixties", "60s"), Map.entry("seventies", "70s"),
            Map.entry("eighties", "80s"), Map.entry("20s", "20s"), Map.entry("30s", "30s"), Map.entry("40s", "40s"),
            Map.entry("50s", "50s"), Map.entry("60s", "60s"), Map.entry("70s", "70s"));

    private Descriptions() {
    }

    /** Vehicles: [colour] [make] [model] [type], with at least a make, model or type. Marks tokens blocked. */
    static void vehicles(Tokens t, boolean[] blocked, Context ctx, List<ExtractedEntity> out) {
        int i = 0;
        while (i < t.size) {
            if (blocked[i] || t.isAny(i - 1, OWN_UNITS)) {
                i++;
                continue;
            }
            int j = i;
            List<String> colours = new ArrayList<>();
            while (j < t.size && j < i + 2 && t.isAny(j, COLOURS) && !blocked[j]) {
                colours.add(t.word[j].equals("gray") ? "grey" : t.word[j]);
                j++;
            }
            String make = null;
            if (j < t.size && !blocked[j] && MAKES.containsKey(t.word[j])) {
                make = MAKES.get(t.word[j]);
                j++;
            }
            String model = null;
            String two = j + 1 < t.size ? t.word[j] + " " + t.word[j + 1] : "";
            if (MODELS.containsKey(two)) {
                model = MODELS.get(two);
                j += 2;
            } else if (j < t.size && !blocked[j] && MODELS.containsKey(t.word[j])) {
                model = MODELS.get(t.word[j]);
                j++;
            }
            String type = null;
            two = j + 1 < t.size ? t.word[j] + " " + t.word[j + 1] : "";
            if (TYPES.containsKey(two) && !blocked[j + 1]) {
                type = TYPES.get(two);
                j += 2;
            } else if (j < t.size && !blocked[j] && TYPES.containsKey(t.word[j])) {
                type = TYPES.get(t.word[j]);
                j++;
            }
            boolean makeAlone = make != null && model == null && type == null && colours.isEmpty()
                    && !t.isAny(i - 1, Set.of("a", "the", "his", "her", "their", "my"));
            if (make == null && model == null && type == null || makeAlone
                    || type != null && type.equals("vehicle") && make == null && colours.isEmpty()
                    || colours.isEmpty() && make == null && model == null && t.isAny(j, OWN_UNITS)) {
                i++;
                continue;
            }
            StringBuilder v = new StringBuilder();
            for (String c : colours) {
                v.append(c).append(' ');
            }
            if (make != null) {
                v.append(make).append(' ');
            }
            if (model != null) {
                v.append(model).append(' ');
            }
            if (type != null && !(type.equals("car") && (make != null || model != null))) {
                v.append(type);
            }
            double conf = make != null || model != null || !colours.isEmpty() ? 0.85 : 0.75;
            if (ctx.hedged(i)) {
                conf *= 0.6;
            }
            for (int k = i; k < j; k++) {
                blocked[k] = true;
            }
            out.add(new ExtractedEntity(EntityType.VEHICLE, v.toString().strip(), t.span(i, j), t.start[i],
                    t.end[j - 1], Math.round(conf * 100) / 100.0));
            i = j;
        }
    }

    /** One person description per utterance, when at least one distinguishing attribute is given. */
    static void suspects(Tokens t, boolean[] blocked, List<ExtractedEntity> out) {
        String gender = null;
        String age = null;
        String height = null;
        List<String> build = new ArrayList<>();
        List<String> features = new ArrayList<>();
        List<String> clothing = new ArrayList<>();
        int first = -1;
        int last = -1;
        boolean strong = false;
        boolean suspectWord = false;
        int i = 0;
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            String w = t.word[i];
            int to = i;
            // "" when the utterance ends first, so a two-word match always has its two words
            String two = i + 2 <= t.size ? t.join(i, i + 2, " ") : "";
            String three = i + 3 <= t.size ? t.join(i, i + 3, " ") : "";
            if (w.equals("suspect") || w.equals("attacker") || w.equals("robber") || w.equals("thief")
                    || w.equals("wearing") || w.equals("dressed")) {
                suspectWord = true;
            }
            // clothing: [colour]{0,2} garment
            int c = i;
            List<String> cs = new ArrayList<>();
            while (c < t.size && c < i + 2 && t.isAny(c, COLOURS)) {
                cs.add(t.word[c].equals("gray") ? "grey" : t.word[c]);
                c++;
            }
            String g2 = c + 2 <= t.size ? t.join(c, c + 2, " ") : "";
            String garment = null;
            int gEnd = c;
            if (c + 1 < t.size && GARMENTS.containsKey(g2)) {
                garment = GARMENTS.get(g2);
                gEnd = c + 2;
            } else if (c < t.size && GARMENTS.containsKey(t.word[c])) {
                garment = GARMENTS.get(t.word[c]);
                gEnd = c + 1;
            }
            if (garment != null && (garment.equals("hood") || garment.equals("cap") || garment.equals("suit"))
                    && cs.isEmpty() && !t.isAny(i - 1, Set.of("a", "his", "her", "the"))) {
                garment = null;
            }
            if (garment != null && FEATURES.containsKey(t.join(c, Math.min(t.size, c + 2), " "))) {
                garment = null;
            }
            if (garment != null) {
                String item = (String.join(" ", cs) + " " + garment).strip();
                clothing.add(item);
                strong = true;
                to = gEnd;
            } else if (t.size > i + 1 && FEATURES.containsKey(two)) {
                features.add(FEATURES.get(two));
                strong = true;
                to = i + 2;
            } else if (FEATURES.containsKey(w) && !(w.equals("glasses") && t.is(i - 1, "of"))) {
                features.add(FEATURES.get(w));
                strong = true;
                to = i + 1;
            } else if (HEIGHTS.containsKey(two) && personNear(t, i + 2)) {
                height = HEIGHTS.get(two);
                strong = true;
                to = i + 2;
            } else if (HEIGHTS.containsKey(w) && personNear(t, i + 1)) {
                height = HEIGHTS.get(w);
                strong = true;
                to = i + 1;
            } else if ((SpokenNumbers.at(t, i)) != null && heightUnit(t, i) > 0) {
                SpokenNumbers.Read n = SpokenNumbers.at(t, i);
                int u = i + n.tokens();
                height = t.isAny(u, Set.of("cm", "centimeters", "centimetres", "centimeter")) ? n.value() + " cm"
                        : n.value() + " ft";
                to = heightUnit(t, i);
                if (height.endsWith("ft") && (n = SpokenNumbers.at(t, to)) != null && n.value() < 12) {
                    height = height + " " + n.value();
                    to += n.tokens();
                    if (t.isAny(to, Set.of("inches", "in"))) {
                        to++;
                    }
                }
                strong = true;
            } else if (BUILDS.containsKey(two) && personNear(t, i + 2)) {
                build.add(BUILDS.get(two));
                strong = true;
                to = i + 2;
            } else if (BUILDS.containsKey(w) && personNear(t, i + 1) && !(w.equals("big") && !nounAfter(t, i + 1))) {
                build.add(BUILDS.get(w));
                strong = true;
                to = i + 1;
            } else if ((w.equals("in") && t.isAny(i + 1, Set.of("his", "her", "their", "the", "early", "late", "mid"))
                    || w.equals("early") || w.equals("late") || w.equals("mid")) && decadeAt(t, i) != null) {
                int[] e = new int[1];
                age = decadeAt(t, i, e);
                to = e[0];
            } else if (three.equals("middle aged man") || two.equals("middle aged")) {
                age = "middle-aged";
                to = i + 2;
            } else if (w.equals("teenager") || w.equals("teenage") || w.equals("teen")) {
                age = "teen";
                to = i + 1;
            } else if ((w.equals("young") || w.equals("old") || w.equals("elderly"))
                    && (personNear(t, i + 1))) {
                age = w.equals("young") ? "young" : "elderly";
                to = i + 1;
            } else if (SpokenNumbers.at(t, i) != null && t.is(i + SpokenNumbers.at(t, i).tokens(), "years")
                    && t.is(i + SpokenNumbers.at(t, i).tokens() + 1, "old")) {
                SpokenNumbers.Read n = SpokenNumbers.at(t, i);
                boolean about = t.isAny(i - 1, Set.of("about", "around", "maybe", "roughly"));
                age = (about ? "~" : "") + n.value();
                to = i + n.tokens() + 2;
            } else if (MALE.containsKey(w)) {
                if (gender == null || gender.isEmpty()) {
                    gender = MALE.get(w);
                }
                i++;
                continue;
            }
            if (to > i) {
                if (first < 0) {
                    first = i;
                    int p = i - 1;
                    while (p >= 0 && p >= i - 3 && !blocked[p]) {
                        String pw = t.word[p];
                        if (MALE.containsKey(pw) && !pw.equals("his") && !pw.equals("her") && !pw.equals("him")) {
                            first = p;
                            break;
                        }
                        if (!(PERSON_LINKS.contains(pw) || COLOURS.contains(pw) || BUILDS.containsKey(pw)
                                || HEIGHTS.containsKey(pw))) {
                            break;
                        }
                        p--;
                    }
                    if (t.isAny(first - 1, Set.of("a", "an", "the")) && !t.isAny(first, Set.of("he", "she", "hes",
                            "shes"))) {
                        first--;
                    }
                }
                last = to;
                i = to;
            } else {
                i++;
            }
        }
        if (first < 0 || !(strong || suspectWord && age != null)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (gender != null && !gender.isEmpty()) {
            parts.add(gender);
        }
        if (age != null) {
            parts.add(age);
        }
        if (height != null) {
            parts.add(height);
        }
        parts.addAll(build);
        parts.addAll(features);
        parts.addAll(clothing);
        out.add(new ExtractedEntity(EntityType.SUSPECT, String.join(", ", parts), t.span(first, last),
                t.start[first], t.end[last - 1], 0.7));
    }

    private static final Set<String> PERSON_LINKS = Set.of("in", "a", "an", "with", "wearing", "and", "is", "was",
            "hes", "shes", "he", "she", "about", "kind", "of", "very", "really", "quite", "pretty", "young", "old");
    private static final Set<String> PERSON_NOUNS = Set.of("man", "guy", "woman", "lady", "boy", "girl", "men",
            "guys", "women", "person", "suspect", "kid", "teenager", "male", "female", "gentleman", "build",
            "looking", "dude", "fellow");

    /** True when a person noun follows at {@code i} (after at most one more adjective), or a pronoun precedes. */
    private static boolean personNear(Tokens t, int i) {
        for (int k = i; k < i + 3 && k < t.size; k++) {
            if (PERSON_NOUNS.contains(t.word[k])) {
                return true;
            }
            if (!(BUILDS.containsKey(t.word[k]) || HEIGHTS.containsKey(t.word[k]) || COLOURS.contains(t.word[k])
                    || t.word[k].equals("and") || t.word[k].equals("young") || t.word[k].equals("old")
                    || t.word[k].equals("looking"))) {
                break;
            }
        }
        for (int k = i - 2; k >= Math.max(0, i - 5); k--) {
            String w = t.word[k];
            if (w.equals("he") || w.equals("she") || w.equals("hes") || w.equals("shes") || w.equals("was")
                    || w.equals("is")) {
                return true;
            }
        }
        return false;
    }

    /** True when a person noun follows at {@code i} or one word later ("big guy", "big tall man"). */
    private static boolean nounAfter(Tokens t, int i) {
        return t.isAny(i, PERSON_NOUNS) || t.isAny(i + 1, PERSON_NOUNS);
    }

    private static int heightUnit(Tokens t, int i) {
        SpokenNumbers.Read n = SpokenNumbers.at(t, i);
        if (n == null) {
            return -1;
        }
        int u = i + n.tokens();
        if (t.isAny(u, Set.of("cm", "centimeters", "centimetres", "centimeter")) && n.value() >= 100
                && n.value() <= 220) {
            return u + 1;
        }
        if (t.isAny(u, Set.of("foot", "feet", "ft")) && n.value() >= 4 && n.value() <= 7) {
            return u + 1;
        }
        return -1;
    }

    private static String decadeAt(Tokens t, int i) {
        return decadeAt(t, i, new int[1]);
    }

    private static String decadeAt(Tokens t, int i, int[] end) {
        int k = i;
        if (t.is(k, "in")) {
            k++;
        }
        if (t.isAny(k, Set.of("his", "her", "their", "the"))) {
            k++;
        }
        String prefix = "";
        if (t.isAny(k, Set.of("early", "late", "mid"))) {
            prefix = t.word[k] + " ";
            k++;
        }
        String d = DECADES.get(t.at(k));
        if (d == null && t.isNumber(k) && t.is(k + 1, "s")) {
            d = DECADES.get(t.word[k] + "s");
            if (d != null) {
                k++;
            }
        }
        if (d == null) {
            return null;
        }
        end[0] = k + 1;
        return prefix + d;
    }
}
