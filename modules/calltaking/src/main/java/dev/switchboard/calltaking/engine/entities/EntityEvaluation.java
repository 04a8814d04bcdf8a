package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of an {@link EntityExtractor} on a labelled set. A found entity counts as right when an
 * expected one has the same type, the same value (ignoring case) and an overlapping span; each expected entity
 * is matched at most once. Person descriptions ({@link EntityType#SUSPECT}) are counted per attribute.
 */
public final class EntityEvaluation {

    private EntityEvaluation() {
    }

    /** Matches for one type or overall. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        /** Right finds over all finds; 1 when nothing was found. */
        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1 : truePositives / (double) found;
        }

        /** Right finds over all expected; 1 when nothing was expected. */
        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1 : truePositives / (double) expected;
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }
    }

    /**
     * One mistake.
     *
     * @param kind {@code missed} (expected, not found) or {@code spurious} (found, not expected)
     */
    public record Miss(int id, String text, String kind, EntityType type, String value, String span) {
    }

    /** The figures. */
    public record Report(Map<EntityType, Counts> perType, Counts overall, List<Miss> misses, int utterances) {

        /** A table of precision and recall per type, then overall. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-13s %5s %5s %5s %9s %7s%n", "type", "tp", "fp", "fn",
                    "precision", "recall"));
            perType.forEach((t, c) -> sb.append(line(t.name(), c)));
            sb.append(line("OVERALL", overall));
            sb.append(String.format(Locale.ROOT, "%d utterances%n", utterances));
            return sb.toString();
        }

        private static String line(String name, Counts c) {
            return String.format(Locale.ROOT, "%-13s %5d %5d %5d %9.3f %7.3f%n", name, c.truePositives(),
                    c.falsePositives(), c.falseNegatives(), c.precision(), c.recall());
        }
    }

    /** Runs the extractor on every utterance (with its context line) and compares. */
    public static Report evaluate(EntityExtractor extractor, List<LabelledUtterance> set) {
        Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            counts.put(t, new int[3]);
        }
        List<Miss> misses = new ArrayList<>();
        for (LabelledUtterance u : set) {
            List<ExtractedEntity> found = extractor.extract(u.text(), u.context());
            int[][] ranges = SpeechNoise.ranges(u.text(), u.entities());
            boolean[] used = new boolean[found.size()];
            for (int x = 0; x < u.entities().size(); x++) {
                LabelledUtterance.Expected e = u.entities().get(x);
                if (e.type() == EntityType.SUSPECT) {
                    continue;
                }
                int start = ranges[x][0];
                int end = ranges[x][1];
                int hit = -1;
                for (int k = 0; k < found.size() && hit < 0; k++) {
                    ExtractedEntity f = found.get(k);
                    if (!used[k] && f.type() == e.type() && f.value().equalsIgnoreCase(e.value())
                            && f.start() < end && start < f.end()) {
                        hit = k;
                    }
                }
                if (hit >= 0) {
                    used[hit] = true;
                    counts.get(e.type())[0]++;
                } else {
                    counts.get(e.type())[2]++;
                    misses.add(new Miss(u.id(), u.text(), "missed", e.type(), e.value(), e.text()));
                }
            }
            suspects(u, found, ranges, counts.get(EntityType.SUSPECT), misses);
            for (int k = 0; k < found.size(); k++) {
                ExtractedEntity f = found.get(k);
                if (!used[k] && f.type() != EntityType.SUSPECT) {
                    counts.get(f.type())[1]++;
                    misses.add(new Miss(u.id(), u.text(), "spurious", f.type(), f.value(), f.text()));
                }
            }
        }
        Map<EntityType, Counts> perType = new EnumMap<>(EntityType.class);
        Counts overall = new Counts(0, 0, 0);
        for (Map.Entry<EntityType, int[]> c : counts.entrySet()) {
            Counts k = new Counts(c.getValue()[0], c.getValue()[1], c.getValue()[2]);
            perType.put(c.getKey(), k);
            overall = overall.plus(k);
        }
        return new Report(perType, overall, List.copyOf(misses), set.size());
    }

    /**
     * A description is scored attribute by attribute ("male", "30s", "black hoodie", "heading north"): an expected
     * attribute is found when a found description overlapping its span lists it; a found attribute no overlapping
     * expected description lists is spurious. One wrong detail of six is then one miss, not a lost description.
     */
    private static void suspects(LabelledUtterance u, List<ExtractedEntity> found, int[][] ranges, int[] c,
                                 List<Miss> misses) {
        List<ExtractedEntity> descriptions = found.stream().filter(f -> f.type() == EntityType.SUSPECT).toList();
        List<Set<String>> expectedNear = new ArrayList<>();
        for (int k = 0; k < descriptions.size(); k++) {
            expectedNear.add(new HashSet<>());
        }
        for (int x = 0; x < u.entities().size(); x++) {
            LabelledUtterance.Expected e = u.entities().get(x);
            if (e.type() != EntityType.SUSPECT) {
                continue;
            }
            Set<String> got = new HashSet<>();
            for (int k = 0; k < descriptions.size(); k++) {
                ExtractedEntity f = descriptions.get(k);
                if (f.start() < ranges[x][1] && ranges[x][0] < f.end()) {
                    got.addAll(attributes(f.value()));
                    expectedNear.get(k).addAll(attributes(e.value()));
                }
            }
            for (String a : attributes(e.value())) {
                if (got.contains(a)) {
                    c[0]++;
                } else {
                    c[2]++;
                    misses.add(new Miss(u.id(), u.text(), "missed", EntityType.SUSPECT, a, e.text()));
                }
            }
        }
        for (int k = 0; k < descriptions.size(); k++) {
            for (String a : attributes(descriptions.get(k).value())) {
                if (!expectedNear.get(k).contains(a)) {
                    c[1]++;
                    misses.add(new Miss(u.id(), u.text(), "spurious", EntityType.SUSPECT, a,
                            descriptions.get(k).text()));
                }
            }
        }
    }

    /** The attributes of a description value, lower case. */
    static Set<String> attributes(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : value.split(",")) {
            String s = a.strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
