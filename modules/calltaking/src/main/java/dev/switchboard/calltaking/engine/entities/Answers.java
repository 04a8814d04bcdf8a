package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short answers read with the question they answer: "no" after "is he breathing?" is breathing {@code no}, "not
 * that I can see" after "any weapons?" is weapon {@code none}, "I don't know" is {@code unknown}. The question is
 * the other speaker's previous line, or a question earlier in the same utterance ("is he breathing? no."). An
 * answer the same utterance restates ("Yeah, he's awake") gives no second entity; a "no" the utterance contradicts
 * ("any other weapons?" "No, just the knife") gives none.
 */
final class Answers {

    /** What a question asks, when it is one of the types an answer word can carry. */
    record Topic(EntityType type, String value, boolean gone) {

        Topic(EntityType type, String value) {
            this(type, value, false);
        }
    }

    /** The question's topics and the other things it asks for (age, direction, plate, count). */
    record Question(List<Topic> topics, boolean age, boolean direction, boolean plate, boolean count,
                    boolean description, boolean normally) {

        static final Question NONE = new Question(List.of(), false, false, false, false, false, false);

        Question(List<Topic> topics, boolean age, boolean direction, boolean plate, boolean count,
                 boolean description) {
            this(topics, age, direction, plate, count, description, false);
        }

        boolean any() {
            return !topics.isEmpty() || age || direction || plate || count || description;
        }
    }

    private enum Kind { YES, NO, UNKNOWN, BARELY }

    private static final Map<String, Kind> ANSWERS = Map.ofEntries(
            Map.entry("yes", Kind.YES), Map.entry("yeah", Kind.YES), Map.entry("yep", Kind.YES),
            Map.entry("yup", Kind.YES), Map.entry("yea", Kind.YES), Map.entry("ya", Kind.YES),
            Map.entry("yah", Kind.YES), Map.entry("uh huh", Kind.YES), Map.entry("uhhuh", Kind.YES),
            Map.entry("mhm", Kind.YES), Map.entry("mmhmm", Kind.YES), Map.entry("mm hmm", Kind.YES),
            Map.entry("mm hm", Kind.YES), Map.entry("correct", Kind.YES), Map.entry("affirmative", Kind.YES),
            Map.entry("i think so", Kind.YES), Map.entry("definitely", Kind.YES), Map.entry("absolutely", Kind.YES),
            Map.entry("he is", Kind.YES), Map.entry("she is", Kind.YES), Map.entry("they are", Kind.YES),
            Map.entry("he does", Kind.YES), Map.entry("she does", Kind.YES), Map.entry("there is", Kind.YES),
            Map.entry("there are", Kind.YES), Map.entry("it is", Kind.YES), Map.entry("he did", Kind.YES),
            Map.entry("she did", Kind.YES), Map.entry("i do", Kind.YES), Map.entry("we do", Kind.YES),
            Map.entry("no", Kind.NO), Map.entry("nope", Kind.NO), Map.entry("nah", Kind.NO),
            Map.entry("negative", Kind.NO), Map.entry("not that i can see", Kind.NO),
            Map.entry("i dont think so", Kind.NO), Map.entry("not really", Kind.NO), Map.entry("none", Kind.NO),
            Map.entry("not at all", Kind.NO), Map.entry("he isnt", Kind.NO), Map.entry("she isnt", Kind.NO),
            Map.entry("he doesnt", Kind.NO), Map.entry("she doesnt", Kind.NO), Map.entry("there isnt", Kind.NO),
            Map.entry("there arent", Kind.NO), Map.entry("i dont see any", Kind.NO),
            Map.entry("nobody", Kind.NO), Map.entry("no one", Kind.NO), Map.entry("noone", Kind.NO),
            Map.entry("nothing", Kind.NO), Map.entry("not that i saw", Kind.NO),
            Map.entry("not that i know of", Kind.NO), Map.entry("not that i could see", Kind.NO),
            Map.entry("no sir", Kind.NO), Map.entry("no maam", Kind.NO), Map.entry("uh uh", Kind.NO),
            Map.entry("i cant", Kind.UNKNOWN), Map.entry("i dont think", Kind.NO),
            Map.entry("i didnt see one", Kind.NO), Map.entry("didnt see one", Kind.NO),
            Map.entry("i didnt see any", Kind.NO), Map.entry("didnt see any", Kind.NO),
            Map.entry("i dont see one", Kind.NO), Map.entry("i didnt see anything", Kind.NO),
            Map.entry("not that i noticed", Kind.NO), Map.entry("i dont see anything", Kind.NO),
            Map.entry("not yet", Kind.NO), Map.entry("dont think so", Kind.NO),
            Map.entry("i dont know", Kind.UNKNOWN), Map.entry("dont know", Kind.UNKNOWN),
            Map.entry("dunno", Kind.UNKNOWN), Map.entry("i cant tell", Kind.UNKNOWN),
            Map.entry("cant tell", Kind.UNKNOWN), Map.entry("not sure", Kind.UNKNOWN),
            Map.entry("im not sure", Kind.UNKNOWN), Map.entry("no idea", Kind.UNKNOWN),
            Map.entry("i have no idea", Kind.UNKNOWN), Map.entry("i couldnt tell", Kind.UNKNOWN),
            Map.entry("i cant see", Kind.UNKNOWN),
            Map.entry("barely", Kind.BARELY), Map.entry("kind of", Kind.BARELY), Map.entry("sort of", Kind.BARELY),
            Map.entry("a little", Kind.BARELY), Map.entry("hardly", Kind.BARELY));
    private static final Set<String> LEAD = Set.of("uh", "um", "oh", "well", "okay", "ok", "maam", "sir", "god",
            "i", "mean", "hmm", "er", "like", "so", "and", "yes", "no");
    private static final int MAX_ANSWER_TOKENS = 5;

    private Answers() {
    }

    /** What {@code line} (the other speaker's, or a clause of the same utterance) asks. */
    static Question asked(String line) {
        if (line == null || line.isBlank()) {
            return Question.NONE;
        }
        Tokens q = Lexicon.normalise(Tokens.of(line.length() > 2000 ? line.substring(line.length() - 2000) : line));
        if (q.size == 0) {
            return Question.NONE;
        }
        Context c = new Context(q);
        int from = c.clauseStart(q.size - 1);
        // the last question in the line: "Okay. Is he breathing?" asks about breathing
        for (int k = q.size - 1; k >= 0; k--) {
            if (c.question(k)) {
                from = c.clauseStart(k);
                return asked(q, from, k + 1);
            }
        }
        return line.strip().endsWith("?") ? asked(q, from, q.size) : Question.NONE;
    }

    private static Question asked(Tokens q, int from, int to) {
        List<Topic> topics = new ArrayList<>();
        // "should I check if he's breathing?" asks what to do, not whether he breathes
        boolean asksWhatToDo = q.isAny(from, Set.of("should", "shall")) || q.isAny(from, Set.of("do", "can",
                "could", "must")) && q.isAny(from + 1, Set.of("i", "we"));
        for (Clues.Found f : asksWhatToDo ? List.<Clues.Found>of() : Clues.topics(q, from, to)) {
            Clues.Clue c = f.clue();
            if (c.type() == EntityType.BREATHING || c.type() == EntityType.CONSCIOUS
                    || c.type() == EntityType.INJURY || c.type() == EntityType.WEAPON
                    || c.type() == EntityType.HAZARD) {
                String value = c.value().equals("none") || c.value().equals("unknown") ? null : c.value();
                if (value != null && c.type() == EntityType.BREATHING && value.equals("abnormal")) {
                    value = "yes";
                }
                if (value != null && !topics.contains(new Topic(c.type(), value))) {
                    topics.add(new Topic(c.type(), value));
                }
            }
        }
        String joined = " " + q.join(from, to, " ") + " ";
        if (topics.isEmpty() && (joined.contains(" breathe ") || joined.contains(" breath "))) {
            topics.add(new Topic(EntityType.BREATHING, "yes"));
        }
        if (topics.isEmpty() && (joined.contains(" pass out ") || joined.contains(" faint "))) {
            topics.add(new Topic(EntityType.CONSCIOUS, "no"));
        }
        if (topics.isEmpty() && (joined.contains(" talk ") || joined.contains(" respond "))) {
            topics.add(new Topic(EntityType.CONSCIOUS, "yes"));
        }
        if (joined.contains(" out ") && !joined.contains(" out of ") && !joined.contains(" get out ")
                && !joined.contains(" got out ") && !joined.contains(" everyone out ")
                && !joined.contains(" everybody out ")) {
            // "is the fire out?": a yes says there is none now, a no that it still burns
            topics.replaceAll(p -> p.type() == EntityType.HAZARD ? new Topic(p.type(), p.value(), true) : p);
        }
        if (joined.contains(" turned off ") || joined.contains(" shut off ") || joined.contains(" turn off ")
                || joined.contains(" shut it off ") || joined.contains(" turn it off ")) {
            // "is the gas turned off?": a yes says nothing of a hazard now
            topics.removeIf(p -> p.type() == EntityType.HAZARD);
        }
        boolean age = joined.contains(" how old ") || joined.contains(" what age ") || joined.contains(" his age ")
                || joined.contains(" her age ");
        boolean direction = joined.contains(" which way ") || joined.contains(" what direction ")
                || joined.contains(" where did he go ") || joined.contains(" where did she go ")
                || joined.contains(" where did they go ") || joined.contains(" where did he run ")
                || joined.contains(" which direction ") || joined.contains(" where are they going ")
                || joined.contains(" where is he going ") || joined.contains(" where was he going ");
        boolean plate = joined.contains(" plate ") || joined.contains(" plates ") || joined.contains(" license ")
                || joined.contains(" tag ") || joined.contains(" registration ");
        boolean count = joined.contains(" how many ");
        boolean description = joined.contains(" look like ") || joined.contains(" describe ")
                || joined.contains(" wearing ") || joined.contains(" description ");
        // "is she breathing normally?" "no": she breathes, but not normally
        boolean normally = joined.contains(" normally ") || joined.contains(" normal ")
                || joined.contains(" breathing okay ") || joined.contains(" breathing ok ")
                || joined.contains(" breathing alright ") || joined.contains(" breathing right ")
                && !joined.contains(" breathing right now ");
        return new Question(List.copyOf(topics), age, direction, plate, count, description, normally);
    }

    /**
     * Entities for the answer at the start of {@code t} to {@code question}, and for answers inside {@code t} to
     * its own questions. Run after every other finder: {@code found} is what the utterance states itself.
     */
    static void find(Tokens t, Context ctx, Question question, List<ExtractedEntity> found) {
        List<ExtractedEntity> add = new ArrayList<>();
        if (!question.topics().isEmpty()) {
            answer(t, 0, question, found, add);
        }
        // a question and its answer in one utterance: "is he breathing? no."
        int k = 0;
        while (k < t.size) {
            if (!ctx.question(k)) {
                k++;
                continue;
            }
            int s = ctx.clauseStart(k);
            int e = k;
            while (e + 1 < t.size && t.clause[e + 1] == t.clause[k]) {
                e++;
            }
            Question inner = asked(t, s, e + 1);
            if (!inner.topics().isEmpty()) {
                int next = answerStartInside(t, s, e);
                if (next >= 0) {
                    answer(t, next, inner, found, add);
                }
            }
            k = e + 1;
        }
        found.addAll(add);
    }

    /** Where an answer starts after (or, without punctuation, at the end of) the question clause s..e; or -1. */
    private static int answerStartInside(Tokens t, int s, int e) {
        if (e + 1 < t.size) {
            return e + 1;
        }
        // "is he breathing no": the answer word ends the clause, after the asked word
        for (int k = Math.max(s + 2, e - 3); k <= e; k++) {
            Kind kind = ANSWERS.get(t.word[k]);
            if (kind == Kind.NO || kind == Kind.YES) {
                return k;
            }
        }
        return -1;
    }

    private static void answer(Tokens t, int from, Question q, List<ExtractedEntity> found,
                               List<ExtractedEntity> add) {
        int i = from;
        Kind kind = null;
        int end = i;
        for (int lead = 0; lead <= 3 && i < t.size && kind == null; lead++) {
            for (int n = Math.min(MAX_ANSWER_TOKENS, t.size - i); n >= 1 && kind == null; n--) {
                Kind k = ANSWERS.get(t.join(i, i + n, " "));
                if (k != null) {
                    kind = k;
                    end = i + n;
                }
            }
            if (kind == null) {
                if (!LEAD.contains(t.word[i])) {
                    return;
                }
                i++;
            }
        }
        if (kind == null) {
            return;
        }
        end = restatementEnd(t, end);
        for (Topic topic : q.topics()) {
            String value = switch (kind) {
                case YES -> topic.gone() ? "none" : topic.value();
                case NO -> topic.gone() ? topic.value() : topic.type() == EntityType.BREATHING && q.normally()
                        ? "abnormal" : Clues.negate(topic.type(), topic.value());
                case UNKNOWN -> topic.type() == EntityType.HAZARD ? null : "unknown";
                case BARELY -> topic.type() == EntityType.BREATHING ? "abnormal"
                        : topic.type() == EntityType.CONSCIOUS ? "yes"
                        : topic.type() == EntityType.INJURY || topic.type() == EntityType.HAZARD ? topic.value()
                        : null;
            };
            if (value == null || restated(topic, value, found)) {
                continue;
            }
            add.add(new ExtractedEntity(topic.type(), value, t.span(i, end), t.start[i], t.end[end - 1],
                    kind == Kind.UNKNOWN ? 0.5 : 0.8));
        }
    }

    /**
     * The end of the answer with the short clause that restates it ("No, I'm okay", "Nope, he's out", "Yes, she
     * is"): the next clause when it has at most four words and no clue word of its own, else {@code end}.
     */
    private static int restatementEnd(Tokens t, int end) {
        if (end >= t.size || end == 0 || t.clause[end] == t.clause[end - 1]) {
            return end;
        }
        int k = end;
        while (k < t.size && t.clause[k] == t.clause[end]) {
            if (k - end >= 4 || Clues.knows(t.word[k]) || ANSWERS.containsKey(t.word[k])) {
                return end;
            }
            k++;
        }
        return k;
    }

    /**
     * True when the utterance itself says this type after the answer's start: the same value (it restates the
     * answer), or a positive one where the answer is "none" (the utterance corrects a narrower question).
     */
    private static boolean restated(Topic topic, String value, List<ExtractedEntity> found) {
        EntityType type = topic.type();
        for (ExtractedEntity e : found) {
            if (e.type() != type) {
                continue;
            }
            // a "yes" restated in other words ("yes, a knife") or a "no" the utterance contradicts
            boolean positive = !e.value().equals("none") && !e.value().equals("unknown");
            if (e.value().equals(value) || positive || type == EntityType.BREATHING
                    || type == EntityType.CONSCIOUS) {
                return true;
            }
        }
        return false;
    }
}
