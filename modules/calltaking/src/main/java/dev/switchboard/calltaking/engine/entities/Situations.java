package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Set;

/**
 * Dangers and injuries said without their keyword, and the contexts that take a keyword's meaning away. Callers
 * describe what they see: "the water is still rising", "my car is filling up with water", "the ceiling came
 * down", "she's shot", "we've got one down"; and a keyword can mean something else: "he was smoking on the
 * porch", "my eyes are burning", "the call got cut off".
 */
final class Situations {

    private static final Set<String> PEOPLE_WORDS = Set.of("he", "she", "hes", "shes", "i", "im", "they", "theyre",
            "someone", "somebody", "guy", "man", "woman", "people", "you", "youre", "dad", "mom", "husband", "wife",
            "son", "daughter", "brother", "sister", "friend", "neighbor", "neighbour", "we", "were", "lady", "kid",
            "boy", "girl", "father", "mother", "grandpa", "grandma", "roommate", "boyfriend", "girlfriend");
    private static final Set<String> BODY = Set.of("eyes", "eye", "throat", "skin", "chest", "nose", "lungs", "face",
            "mouth", "stomach", "feet", "hands", "hand", "arm", "arms", "leg", "legs", "ears", "head", "back");
    private static final Set<String> SMELL = Set.of("smell", "smells", "smelled", "smelling", "smelt", "like", "of");
    private static final Set<String> FLOOD_AFTER = Set.of("rising", "risen", "rose", "pouring", "gushing",
            "rushing", "flooding", "filling", "entering", "seeping", "flowing", "everywhere", "deep", "climbing");
    private static final Set<String> WATER_LEVEL = Set.of("my", "the", "his", "her", "our", "their", "your", "a",
            "chest", "knees", "knee", "waist", "neck", "windows", "window", "door", "doors", "roof", "ankles",
            "shoulders", "hood", "steering", "seats", "seat", "dashboard", "ceiling", "outlets");
    /** Bodies of water that flood when they rise or come over ("the creek came over the road"). */
    private static final Set<String> WATER_BODIES = Set.of("creek", "creeks", "river", "rivers", "stream",
            "canal", "lake", "bayou", "tide", "waves", "ocean", "sea", "pond", "reservoir", "floodwater", "runoff",
            "wash", "arroyo", "levee", "brook");
    private static final Set<String> CURRENT_PHRASE = Set.of("in", "into", "by", "caught");
    /** How high water stands, said without the word water: "it's up to my knees". */
    private static final Set<String> BODY_LEVEL = Set.of("ankles", "ankle", "knees", "knee", "waist", "chest",
            "neck", "shoulders", "hips", "thighs", "chin", "windows", "doors", "seats", "dashboard", "dash",
            "steering", "hood", "roof", "mailbox", "porch", "headlights", "tires", "wheels", "seat");
    private static final Set<String> NOT_FLOOD_BEFORE = Set.of("glass", "bottle", "drink", "drinking", "hot",
            "cold", "holy", "salt", "cup", "bottled", "some", "boiling");
    private static final Set<String> STRUCTURES = Set.of("building", "roof", "ceiling", "wall", "walls", "floor",
            "floors", "deck", "balcony", "bridge", "house", "home", "garage", "barn", "stairs", "staircase",
            "scaffolding", "scaffold", "trench", "tunnel", "structure", "porch", "chimney", "overpass", "crane",
            "tower", "parking", "apartment", "shed", "ramp", "stage", "bleachers", "mine", "ditch");
    private static final Set<String> COLLAPSE_ONE = Set.of("collapsed", "collapsing", "crumbled", "caved",
            "imploded");
    private static final Set<String> COLLAPSE_VERB = Set.of("came", "coming", "fell", "falling", "fallen", "gave",
            "giving", "caving", "come");
    private static final Set<String> COLLAPSE_PARTICLE = Set.of("down", "in", "through", "way", "out", "apart",
            "crashing");
    private static final Set<String> FELL = Set.of("fell", "falling", "fallen", "came");
    private static final Set<String> WIRES = Set.of("wire", "wires", "line", "lines", "cable", "cables");
    private static final Set<String> WIRE_STATE = Set.of("down", "laying", "lying", "sparking", "arcing", "hanging",
            "across", "fell", "fallen", "snapped", "ground", "smoking", "burning");
    private static final Set<String> SHOT_BEFORE = Set.of("is", "are", "was", "were", "been", "got", "get", "gets",
            "hes", "shes", "im", "theyre", "just", "he", "she", "they", "someone", "somebody", "people", "kids",
            "guys", "man", "woman", "guy", "son", "daughter", "husband", "wife", "brother", "friend", "officer", "cop",
            "boy", "girl", "kid", "everyone", "everybody", "being", "and", "person", "baby", "dad", "mom", "sister",
            "them", "him", "her", "students", "men", "women", "cops", "officers", "somebodys", "someones",
            "persons", "cousin", "uncle", "aunt", "neighbor", "neighbour", "grandma", "grandpa");
    private static final Set<String> SHOT_AFTER = Set.of("him", "her", "them", "me", "my", "his", "their", "our",
            "in", "through", "twice", "multiple", "dead", "several", "up", "herself", "himself", "us", "your",
            "someone", "somebody", "a", "the", "two", "three");
    private static final Set<String> NOT_SHOT_BEFORE = Set.of("a", "one", "another", "the", "single", "loud",
            "warning", "heard", "first", "second", "flu", "big", "last", "that", "this", "good", "cheap", "long");
    private static final Set<String> DOWN_NOT_BEFORE = Set.of("the", "a", "an", "his", "her", "my", "their",
            "this", "that", "stairs", "street", "road", "hall", "hallway", "here", "there", "from", "to",
            "into", "onto", "on", "off", "stairway", "steps", "block", "alley", "aisle");
    private static final Set<String> DOWN_PEOPLE = Set.of("man", "men", "officer", "officers", "person", "people",
            "guy", "guys", "kid", "kids", "woman", "women", "cop", "cops", "one", "firefighter", "soldier",
            "victim", "victims", "somebody", "someone", "students", "student", "deputy");

    private static final Set<String> ANIMALS = Set.of("cat", "dog", "bird", "deer", "animal", "raccoon",
            "squirrel", "possum", "opossum", "skunk", "coyote", "fox", "horse", "cow", "rat", "mouse", "fish",
            "battery", "phone", "tree", "grass", "end", "body", "zone", "bolt", "line");
    private static final Set<String> MOVING_PART = Set.of("chest", "arm", "arms", "leg", "legs", "hand", "hands",
            "foot", "feet", "car", "traffic", "line", "water", "fingers", "head", "traffics", "cars", "lines",
            "lane", "lanes", "nothing", "bus", "train");

    private Situations() {
    }

    /** False when a keyword means something else where it stands ("he was smoking", "eyes are burning"). */
    static boolean meant(Tokens t, String[] w, Clues.Found f) {
        String first = w[f.from()];
        int i = f.from();
        if (f.to() - f.from() == 1) {
            switch (first) {
                case "smoking" -> {
                    return !near(w, i, 3, PEOPLE_WORDS) && !t.isAny(i + 1, Set.of("a", "cigarettes", "cigarette",
                            "weed", "pot", "crack", "meth", "something", "dope", "outside", "inside"));
                }
                case "burning" -> {
                    return !near(w, i, 3, BODY) && !near(w, i, 2, SMELL)
                            && !t.isAny(i + 1, Set.of("sensation", "pain", "feeling"));
                }
                case "choking" -> {
                    // "he's choking me" is an assault, not the patient's breathing
                    return !t.isAny(i + 1, Set.of("me", "him", "her", "them", "us", "someone", "somebody", "my",
                            "his"));
                }
                case "talking", "crying", "screaming", "moaning", "groaning" -> {
                    return !near(w, i, 2, Set.of("i", "im", "you", "youre", "we", "were", "keep", "stop", "me",
                            "us", "was", "kids", "people", "everyone", "everybody"));
                }
                case "responding", "responsive" -> {
                    return !near(w, i, 3, Set.of("police", "units", "officers", "cops", "ambulance", "firefighters",
                            "crews", "crew", "medics", "paramedics", "unit"));
                }
                case "bottle" -> {
                    return !near(w, i, 4, Set.of("drink", "drinking", "drank", "water", "milk", "formula", "pill",
                            "pills", "wine", "beer", "vodka", "whiskey", "empty"));
                }
                case "dead" -> {
                    return !t.isAny(i + 1, ANIMALS) && !near(w, i, 2, Set.of("phone", "battery", "car", "engine",
                            "line", "tree", "grass",
                            "plant", "cat", "dog", "bird", "deer", "animal", "raccoon", "squirrel"));
                }
                case "blast", "boom", "bang" -> {
                    return !near(w, i, 2, Set.of("had", "having", "music", "radio"));
                }
                case "alert" -> {
                    return !near(w, i, 1, Set.of("amber", "weather", "an", "emergency"));
                }
                case "fire", "fires" -> {
                    return !t.isAny(i + 1, Set.of("him", "her", "me", "them", "shots"))
                            && !(t.is(i + 1, "at") && t.isAny(i + 2, Set.of("us", "me", "him", "her", "them",
                            "people", "police", "cops", "officers")))
                            && !near(w, i, 1, Set.of("open", "opened", "cease", "under", "ceasefire", "rapid",
                            "friendly"));
                }
                default -> {
                    return true;
                }
            }
        }
        if (w[f.to() - 1].equals("moving") && near(w, f.from(), 2, MOVING_PART)) {
            // "her chest isn't moving", "traffic's not moving": not the person's consciousness
            return false;
        }
        if ((first.equals("walking") || first.equals("sitting")) && t.is(f.to(), "with")) {
            // "a guy walking around with a machete" describes him, not a patient
            return false;
        }
        if (w[f.to() - 1].equals("answering") && t.isAny(f.to(), Set.of("the", "his", "her", "my", "their", "phone",
                "door", "calls", "texts", "anyone"))) {
            return false;
        }
        if (first.equals("cut") && t.is(i + 1, "off")) {
            return !near(w, i, 2, Set.of("got", "get", "call", "line", "we", "phone", "was", "be", "keeps"));
        }
        return true;
    }

    private static boolean near(String[] w, int i, int back, Set<String> words) {
        for (int k = i - 1; k >= 0 && k >= i - back; k--) {
            if (words.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    /** Finds the keyword-free patterns; {@code taken} marks words a phrase clue already used. */
    static void find(Tokens t, String[] w, boolean[] blocked, boolean[] taken, Context ctx,
                     List<ExtractedEntity> out) {
        for (int i = 0; i < t.size; i++) {
            if (blocked[i] || taken[i]) {
                continue;
            }
            Clues.Found f = match(t, w, taken, i);
            if (f == null || anyTaken(taken, i, f.to())) {
                continue;
            }
            ExtractedEntity e = Clues.judge(t, ctx, f.clue(), i, f.to());
            if (e != null) {
                out.add(e);
            }
            for (int k = i; k < f.to(); k++) {
                taken[k] = true;
            }
            i = f.to() - 1;
        }
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int k = from; k < to && k < taken.length; k++) {
            if (taken[k]) {
                return true;
            }
        }
        return false;
    }

    /** The patterns in tokens {@code from..to} of a question: what it asks about ("is the water rising?"). */
    static List<Clues.Found> topics(Tokens t, String[] w, int from, int to) {
        List<Clues.Found> out = new java.util.ArrayList<>();
        boolean[] taken = new boolean[t.size];
        for (int i = from; i < to; i++) {
            Clues.Found f = match(t, w, taken, i);
            if (f != null) {
                out.add(f);
                i = f.to() - 1;
            }
        }
        return out;
    }

    private static Clues.Found match(Tokens t, String[] w, boolean[] taken, int i) {
        int to = -1;
        EntityType type = null;
        String value = null;
        double conf = 0.75;
        String s = w[i];
        if (s.equals("water") && !near(w, i, 2, NOT_FLOOD_BEFORE) || WATER_BODIES.contains(s)) {
            to = flood(t, w, i);
            type = EntityType.HAZARD;
            value = "flood";
        } else if (s.equals("up") && t.isAny(i + 1, Set.of("to", "too", "two", "past", "over"))
                && t.isAny(i + 2, Set.of("my", "his", "her", "our", "their", "the", "your"))
                && t.isAny(i + 3, BODY_LEVEL) && !(i > 0 && taken[i - 1])) {
            to = i + 4;
            type = EntityType.HAZARD;
            value = "flood";
            conf = 0.7;
        } else if (s.equals("spoke") && t.isAny(i - 1, Set.of("theres", "there", "of", "some", "black", "thick",
                "white", "grey", "gray", "smell", "see", "lot", "much", "full", "and", "the"))
                && !t.isAny(i + 1, Set.of("to", "with", "about", "up", "english", "spanish", "japanese"))) {
            // "smoke" as a recogniser mishears it
            to = i + 1;
            type = EntityType.HAZARD;
            value = "smoke";
            conf = 0.6;
        } else if (s.equals("passed") && passedAway(t, w, i)) {
            to = i + 1;
            type = EntityType.INJURY;
            value = "dead";
            conf = 0.7;
        } else if ((s.equals("filling") || s.equals("filled") || s.equals("full") || s.equals("fills"))
                && waterAfter(w, i) > 0) {
            to = waterAfter(w, i);
            type = EntityType.HAZARD;
            value = "flood";
        } else if (s.equals("sinking") && !t.is(i + 1, "feeling")
                || (s.equals("current") || s.equals("currents")) && strongCurrent(w, i)) {
            to = s.equals("sinking") ? i + 1 : strongCurrentEnd(w, i);
            type = EntityType.HAZARD;
            value = "flood";
            conf = 0.7;
        } else if (STRUCTURES.contains(s) && collapseAfter(t, w, i, taken) > 0) {
            to = collapseAfter(t, w, i, taken);
            type = EntityType.HAZARD;
            value = "collapse";
        } else if (WIRES.contains(s) && wireState(t, w, i) > 0) {
            to = wireState(t, w, i);
            type = EntityType.HAZARD;
            value = "power lines";
            conf = 0.7;
        } else if (s.equals("shot") && shotPerson(w, i)) {
            to = i + 1;
            type = EntityType.INJURY;
            value = "gunshot wound";
            conf = 0.8;
        } else if (s.equals("down") && personDown(t, w, i)) {
            to = i + 1;
            type = EntityType.INJURY;
            value = "injured";
            conf = 0.7;
        }
        if (type == null && (s.equals("current") || s.equals("currents")) && t.is(i - 1, "the")
                && t.isAny(i - 2, CURRENT_PHRASE)) {
            // "stuck in the current", "swept into the current"
            to = i + 1;
            type = EntityType.HAZARD;
            value = "flood";
            conf = 0.7;
        }
        return to <= i || type == null ? null : new Clues.Found(new Clues.Clue(type, value, false, conf), i, to);
    }

    /** "water is (still) rising", "water's coming in", "water's up to my chest": the end, or -1. */
    private static int flood(Tokens t, String[] w, int i) {
        for (int k = i + 1; k < t.size && k <= i + 4 && t.clause[k] == t.clause[i]; k++) {
            String x = w[k];
            if (FLOOD_AFTER.contains(x)) {
                return k + 1;
            }
            if ((x.equals("coming") || x.equals("came") || x.equals("comes") || x.equals("getting")
                    || x.equals("going") && t.isAny(k + 1, Set.of("into", "inside")))
                    && t.isAny(k + 1, Set.of("in", "up", "into", "through", "over", "under", "inside", "higher"))) {
                return k + 2;
            }
            if (x.equals("up") && t.is(k + 1, "to") && t.isAny(k + 2, WATER_LEVEL)) {
                int end = k + 3;
                while (end < t.size && end < k + 5 && t.isAny(end, WATER_LEVEL)) {
                    end++;
                }
                return t.isAny(end - 1, Set.of("my", "the", "his", "her", "our", "their", "your", "a")) ? end - 1
                        : end;
            }
            if (x.equals("over") && t.isAny(k + 1, Set.of("the", "my", "our"))) {
                return k + 1;
            }
            if (x.equals("up") && t.isAny(k - 1, Set.of("came", "come", "coming", "comes", "rose", "gone", "went",
                    "going", "is", "its", "getting"))) {
                return k + 1;
            }
        }
        return -1;
    }

    /** "filling (up) with water", "full of water": the end after "water", or -1. */
    private static int waterAfter(String[] w, int i) {
        for (int k = i + 1; k < w.length && k <= i + 3; k++) {
            if (w[k].equals("water")) {
                return k + 1;
            }
            if (!(w[k].equals("up") || w[k].equals("with") || w[k].equals("of"))) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean strongCurrent(String[] w, int i) {
        return strongCurrentEnd(w, i) > 0;
    }

    private static int strongCurrentEnd(String[] w, int i) {
        for (int k = i + 1; k < w.length && k <= i + 3; k++) {
            if (Set.of("strong", "fast", "pulling", "taking", "took", "dragging", "sweeping").contains(w[k])) {
                return k + 1;
            }
        }
        return -1;
    }

    /** "the ceiling came down", "the floor gave way", "the roof collapsed": the end, or -1. */
    private static int collapseAfter(Tokens t, String[] w, int i, boolean[] taken) {
        if (i > 0 && Set.of("on", "in", "off", "from").contains(w[i - 1]) && !t.is(i + 1, "collapsed")) {
            return -1;
        }
        for (int k = i + 1; k < t.size && k <= i + 4 && t.clause[k] == t.clause[i]; k++) {
            if (taken[k]) {
                return -1;
            }
            if (COLLAPSE_ONE.contains(w[k])) {
                return t.is(k + 1, "in") ? k + 2 : k + 1;
            }
            if (COLLAPSE_VERB.contains(w[k]) && t.isAny(k + 1, COLLAPSE_PARTICLE)) {
                return k + 2;
            }
            if (FELL.contains(w[k]) && t.is(k + 1, "on") && !t.is(k - 1, "who")) {
                return k + 2;
            }
            if (PEOPLE_WORDS.contains(w[k])) {
                return -1;
            }
        }
        return -1;
    }

    /** "my grandmother passed", "he just passed": a person's death, not "passed out" or "passed the exit". */
    private static boolean passedAway(Tokens t, String[] w, int i) {
        boolean ends = i + 1 >= t.size || t.clause[i + 1] != t.clause[i] || t.isAny(i + 1, Set.of("on",
                "last", "yesterday", "today", "tonight", "this", "in", "peacefully", "recently"))
                && !t.isAny(i + 2, Set.of("the", "a", "my", "his", "her", "our"));
        return ends && (PEOPLE_WORDS.contains(w[i - 1 < 0 ? 0 : i - 1]) && i > 0 || t.isAny(i - 1, Set.of("just",
                "has", "have", "already", "mother", "grandmother", "grandfather", "aunt", "uncle", "cousin",
                "grandpa", "grandma", "papa", "nana")));
    }

    /** "a wire is down", "the wires are laying across my car": the end, or -1. */
    private static int wireState(Tokens t, String[] w, int i) {
        if (!w[i].startsWith("wire") && !w[i].startsWith("cable") && !(i > 0 && Set.of("power", "electric",
                "electrical", "utility", "phone", "live", "downed").contains(w[i - 1]))) {
            return -1;
        }
        for (int k = i + 1; k < t.size && k <= i + 3 && t.clause[k] == t.clause[i]; k++) {
            if (WIRE_STATE.contains(w[k])) {
                return k + 1;
            }
        }
        return -1;
    }

    /** "she's shot", "they shot my son", "people shot": a person hit, not "a shot" or "shot at". */
    private static boolean shotPerson(String[] w, int i) {
        String before = i > 0 ? w[i - 1] : "";
        String after = i + 1 < w.length ? w[i + 1] : "";
        if (NOT_SHOT_BEFORE.contains(before) || after.equals("at") || after.equals("of")) {
            return false;
        }
        return SHOT_BEFORE.contains(before) || SHOT_AFTER.contains(after) || SpokenNumbers.word(before) > 1
                || !before.isEmpty() && Character.isDigit(before.charAt(0));
    }

    /** "man down", "we've got one down", "three people down by the fountain", "one guy is down". */
    private static boolean personDown(Tokens t, String[] w, int i) {
        if (t.isAny(i + 1, DOWN_NOT_BEFORE) && !t.is(i + 1, "by")) {
            return false;
        }
        if (t.is(i + 1, "at") && !(SpokenNumbers.word(w[Math.max(0, i - 1)]) > 0 || t.isNumber(i - 1))) {
            // "a kid down at the end of the block" is where, not hurt; "one down at the corner" is hurt
            return false;
        }
        int k = i - 1;
        if (k >= 0 && (w[k].equals("is") || w[k].equals("are") || w[k].equals("was") || w[k].equals("were")
                || w[k].equals("still"))) {
            k--;
        }
        return k >= 0 && (DOWN_PEOPLE.contains(w[k]) || SpokenNumbers.word(w[k]) > 0 || t.isNumber(k)
                || w[k].equals("won"));
    }
}
