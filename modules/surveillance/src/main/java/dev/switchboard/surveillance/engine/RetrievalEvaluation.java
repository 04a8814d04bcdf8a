package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Retrieval quality on labelled questions built from the generator's ground truth: for each planted incident a
 * question in words about what it looked like, within two hours of it and in its ward; for each tracked object a
 * question about its looks within three hours of its first sighting. The relevant events are those the generator
 * tagged with that incident or track. Recall@10 is the share of the relevant events in the top ten, out of at most
 * ten; nDCG@10 uses binary relevance. Every second question (by plan order) is held out: the ranking constants were
 * chosen on the others.
 */
public final class RetrievalEvaluation {

    public static final int K = 10;

    /** One labelled question. */
    public record Question(String text, EventQuery query, Set<Long> relevant, boolean heldOut) {
    }

    /** Mean recall@10 and nDCG@10 of one mode over a set. */
    public record Score(EventQuery.Mode mode, int questions, double recall, double ndcg) {
        public String line() {
            return String.format(Locale.ROOT, "%-14s recall@10 %.3f  nDCG@10 %.3f  (%d questions)", mode.label(),
                    recall, ndcg, questions);
        }
    }

    private RetrievalEvaluation() {
    }

    /** Questions for the plan of a generation over {@code [from, to)}. */
    public static List<Question> questions(EventGenerator generator, EventStore store, Instant from, Instant to) {
        EventGenerator.Plan plan = generator.plan(from, to);
        List<Question> out = new ArrayList<>();
        int n = 0;
        for (IncidentRef i : plan.incidents()) {
            String text = switch (EventGenerator.IncidentKind.guess(i.title())) {
                case FIGHT -> "people fighting, someone with a knife, crowd gathering";
                case FIRE -> "fire with flames and smoke, onlookers";
                case CRASH -> "car crash collision on the road";
                case COLLAPSE -> "person collapsed on the ground, people gather";
            };
            EventQuery q = EventQuery.all().withText(text).withWards(List.of(i.wardId()))
                    .withRange(i.at().minus(Duration.ofHours(1)), i.at().plus(Duration.ofHours(1))).withLimit(K);
            Set<Long> relevant = new HashSet<>(store.tagged("incident:" + i.id()));
            if (!relevant.isEmpty()) {
                out.add(new Question(text, q, relevant, n++ % 2 == 1));
            }
        }
        for (EventGenerator.Track t : plan.tracks()) {
            var a = t.attributes();
            String text = t.type() == dev.switchboard.surveillance.model.ObjectType.CAR
                    ? a.colour() + " " + a.clothing() + " plate " + a.plate()
                    : "person wearing a " + a.colour() + " " + a.clothing();
            EventQuery q = EventQuery.all().withText(text).withRange(t.start().minus(Duration.ofMinutes(30)),
                    t.start().plus(Duration.ofHours(3))).withLimit(K);
            Set<Long> relevant = new HashSet<>(store.tagged("track:" + t.id()));
            if (!relevant.isEmpty()) {
                out.add(new Question(text, q, relevant, n++ % 2 == 1));
            }
        }
        return out;
    }

    /** Scores {@code mode} on the questions. */
    public static Score score(EventSearch search, List<Question> questions, EventQuery.Mode mode) {
        double recall = 0;
        double ndcg = 0;
        for (Question q : questions) {
            long[] ranked = search.rank(q.query().withMode(mode));
            int hits = 0;
            double dcg = 0;
            for (int i = 0; i < Math.min(K, ranked.length); i++) {
                if (q.relevant().contains(ranked[i])) {
                    hits++;
                    dcg += 1 / (Math.log(i + 2) / Math.log(2));
                }
            }
            int ideal = Math.min(K, q.relevant().size());
            double idcg = 0;
            for (int i = 0; i < ideal; i++) {
                idcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
            recall += hits / (double) ideal;
            ndcg += dcg / idcg;
        }
        int n = Math.max(1, questions.size());
        return new Score(mode, questions.size(), recall / n, ndcg / n);
    }
}
