package dev.switchboard.calltaking.engine.entities;

import java.util.Map;
import java.util.Set;

/**
 * Direction of travel in a person description: a compass direction or a place after a verb of motion ("ran north
 * on Main", "took off westbound", "headed towards the highway", "ran into the woods"), or the answer to "which way
 * did he go?". Not the caller's own way ("we're going east"). Values are {@code heading north}, {@code heading
 * toward park}.
 */
final class Travel {

    private static final Set<String> MOTION = Set.of("heading", "headed", "head", "going", "went", "ran",
            "running", "run", "runs", "took", "fled", "fleeing", "flee", "drove", "driving", "drive", "drives",
            "walking", "walked", "walks", "left", "turned", "turning", "sped", "speeding", "seen", "jogging",
            "jogged", "biking", "riding", "rode", "bolted", "booked", "hauled", "gone", "headin", "runnin");

    private static final Map<String, String> COMPASS = Map.ofEntries(Map.entry("north", "north"),
            Map.entry("south", "south"), Map.entry("east", "east"), Map.entry("west", "west"),
            Map.entry("northbound", "north"), Map.entry("southbound", "south"), Map.entry("eastbound", "east"),
            Map.entry("westbound", "west"), Map.entry("northeast", "northeast"), Map.entry("northwest",
                    "northwest"), Map.entry("southeast", "southeast"), Map.entry("southwest", "southwest"),
            Map.entry("north east", "northeast"), Map.entry("north west", "northwest"),
            Map.entry("south east", "southeast"), Map.entry("south west", "southwest"));

    private static final Set<String> TOWARD = Set.of("toward", "towards", "into", "to");

    private static final Set<String> PLACE_STOP = Set.of("on", "in", "at", "with", "and", "by", "near", "behind",
            "from", "he", "she", "they", "i", "wearing", "but", "so", "then", "now", "right", "hes", "shes",
            "theyre", "we", "of", "for", "like", "um", "uh", "all", "or", "across", "past", "through", "toward",
            "towards", "into", "to", "because", "last", "still", "again", "just", "maybe", "im", "it", "its");

    private static final Set<String> SELF = Set.of("i", "im", "we", "were", "me", "us", "ive", "weve", "id", "you",
            "youre", "yall", "ill");

    /** Base forms that open an instruction: "head out toward the street", "walk toward the door". */
    private static final Set<String> IMPERATIVE = Set.of("head", "go", "walk", "run", "drive");

    /** What moves without being anyone to find: "the smoke's heading toward the school", "the dog ran into". */
    private static final Set<String> NOT_A_PERSON = Set.of("smoke", "smokes", "water", "waters", "fire", "fires",
            "flames", "wind", "winds", "dog", "dogs", "cat", "cats", "everybody", "everyone", "everybodys",
            "everyones", "people", "crowd", "ambulance", "ambulances", "firetruck", "cops", "police", "traffic",
            "storm", "tornado", "cloud", "ball", "horse", "horses", "cow", "cows", "deer", "all");

    /** Rooms and stops of a household: "she went to the bathroom", "he was walking to the kitchen". */
    private static final Set<String> HOUSEHOLD = Set.of("bathroom", "kitchen", "bedroom", "basement", "attic",
            "living", "hallway", "toilet", "shower", "bed", "couch", "neighbors", "neighbor", "mailbox", "porch",
            "bus", "exits", "exit");

    private Travel() {
    }

    /** True when {@code w} is a compass word or a verb of motion this class reads. */
    static boolean knows(String w) {
        return COMPASS.containsKey(w) || MOTION.contains(w);
    }

    /** True when {@code w} can follow "heading": a compass word or "toward". */
    static boolean knowsDirection(String w) {
        return COMPASS.containsKey(w) || TOWARD.contains(w) || w.equals("down") || w.equals("up")
                || w.equals("back") || w.equals("out");
    }

    /** A direction of travel after a verb of motion at token {@code i} ("ran north"); its end, or -1. */
    static int direction(Tokens t, boolean[] blocked, int i, Suspects.Found f) {
        String w = t.word[i];
        if (w.endsWith("bound") && COMPASS.containsKey(w)) {
            f.directions.add("heading " + COMPASS.get(w));
            f.at(i, i + 1, true);
            return i + 1;
        }
        if (!MOTION.contains(w) || t.isAny(i - 1, SELF) || t.isAny(i - 2, SELF) && t.isAny(i - 1, Set.of("are",
                "were", "was", "just", "had", "have", "all", "gonna", "will"))) {
            return -1;
        }
        if (w.equals("left") && !t.isAny(i - 1, Set.of("he", "she", "they", "and", "hes", "shes", "then", "just"))) {
            return -1;
        }
        if (IMPERATIVE.contains(w) && (i == 0 || !t.gapBefore(i).isBlank() || t.isAny(i - 1, Set.of("please",
                "just", "then", "now", "and", "so", "okay", "ok")))
                || t.isAny(i - 1, NOT_A_PERSON) || t.isAny(i - 2, NOT_A_PERSON) && t.isAny(i - 1, Set.of("is", "are",
                "was", "were", "just", "all", "started", "still", "keeps"))) {
            // an instruction, or smoke, water, a dog or a crowd on the move (LABELLING.md)
            return -1;
        }
        for (int k = i + 1; k < t.size && k <= i + 8; k++) {
            if (sentenceBreak(t, k)) {
                break;
            }
            int end = towardsAt(t, blocked, k, f);
            if (end > 0) {
                f.at(k, end, true);
                return end;
            }
            if (t.isAny(k, SELF) || t.is(k, "way") || t.isAny(k, Set.of("home", "inside", "upstairs"))) {
                break;
            }
        }
        return -1;
    }

    /** A compass direction or "toward(s) the X" at token {@code k}: adds it and returns its end, or -1. */
    private static int towardsAt(Tokens t, boolean[] blocked, int k, Suspects.Found f) {
        String two = k + 1 < t.size ? t.word[k] + " " + t.word[k + 1] : "";
        if (COMPASS.containsKey(two)) {
            f.directions.add("heading " + COMPASS.get(two));
            return k + 2;
        }
        if (COMPASS.containsKey(t.word[k]) && !t.isAny(k + 1, Set.of("side", "exit", "end", "entrance"))) {
            f.directions.add("heading " + COMPASS.get(t.word[k]));
            return k + 1;
        }
        boolean into = t.is(k, "into") && !fleeing(t, k);
        if (TOWARD.contains(t.word[k]) && !into && !(t.word[k].equals("to") && !t.isAny(k + 1, Set.of("the", "a")))) {
            int p = k + 1;
            if (t.isAny(p, Set.of("the", "a", "an", "that", "this"))) {
                p++;
            }
            int e = p;
            while (e < t.size && e < p + 3 && !t.isAny(e, PLACE_STOP) && !blocked[e] && !t.isNumber(e)
                    && (e == p || t.gap(e - 1, e).isBlank() || t.gap(e - 1, e).equals("-"))) {
                e++;
            }
            if (e > p && !t.isAny(p, HOUSEHOLD) && !t.isAny(p, Set.of("me", "him", "her", "them", "us", "my", "his",
                    "their", "car", "truck", "door", "hospital", "ground", "floor", "back", "side", "rear", "front",
                    "wall", "pole", "tree",
                    "ditch", "water", "traffic", "oncoming", "it", "face", "head", "chest", "stomach", "gut", "nose",
                    "mouth", "eye", "eyes", "neck", "leg", "arm", "knee", "jaw", "ribs"))) {
                f.directions.add("heading toward " + t.join(p, e, " "));
                return e;
            }
        }
        return -1;
    }

    /** True when a verb of running away stands just before token {@code k} ("ran into the woods"). */
    private static boolean fleeing(Tokens t, int k) {
        for (int q = k - 1; q >= 0 && q >= k - 3; q--) {
            if (t.isAny(q, Set.of("ran", "running", "run", "fled", "fleeing", "bolted", "took", "off", "disappeared",
                    "vanished", "escaped", "jumped"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceBreak(Tokens t, int k) {
        String gap = t.gap(k - 1, k);
        return gap.contains(".") || gap.contains("?") || gap.contains("!") || gap.contains(";");
    }

    /** "Which way?" "East, toward the tracks.": directions at the start of the answer. */
    static int directionAnswer(Tokens t, boolean[] blocked, Suspects.Found f) {
        int i = 0;
        while (i < t.size && i < 3 && t.isAny(i, Set.of("uh", "um", "he", "she", "they", "went", "ran", "hes",
                "shes", "was", "headed", "heading", "going", "its", "like"))) {
            i++;
        }
        int end = i < t.size && !blocked[i] ? towardsAt(t, blocked, i, f) : -1;
        if (end < 0) {
            return 0;
        }
        f.at(i, end, true);
        int k = end;
        while (k < t.size && k <= end + 1 && t.gap(k - 1, k).strip().matches("[,]?")) {
            int more = towardsAt(t, blocked, k, f);
            if (more > 0) {
                f.at(k, more, true);
                return more;
            }
            k++;
        }
        return end;
    }
}
