package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.ObjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline NLP engine: intent by cue phrases with a confidence, entities by word lists, patterns, the time
 * parser and the place resolver. Deterministic and fast (microseconds), so it answers whenever no model does.
 * Thread-safe.
 */
public final class RuleInterpreter {

    private static final Map<String, ObjectType> TYPE_WORDS = new LinkedHashMap<>();
    private static final Map<String, Behaviour> BEHAVIOUR_WORDS = new LinkedHashMap<>();
    private static final Map<String, String> COLOUR_WORDS = new LinkedHashMap<>();

    static {
        for (String w : List.of("person", "people", "man", "men", "woman", "women", "pedestrian", "pedestrians",
                "someone", "somebody", "guy", "suspect", "child", "kid", "individual")) {
            TYPE_WORDS.put(w, ObjectType.PERSON);
        }
        for (String w : List.of("car", "cars", "sedan", "sedans", "taxi", "taxis", "van", "vans", "suv", "suvs",
                "hatchback", "vehicle", "vehicles")) {
            TYPE_WORDS.put(w, ObjectType.CAR);
        }
        for (String w : List.of("truck", "trucks", "lorry", "lorries")) {
            TYPE_WORDS.put(w, ObjectType.TRUCK);
        }
        for (String w : List.of("bicycle", "bicycles", "bike", "bikes", "cyclist", "cyclists")) {
            TYPE_WORDS.put(w, ObjectType.BICYCLE);
        }
        for (String w : List.of("motorcycle", "motorcycles", "motorbike", "motorbikes", "scooter", "scooters")) {
            TYPE_WORDS.put(w, ObjectType.MOTORCYCLE);
        }
        for (String w : List.of("bag", "bags", "backpack", "backpacks", "suitcase", "suitcases", "luggage",
                "package", "parcel")) {
            TYPE_WORDS.put(w, ObjectType.BAG);
        }
        for (String w : List.of("animal", "animals", "dog", "dogs", "cat", "cats", "crow", "crows")) {
            TYPE_WORDS.put(w, ObjectType.ANIMAL);
        }
        for (String w : List.of("crowd", "crowds", "group", "groups", "mob")) {
            TYPE_WORDS.put(w, ObjectType.CROWD);
        }
        for (String w : List.of("fire", "fires", "smoke", "flames", "blaze", "burning")) {
            TYPE_WORDS.put(w, ObjectType.FIRE_SMOKE);
        }
        for (String w : List.of("loitering", "loiter", "loiterers", "lingering", "hanging around", "idling")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.LOITERING);
        }
        for (String w : List.of("running", "run", "ran", "fleeing", "fled", "sprinting", "running away")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.RUNNING);
        }
        for (String w : List.of("fight", "fights", "fighting", "brawl", "brawls", "scuffle", "scuffles", "assault",
                "punching", "violence")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.FIGHTING);
        }
        for (String w : List.of("weapon", "weapons", "knife", "knives", "gun", "guns", "blade", "bat", "armed")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.WEAPON);
        }
        for (String w : List.of("fall", "falls", "fell", "fallen", "collapse", "collapsed", "collapses")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.FALL);
        }
        for (String w : List.of("crash", "crashes", "collision", "collisions", "accident", "accidents")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.CRASH);
        }
        for (String w : List.of("abandoned", "unattended", "left behind")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.ABANDONED);
        }
        for (String w : List.of("crowd forming", "crowds forming", "gathering", "gatherings", "onlookers")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.CROWD_FORMING);
        }
        for (String w : List.of("speeding", "racing", "too fast")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.SPEEDING);
        }
        for (String w : List.of("parked", "parking")) {
            BEHAVIOUR_WORDS.put(w, Behaviour.PARKED);
        }
        for (String c : Descriptions.COLOURS) {
            COLOUR_WORDS.put(c, c);
        }
        COLOUR_WORDS.put("gray", "grey");
    }

    private static final Pattern CAMERA = Pattern.compile("\\b(?:camera|cam|cameras|cams)\\s*#?\\s*(\\d{1,5})"
            + "((?:\\s*(?:,|and|&)\\s*#?\\d{1,5})*)");
    private static final Pattern EVENT_REF = Pattern.compile("\\be(\\d{1,12})\\b");
    private static final Pattern PLATE = Pattern.compile("\\b(?:plate|registration|number plate)?\\s*"
            + "(?:([a-z]+)\\s+(\\d{3})\\s+([a-z]{1,2})\\s+)?(\\d{2})-(\\d{2})\\b");
    private static final Pattern RADIUS = Pattern.compile("\\b(?:within|in a radius of|radius)\\s+(\\d+(?:\\.\\d+)?)"
            + "\\s*(m|metres|meters|km|kilometres|kilometers)\\b");
    private static final Pattern INCIDENT_ID = Pattern.compile("\\b(?:incident\\s+)?([a-z]\\d{1,4}-\\d{2,4})\\b");
    private static final Pattern CONFIDENCE = Pattern.compile("\\bconfidence\\s*(?:above|over|>=?|at least)\\s*"
            + "(0?\\.\\d+|\\d{1,3}\\s*%)");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");
    private static final Set<String> STOP = Set.of("a", "an", "the", "any", "anything", "some", "show", "me", "find",
            "list", "search", "for", "of", "on", "in", "at", "near", "around", "by", "to", "from", "with", "were",
            "was", "is", "are", "there", "what", "which", "did", "do", "does", "see", "seen", "saw", "camera",
            "cameras", "event", "events", "please", "can", "you", "i", "we", "it", "this", "that", "those", "these",
            "all", "and", "or", "get", "give", "tell", "about", "happened", "happen", "happening", "recorded",
                    "footage",
            "last", "past", "minutes", "hours", "days", "week", "today", "yesterday", "night", "only", "just", "?",
            "where", "when", "who", "how", "many", "much", "count", "number", "my", "our", "your", "has", "have", "had",
            "been", "be", "any?", "video", "clips", "clip", "look", "looking", "like", "near?", "now", "then", "again");
    private static final Map<Intent, List<String>> CUES = new EnumMap<>(Intent.class);

    static {
        CUES.put(Intent.HELP, List.of("help", "what can you do", "how do i", "how does this work", "what do you do",
                "what can i ask", "commands", "instructions"));
        CUES.put(Intent.SMALL_TALK, List.of("hello", "hi", "hey", "thanks", "thank you", "good morning",
                "good evening", "how are you", "nice", "great job", "cheers", "bye", "goodbye", "ok thanks"));
        CUES.put(Intent.REMEMBER, List.of("remember that", "remember:", "note that", "keep in mind",
                "make a note", "for future reference", "please remember", "remember camera"));
        CUES.put(Intent.FORGET, List.of("forget", "delete the memory", "delete memory", "don't remember",
                "remove the note", "erase"));
        CUES.put(Intent.COUNT, List.of("how many", "count", "number of", "how often", "total", "tally"));
        CUES.put(Intent.COMPARE, List.of("compare", "compared", "versus", " vs ", "more than last", "less than last",
                "than yesterday", "than last week", "difference between", "change from"));
        CUES.put(Intent.SUMMARISE, List.of("summarise", "summarize", "summary", "overview", "recap", "what happened",
                "brief me", "what went on", "sum up", "give me the picture"));
        CUES.put(Intent.UNUSUAL, List.of("unusual", "anomal", "strange", "suspicious", "out of the ordinary",
                "anything odd", "odd", "irregular", "weird", "abnormal", "worry about", "stand out"));
        CUES.put(Intent.SHOW_CLIP, List.of("show the clip", "show me the clip", "play", "open the clip", "clip of",
                "video of", "the footage of", "open e", "show clip", "open clip", "watch"));
        CUES.put(Intent.NEAR_INCIDENT, List.of("near the incident", "near this incident", "around the incident",
                "cameras near", "near the fire", "near the fight", "near the crash", "around the fire",
                "around the fight", "around the crash", "at the incident", "incident"));
        CUES.put(Intent.ATTACH, List.of("attach", "add it to the incident", "add this to the incident",
                "link it to", "add the clip to", "save it to the incident", "as evidence"));
        CUES.put(Intent.TRACK, List.of("where did", "go next", "went next", "track", "follow", "other cameras",
                "seen elsewhere", "where else", "next camera", "where is it now", "trace", "same plate"));
        CUES.put(Intent.EXPLAIN, List.of("why", "explain", "how did you", "what made", "reason", "why is"));
        CUES.put(Intent.REFINE, List.of("only", "just the", "what about", "how about", "and at", "now show",
                "instead", "narrow", "exclude", "but at", "same but", "and in", "and only"));
        CUES.put(Intent.SEARCH, List.of("show", "find", "any ", "were there", "list", "search", "look for",
                "did anyone", "did anybody", "is there", "are there", "who was", "see a", "spot"));
    }

    private final PlaceResolver places;

    public RuleInterpreter(PlaceResolver places) {
        this.places = Objects.requireNonNull(places, "places");
    }

    /**
     * Reads a question. {@code hasHistory} tells whether the conversation has an earlier query to refine.
     *
     * @throws dev.switchboard.core.error.InputException for an impossible time range
     */
    public Interpretation interpret(String question, Instant now, boolean hasHistory) {
        String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[\\s]+", " ").strip() + " ";
        Entities e = entities(question, q, now);
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Map.Entry<Intent, List<String>> cue : CUES.entrySet()) {
            double s = 0;
            for (String phrase : cue.getValue()) {
                if (containsPhrase(q, phrase)) {
                    s = Math.max(s, phrase.length() >= 6 ? 1.0 : 0.7);
                }
            }
            if (s > 0) {
                scores.put(cue.getKey(), s);
            }
        }
        adjust(scores, q, e, hasHistory);
        Intent best = Intent.OUT_OF_SCOPE;
        double top = 0;
        double second = 0;
        for (Map.Entry<Intent, Double> s : scores.entrySet()) {
            if (s.getValue() > top) {
                second = top;
                top = s.getValue();
                best = s.getKey();
            } else if (s.getValue() > second) {
                second = s.getValue();
            }
        }
        if (top == 0) {
            if (e.any()) {
                best = hasHistory && shortFollowUp(q) ? Intent.REFINE : Intent.SEARCH;
                return new Interpretation(best, 0.6, e, "rules");
            }
            return new Interpretation(Intent.OUT_OF_SCOPE, 0.55, e, "rules");
        }
        double confidence = Math.min(0.97, 0.5 + 0.45 * (top - second) / top + (top >= 1.0 ? 0.05 : 0));
        return new Interpretation(best, round2(confidence), e, "rules");
    }

    /** Context that cue phrases alone miss. */
    private static void adjust(Map<Intent, Double> s, String q, Entities e, boolean hasHistory) {
        boolean startsRefine = q.startsWith(" only ") || q.startsWith(" just ") || q.startsWith(" what about ")
                || q.startsWith(" how about ") || q.startsWith(" and ") || q.startsWith(" now ")
                || q.startsWith(" but ") || q.startsWith(" same ");
        if (startsRefine && hasHistory) {
            s.merge(Intent.REFINE, 1.2, Math::max);
        } else if (!hasHistory) {
            s.remove(Intent.REFINE);
        }
        if (s.containsKey(Intent.NEAR_INCIDENT) && e.incidentWord() == null && e.incidentId() == null
                && !q.contains("incident")) {
            s.remove(Intent.NEAR_INCIDENT);
        }
        if (e.incidentWord() != null || e.incidentId() != null) {
            if (!s.containsKey(Intent.ATTACH) && !s.containsKey(Intent.COUNT) && !s.containsKey(Intent.SHOW_CLIP)) {
                s.merge(Intent.NEAR_INCIDENT, 1.1, Math::max);
            }
        }
        if (s.containsKey(Intent.SHOW_CLIP) && s.get(Intent.SHOW_CLIP) < 1 && e.eventRefs().isEmpty()
                && e.ordinal() == 0 && !q.contains("clip")) {
            s.remove(Intent.SHOW_CLIP);
        }
        if ((q.contains(" clip") || q.contains("video")) && (!e.eventRefs().isEmpty() || e.ordinal() > 0
                || e.thatObject())) {
            s.merge(Intent.SHOW_CLIP, 1.15, Math::max);
        }
        if (q.contains("how many") || q.contains("how often")) {
            s.merge(Intent.COUNT, 1.3, Math::max);
        }
        if (q.matches(".*\\b(more|fewer|less)\\b.*\\bthan\\b.*")) {
            s.merge(Intent.COMPARE, 1.35, Math::max);
        }
        if (s.containsKey(Intent.UNUSUAL)) {
            s.merge(Intent.UNUSUAL, 1.2, Math::max);
        }
        if (q.contains("how do i") || q.contains("what can you") || q.contains("what can i")) {
            s.merge(Intent.HELP, 1.3, Math::max);
        }
        if (s.containsKey(Intent.ATTACH)) {
            s.put(Intent.ATTACH, 1.3);
        }
        if (s.containsKey(Intent.REMEMBER) || s.containsKey(Intent.FORGET)) {
            s.merge(s.containsKey(Intent.FORGET) ? Intent.FORGET : Intent.REMEMBER, 1.4, Math::max);
        }
        if (s.containsKey(Intent.TRACK) && (e.thatObject() || !e.plate().isEmpty() || !e.colours().isEmpty())) {
            s.put(Intent.TRACK, 1.25);
        }
        if (s.containsKey(Intent.SMALL_TALK) && e.any()) {
            s.remove(Intent.SMALL_TALK);
        }
        if (s.containsKey(Intent.EXPLAIN) && !(q.contains("result") || q.contains("match") || e.ordinal() > 0
                || !e.eventRefs().isEmpty() || q.contains("this") || q.contains("that") || q.contains("it ")
                || q.contains("you"))) {
            s.remove(Intent.EXPLAIN);
        }
        if (s.containsKey(Intent.COUNT) && s.containsKey(Intent.COMPARE)) {
            s.put(Intent.COMPARE, 1.2);
        }
        if (e.any() && s.isEmpty()) {
            s.put(Intent.SEARCH, 0.7);
        }
        if (s.containsKey(Intent.SEARCH) && !e.any() && !q.matches(".*\\b(show|find|search|list)\\b.*")) {
            s.put(Intent.SEARCH, 0.4);
        }
    }

    private static boolean shortFollowUp(String q) {
        return q.strip().split(" ").length <= 5;
    }

    private static boolean containsPhrase(String q, String phrase) {
        if (phrase.endsWith(" ") || phrase.startsWith(" ") || phrase.endsWith(":")) {
            return q.contains(phrase);
        }
        int i = q.indexOf(phrase);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetterOrDigit(q.charAt(i - 1));
            int end = i + phrase.length();
            boolean after = end >= q.length() || !Character.isLetter(q.charAt(end)) || phrase.length() >= 5
                    && phrase.equals("anomal");
            if (before && (after || phrase.equals("anomal"))) {
                return true;
            }
            i = q.indexOf(phrase, i + 1);
        }
        return false;
    }

    /** The entities of a question ({@code q} is its lower-cased, padded form). */
    Entities entities(String original, String q, Instant now) {
        TimeExpressions.Parsed time = TimeExpressions.parse(q, now);
        String rest = q;
        for (String part : time.matched().split(", ")) {
            if (!part.isBlank()) {
                rest = rest.replace(part, " ");
            }
        }
        List<Integer> cameras = new ArrayList<>();
        Matcher m = CAMERA.matcher(rest);
        while (m.find()) {
            cameras.add(Integer.parseInt(m.group(1)));
            Matcher more = Pattern.compile("\\d{1,5}").matcher(m.group(2));
            while (more.find()) {
                cameras.add(Integer.parseInt(more.group()));
            }
        }
        rest = CAMERA.matcher(rest).replaceAll(" ");
        List<Long> refs = new ArrayList<>();
        m = EVENT_REF.matcher(rest);
        while (m.find()) {
            refs.add(Long.parseLong(m.group(1)));
        }
        rest = EVENT_REF.matcher(rest).replaceAll(" ");
        String incidentId = null;
        m = INCIDENT_ID.matcher(rest);
        if (m.find()) {
            incidentId = m.group(1).toUpperCase(Locale.ROOT);
            rest = rest.replace(m.group(), " ");
        }
        String plate = "";
        m = PLATE.matcher(rest);
        if (m.find()) {
            plate = m.group(1) != null ? m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4) + "-"
                    + m.group(5) : m.group(4) + "-" + m.group(5);
            rest = rest.replace(m.group(), " ");
        }
        double radius = 0;
        m = RADIUS.matcher(rest);
        if (m.find()) {
            radius = Double.parseDouble(m.group(1)) * (m.group(2).startsWith("k") ? 1000 : 1);
            rest = rest.replace(m.group(), " ");
        }
        double minConfidence = 0;
        m = CONFIDENCE.matcher(rest);
        if (m.find()) {
            String v = m.group(1).replace(" ", "");
            minConfidence = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100
                    : Double.parseDouble(v);
            minConfidence = Math.max(0, Math.min(1, minConfidence));
            rest = rest.replace(m.group(), " ");
        }
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        Set<Behaviour> behaviours = EnumSet.noneOf(Behaviour.class);
        for (Map.Entry<String, Behaviour> b : BEHAVIOUR_WORDS.entrySet()) {
            if (word(rest, b.getKey())) {
                behaviours.add(b.getValue());
            }
        }
        for (Map.Entry<String, ObjectType> t : TYPE_WORDS.entrySet()) {
            if (word(rest, t.getKey())) {
                types.add(t.getValue());
            }
        }
        // "fire" and "crowd" name a behaviour as much as a type: a burning scene, a crowd forming.
        if (types.contains(ObjectType.FIRE_SMOKE) && behaviours.isEmpty()) {
            behaviours.add(Behaviour.BURNING);
        }
        if (behaviours.contains(Behaviour.CROWD_FORMING)) {
            types.add(ObjectType.CROWD);
        }
        List<String> colours = new ArrayList<>();
        for (Map.Entry<String, String> c : COLOUR_WORDS.entrySet()) {
            if (word(rest, c.getKey()) && !colours.contains(c.getValue())) {
                colours.add(c.getValue());
            }
        }
        int ordinal = 0;
        for (int i = 0; i < ORDINALS.size(); i++) {
            if (word(rest, ORDINALS.get(i) + " one") || word(rest, ORDINALS.get(i) + " result")
                    || word(rest, ORDINALS.get(i) + " event") || word(rest, "the " + ORDINALS.get(i))) {
                ordinal = i + 1;
            }
        }
        m = Pattern.compile("(?:#|number |result )(\\d{1,2})\\b").matcher(rest);
        if (ordinal == 0 && m.find()) {
            ordinal = Integer.parseInt(m.group(1));
        }
        boolean there = word(rest, "there") && !rest.contains("were there") && !rest.contains("is there")
                && !rest.contains("are there") && !rest.contains("was there") || rest.contains("same place")
                || rest.contains("same area") || rest.contains("that place") || rest.contains("that area");
        boolean sameCamera = rest.contains("same camera") || rest.contains("that camera")
                || rest.contains("this camera");
        boolean thatObject = Pattern.compile("\\b(that|this|the same|the) (car|person|man|woman|truck|bike|"
                + "motorcycle|vehicle|bag|guy|suspect|one)\\b").matcher(rest).find() && !rest.contains("the one ")
                || word(rest, "it") || word(rest, "him") || word(rest, "her") || word(rest, "they");
        String incidentWord = null;
        m = Pattern.compile("\\bthe ([a-z\\-]+ )?(fire|fight|crash|collapse|brawl|accident|incident|stabbing|"
                + "assault|collision|pile-up)\\b").matcher(rest);
        if (m.find()) {
            incidentWord = m.group(2);
        }
        PlaceResolver.Place place = places.resolve(original).orElse(null);
        if (place != null) {
            for (String w : place.name().toLowerCase(Locale.ROOT).split("[\\s\\-]+")) {
                rest = rest.replaceAll("\\b" + Pattern.quote(w) + "\\b", " ");
            }
        }
        // Words that became filters (types, behaviours, colours) are not searched for again: the filter already
        // holds them, and descriptions word them in many ways ("lingers" for loitering).
        for (String w : TYPE_WORDS.keySet()) {
            rest = rest.replaceAll("(?<![a-z])" + Pattern.quote(w) + "(?![a-z])", " ");
        }
        for (String w : BEHAVIOUR_WORDS.keySet()) {
            rest = rest.replaceAll("(?<![a-z])" + Pattern.quote(w) + "(?![a-z])", " ");
        }
        for (String w : COLOUR_WORDS.keySet()) {
            rest = rest.replaceAll("(?<![a-z])" + Pattern.quote(w) + "(?![a-z])", " ");
        }
        List<String> words = new ArrayList<>();
        for (String w : rest.replaceAll("[^a-z0-9'\\- ]", " ").split("\\s+")) {
            if (!w.isBlank() && !STOP.contains(w) && w.length() > 1) {
                words.add(w);
            }
        }
        return new Entities(cameras, types, behaviours, colours, plate, place, radius, time, refs, ordinal, there,
                sameCamera, thatObject, incidentWord, incidentId, minConfidence, String.join(" ", words));
    }

    private static boolean word(String text, String w) {
        return Pattern.compile("(?<![a-z])" + Pattern.quote(w) + "(?![a-z])").matcher(text).find();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Every intent the rules know (all of them). */
    public static Set<Intent> intents() {
        return EnumSet.allOf(Intent.class);
    }

    /** Parses an event reference such as E1042 (for the planner's use). */
    static long ref(String s) {
        return CameraEvent.parseRef(s);
    }
}
