package dev.switchboard.calltaking.engine.entities;

import dev.switchboard.places.Gazetteer;
import dev.switchboard.places.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds places, phone numbers, people, injuries, dangers, vehicles and person descriptions in one line of a call,
 * from either speaker, typed or recognised (lower case, no punctuation, misheard names). Rule-based, offline and
 * deterministic: the same text always gives the same entities, in order of their position. Thread-safe; about
 * tens of microseconds per utterance.
 *
 * <p>Places: a ward ({@code Shibuya-ku}, {@code 渋谷区}) is {@link EntityType#WARD}; a block address with its area
 * ({@code 2-21-1 Shibuya}) or a neighbourhood alone ({@code Ebisu}) is {@link EntityType#ADDRESS}; a landmark, a
 * station or a place outside the wards named by two words or more is {@link EntityType#LANDMARK}; two roads named
 * together ({@code corner of Meiji-dori and Omotesando}) or a named crossing is {@link EntityType#INTERSECTION}.
 * A road named alone gives nothing: it does not say where on the road.
 */
public final class EntityExtractor {

    /**
     * The longest text the command line takes: a whole call's transcript is about 20,000 characters. The extractor
     * itself takes any length, in linear time (about a second per 100,000 characters here).
     */
    public static final int MAX_TEXT_CHARS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(EntityExtractor.class);

    private static final Set<String> WARD_SUFFIX = Set.of("ku", "ward", "word", "city", "district");
    private static final Set<String> STATION = Set.of("station", "eki", "stn");
    private static final Set<String> ROAD_LINKS = Set.of("and", "at", "x", "cross", "crossing", "with", "near",
            "by", "where", "meets", "on", "of", "the", "intersection", "corner", "junction", "off", "n", "just");

    private static final Set<String> QUESTION_OPENERS = Set.of("what", "whats", "which", "who", "whos", "how",
            "where", "wheres", "was", "is", "did", "does", "do", "were", "are", "can", "could", "any", "has",
            "have", "would", "will", "should");
    private static final Set<String> QUESTION_FILLERS = Set.of("okay", "ok", "so", "and", "uh", "um", "well",
            "alright", "now", "sir", "maam");

    private final PlaceNames names;

    public EntityExtractor(PlaceNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /** An extractor over the names of {@code gazetteer}. */
    public EntityExtractor(Gazetteer gazetteer) {
        this(PlaceNames.of(gazetteer));
    }

    /** The place names this extractor resolves with. */
    public PlaceNames names() {
        return names;
    }

    /** The entities in {@code text}, ordered by position; empty for blank text. */
    public List<ExtractedEntity> extract(String text) {
        return extract(text, null);
    }

    /**
     * The entities in {@code text}, read as the reply to {@code previous}, the other speaker's last line (null or
     * empty when there is none): "no" after "is he breathing?" is breathing {@code no}. Ordered by position;
     * empty for blank text. Time is linear in the length of the text. Never throws: extraction only assists the
     * call-taker, so a defect here is logged and gives no entities rather than ending the call.
     */
    public List<ExtractedEntity> extract(String text, String previous) {
        try {
            return find(text, previous);
        } catch (RuntimeException e) {
            LOG.error("Entity extraction failed on a {}-character utterance; it gives no entities", text.length(), e);
            return List.of();
        }
    }

    /** {@link #extract(String, String)} without the safety net, for the tests that look for failures. */
    List<ExtractedEntity> find(String text, String previous) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Tokens t = Lexicon.normalise(Tokens.of(text).withoutFillers());
        boolean[] blocked = new boolean[t.size];
        Context ctx = new Context(t);
        List<ExtractedEntity> out = new ArrayList<>();
        Answers.Question asked = Answers.asked(previous);
        NumberEntities.plates(t, blocked, out);
        Plates.find(t, blocked, asked.plate(), out);
        NumberEntities.phones(t, blocked, out);
        for (BlockAddresses.Found a : BlockAddresses.findAll(t, blocked, names)) {
            for (int k = a.from(); k < a.to(); k++) {
                blocked[k] = true;
            }
            out.add(new ExtractedEntity(EntityType.ADDRESS, a.value(), t.span(a.from(), a.to()), t.start[a.from()],
                    t.end[a.to() - 1], round(a.confidence())));
        }
        boolean[] asks = questionSentences(t, ctx);
        int beforeVehicles = out.size();
        Vehicles.find(t, blocked, ctx, out);
        // a call-taker's "what does the car look like?" states no vehicle
        for (int k = out.size() - 1; k >= beforeVehicles; k--) {
            if (asks[t.firstEndingAfter(out.get(k).start())]) {
                out.remove(k);
            }
        }
        places(t, blocked, out);
        StreetAddresses.find(t, blocked, out);
        List<PlaceNames.JapaneseMatch> japanese = names.scanJapanese(text);
        boolean[] covered = japanese.isEmpty() ? null : new boolean[text.length()];
        if (covered != null) {
            for (ExtractedEntity e : out) {
                java.util.Arrays.fill(covered, e.start(), e.end(), true);
            }
        }
        for (PlaceNames.JapaneseMatch j : japanese) {
            boolean taken = false;
            for (int k = j.start(); k < j.end() && !taken; k++) {
                taken = covered[k];
            }
            if (!taken) {
                out.add(new ExtractedEntity(EntityType.WARD, j.ward().wardEn(), text.substring(j.start(), j.end()),
                        j.start(), j.end(), text.substring(j.start(), j.end()).endsWith("区") ? 0.95 : 0.8));
            }
        }
        Clues.find(t, blocked, ctx, out);
        PeopleCounts.find(t, blocked, ctx, asked.count(), out);
        Suspects.find(t, forDescriptions(t, asks, blocked, out), asked, out);
        Answers.find(t, ctx, asked, out);
        OtherOccasions.drop(t, out);
        noWeaponButOne(out);
        out.sort(Comparator.comparingInt(ExtractedEntity::start).thenComparing(e -> e.type().ordinal()));
        return List.copyOf(out);
    }

    /**
     * "Not a gun, no, but he's got a hammer": a no to weapons is dropped when the same line then names one
     * (LABELLING.md).
     */
    private static void noWeaponButOne(List<ExtractedEntity> out) {
        boolean named = false;
        for (ExtractedEntity e : out) {
            named |= e.type() == EntityType.WEAPON && !e.value().equals("none") && !e.value().equals("unknown");
        }
        if (named) {
            out.removeIf(e -> e.type() == EntityType.WEAPON && e.value().equals("none"));
        }
    }

    /**
     * The tokens a person description may not use: those already taken, those of a question ("was he white,
     * black?" describes no one), and the words of a condition already found ("breathing real heavy" is not a
     * heavy build).
     */
    private static boolean[] forDescriptions(Tokens t, boolean[] asks, boolean[] blocked, List<ExtractedEntity> out) {
        boolean[] b = blocked.clone();
        for (int i = 0; i < t.size; i++) {
            b[i] |= asks[i];
        }
        for (ExtractedEntity e : out) {
            if (e.type() == EntityType.BREATHING || e.type() == EntityType.CONSCIOUS) {
                for (int k = t.firstEndingAfter(e.start()); k < t.size && t.start[k] < e.end(); k++) {
                    b[k] = true;
                }
            }
        }
        return b;
    }

    /**
     * The tokens of sentences that open with a question word ("what did he look like, was he white, black?"); a
     * read-back that only ends with "?" still states ("so a white male, heading south?").
     */
    private static boolean[] questionSentences(Tokens t, Context ctx) {
        boolean[] b = new boolean[t.size];
        int s = 0;
        while (s < t.size) {
            int e = s + 1;
            while (e < t.size && !sentenceEnd(t.gapBefore(e))) {
                e++;
            }
            // a sentence that opens with a question word asks ("what did he look like, was he white, black?");
            // a read-back that only ends with "?" still states ("so a white male, heading south?")
            int first = s;
            while (first < e - 1 && first < s + 3 && QUESTION_FILLERS.contains(t.word[first])) {
                first++;
            }
            // "can you describe the car": a request for a description is a question even as a recogniser writes it
            boolean wh = t.word[first].startsWith("wh") || t.word[first].startsWith("how")
                    || (t.is(first, "can") || t.is(first, "could")) && t.is(first + 1, "you")
                    && t.isAny(first + 2, Set.of("describe", "tell", "see", "remember"));
            boolean marked = t.text.substring(t.start[s], e < t.size ? t.start[e] : t.text.length()).indexOf('?') >= 0;
            if (ctx.question(first) && QUESTION_OPENERS.contains(t.word[first]) && (wh || marked)) {
                java.util.Arrays.fill(b, s, e, true);
            }
            s = e;
        }
        return b;
    }

    private static boolean sentenceEnd(String gap) {
        return gap.indexOf('.') >= 0 || gap.indexOf('?') >= 0 || gap.indexOf('!') >= 0;
    }

    private void places(Tokens t, boolean[] blocked, List<ExtractedEntity> out) {
        List<PlaceNames.Match> matches = names.scan(t, blocked);
        PlaceNames.Match pendingRoad = null;
        for (PlaceNames.Match m : matches) {
            Gazetteer.Entry road = m.first(Gazetteer.Kind.ROAD);
            Gazetteer.Entry landmark = m.first(Gazetteer.Kind.LANDMARK);
            Gazetteer.Entry crossing = m.first(Gazetteer.Kind.INTERSECTION);
            Gazetteer.Entry hood = m.first(Gazetteer.Kind.NEIGHBOURHOOD);
            Gazetteer.Entry ward = m.first(Gazetteer.Kind.WARD);
            Gazetteer.Entry outside = m.first(Gazetteer.Kind.OUTSIDE);
            int to = m.to();
            double conf = m.confidence();
            if (road != null && landmark == null && crossing == null) {
                if (pendingRoad != null && linked(t, pendingRoad.to(), m.from())) {
                    Gazetteer.Road a = pendingRoad.first(Gazetteer.Kind.ROAD).road();
                    if (!a.name().equals(road.road().name())) {
                        boolean meets = names.gazetteer().intersection(a, road.road()).isPresent();
                        add(t, out, blocked, EntityType.INTERSECTION, a.name() + " & " + road.road().name(),
                                pendingRoad.from(), to, (meets ? 0.9 : 0.6) * Math.min(conf,
                                        pendingRoad.confidence()));
                        pendingRoad = null;
                        continue;
                    }
                }
                if (hood == null && ward == null) {
                    pendingRoad = m;
                    continue;
                }
            }
            if (landmark != null) {
                add(t, out, blocked, EntityType.LANDMARK, landmark.canonical(), m.from(), to, 0.9 * conf);
            } else if (crossing != null) {
                add(t, out, blocked, EntityType.INTERSECTION, crossing.canonical(), m.from(), to, 0.9 * conf);
            } else if ((hood != null || ward != null) && t.isAny(to, STATION) && !blocked[to]) {
                Place area = hood != null ? hood.place() : ward.place();
                add(t, out, blocked, EntityType.LANDMARK, names.gazetteer().station(area).name(), m.from(), to + 1,
                        0.9 * conf);
            } else if (ward != null && (hood == null || t.isAny(to, WARD_SUFFIX))) {
                int end = to;
                while (end < t.size && end < to + 1 && t.isAny(end, WARD_SUFFIX) && !blocked[end]) {
                    end++;
                }
                add(t, out, blocked, EntityType.WARD, ward.place().wardEn(), m.from(), end,
                        (end > to ? 0.95 : 0.85) * conf);
            } else if (hood != null) {
                add(t, out, blocked, EntityType.ADDRESS, hood.canonical(), m.from(), to, 0.6 * conf);
            } else if (outside != null) {
                EntityType type = outside.canonical().contains(" ") ? EntityType.LANDMARK : EntityType.ADDRESS;
                add(t, out, blocked, type, outside.canonical(), m.from(), to, 0.6 * conf);
            }
        }
    }

    /** True when only linking words ("and", "at", "corner of") stand between two road names. */
    private static boolean linked(Tokens t, int leftEnd, int rightStart) {
        if (rightStart - leftEnd > 4) {
            return false;
        }
        for (int k = leftEnd; k < rightStart; k++) {
            if (!ROAD_LINKS.contains(t.word[k])) {
                return false;
            }
        }
        String gap = t.text.substring(t.end[leftEnd - 1], t.start[rightStart]);
        return !gap.contains(".") && !gap.contains("?") && !gap.contains(";");
    }

    private static void add(Tokens t, List<ExtractedEntity> out, boolean[] blocked, EntityType type, String value,
                            int from, int to, double confidence) {
        for (int k = from; k < to; k++) {
            blocked[k] = true;
        }
        out.add(new ExtractedEntity(type, value, t.span(from, to), t.start[from], t.end[to - 1], round(confidence)));
    }

    private static double round(double v) {
        return Math.round(Math.min(1, Math.max(0, v)) * 100) / 100.0;
    }
}
