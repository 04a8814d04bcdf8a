package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Aggregates;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.ObjectType;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.SearchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes complete answers from search results and aggregates with no model at all: lists with times, cameras and
 * citations, counts by hour, ward and type, comparisons between periods, timelines, routes across cameras. Every
 * citation it writes is a result it was given. Stateless.
 */
public final class OfflineAnswerer {

    /** Results cited by name in a list answer. */
    static final int LISTED = 5;

    /** The prose and which events it cites. */
    public record Written(String text, List<String> citations) {
        public Written {
            citations = List.copyOf(citations);
        }
    }

    private OfflineAnswerer() {
    }

    public static Written search(SearchResult r, String lead) {
        List<SearchHit> hits = r.hits();
        StringBuilder b = new StringBuilder();
        List<String> cited = new ArrayList<>();
        if (hits.isEmpty()) {
            b.append("No camera events match ").append(r.query().describe()).append('.');
            if (r.query().hasFilters()) {
                b.append(" Try a wider time range or fewer filters.");
            }
            return new Written(b.toString(), cited);
        }
        b.append(lead == null ? "" : lead);
        b.append(String.format(Locale.ROOT, "%,d event%s match%s %s", r.totalMatches(),
                r.totalMatches() == 1 ? "" : "s", r.totalMatches() == 1 ? "es" : "",
                r.query().text().isEmpty() ? r.query().describe() : "the filters of " + r.query().describe()));
        b.append(hits.size() < r.totalMatches() ? String.format(Locale.ROOT, "; the %d most relevant:", Math.min(LISTED,
                hits.size())) : ":");
        for (int i = 0; i < Math.min(LISTED, hits.size()); i++) {
            CameraEvent e = hits.get(i).event();
            b.append("\n").append(i + 1).append(". ").append(line(e));
            cited.add(e.ref());
        }
        if (hits.size() > LISTED) {
            b.append(String.format(Locale.ROOT, "\n…and %d more in the list.", hits.size() - LISTED));
        }
        if (r.semanticPending() > 0) {
            b.append(String.format(Locale.ROOT, "\n(%,d new descriptions are still being embedded; until then "
                    + "they are found by keyword only.)", r.semanticPending()));
        }
        return new Written(b.toString(), cited);
    }

    /** One event as a line: time, camera, what, citation. */
    static String line(CameraEvent e) {
        String plate = e.attributes().plate().isEmpty() ? "" : " Plate " + e.attributes().plate() + ".";
        return CityTime.shortText(e.at()) + ", " + e.cameraName() + ": " + e.description() + plate + " ["
                + e.ref() + "]";
    }

    public static Written count(Aggregates a, EventQuery q, List<SearchHit> examples) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%,d event%s: %s.", a.total(), a.total() == 1 ? "" : "s", q.describe()));
        if (a.total() == 0) {
            return new Written(b.toString(), List.of());
        }
        appendBreakdown(b, a);
        List<String> cited = new ArrayList<>();
        if (!examples.isEmpty()) {
            b.append("\nLatest: ");
            for (int i = 0; i < Math.min(3, examples.size()); i++) {
                CameraEvent e = examples.get(i).event();
                b.append(i == 0 ? "" : "; ").append(CityTime.shortText(e.at())).append(" on camera ")
                        .append(e.camera()).append(" [").append(e.ref()).append(']');
                cited.add(e.ref());
            }
            b.append('.');
        }
        return new Written(b.toString(), cited);
    }

    private static void appendBreakdown(StringBuilder b, Aggregates a) {
        b.append("\nBy type: ").append(top(a.byType(), 4, OfflineAnswerer::typeLabel)).append('.');
        if (a.byWard().size() > 1) {
            b.append("\nBy ward: ").append(top(a.byWard(), 4, OfflineAnswerer::capitalise)).append('.');
        }
        if (a.byDay().size() > 1) {
            b.append("\nBy day: ").append(String.join(", ", a.byDay().entrySet().stream().sorted(Map.Entry
                    .comparingByKey()).map(e -> e.getKey().substring(5) + " " + e.getValue()).toList())).append('.');
        }
        long[] hours = a.byHour();
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            if (hours[h] > hours[busiest]) {
                busiest = h;
            }
        }
        b.append(String.format(Locale.ROOT, "\nBusiest hour: %02d:00 (%,d).", busiest, hours[busiest]));
        if (a.byCamera().size() > 1) {
            Map.Entry<Integer, Long> cam = a.byCamera().entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow();
            b.append(String.format(Locale.ROOT, " Busiest camera: %d (%,d).", cam.getKey(), cam.getValue()));
        }
    }

    public static Written compare(Aggregates now, Aggregates before, EventQuery q, EventQuery previous) {
        StringBuilder b = new StringBuilder();
        double change = before.total() == 0 ? (now.total() == 0 ? 0 : 100) : 100.0 * (now.total() - before.total())
                / before.total();
        b.append(String.format(Locale.ROOT, "%,d events from %s to %s against %,d in the period before (%s to %s): "
                        + "%s%.0f %%.", now.total(), CityTime.shortText(q.from()), CityTime.shortText(q.to()),
                before.total(), CityTime.shortText(previous.from()), CityTime.shortText(previous.to()),
                change >= 0 ? "+" : "", change));
        Set<String> types = new LinkedHashSet<>(now.byType().keySet());
        types.addAll(before.byType().keySet());
        List<String> lines = new ArrayList<>();
        for (String t : types) {
            long a = now.byType().getOrDefault(t, 0L);
            long p = before.byType().getOrDefault(t, 0L);
            if (a + p > 0) {
                lines.add(String.format(Locale.ROOT, "%s %,d (was %,d)", typeLabel(t), a, p));
            }
        }
        b.append("\nBy type: ").append(String.join(", ", lines)).append('.');
        Set<String> behaviours = new LinkedHashSet<>();
        now.byBehaviour().keySet().stream().filter(k -> Behaviour.fromCode(k).notable()).forEach(behaviours::add);
        before.byBehaviour().keySet().stream().filter(k -> Behaviour.fromCode(k).notable()).forEach(behaviours::add);
        if (!behaviours.isEmpty()) {
            List<String> bl = new ArrayList<>();
            for (String k : behaviours) {
                bl.add(String.format(Locale.ROOT, "%s %,d (was %,d)", Behaviour.fromCode(k).label(),
                        now.byBehaviour().getOrDefault(k, 0L), before.byBehaviour().getOrDefault(k, 0L)));
            }
            b.append("\nNotable behaviour: ").append(String.join(", ", bl)).append('.');
        }
        return new Written(b.toString(), List.of());
    }

    public static Written summarise(Aggregates a, EventQuery q, List<SearchHit> notable) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Summary of %s: %,d camera events.", q.describe(), a.total()));
        if (a.total() == 0) {
            return new Written(b.toString(), List.of());
        }
        appendBreakdown(b, a);
        List<String> notableBehaviours = a.byBehaviour().entrySet().stream()
                .filter(e -> Behaviour.fromCode(e.getKey()).notable())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> Behaviour.fromCode(e.getKey()).label() + " " + e.getValue()).toList();
        if (!notableBehaviours.isEmpty()) {
            b.append("\nNotable behaviour: ").append(String.join(", ", notableBehaviours)).append('.');
        }
        List<String> cited = new ArrayList<>();
        if (!notable.isEmpty()) {
            b.append("\nTimeline of the most serious:");
            List<SearchHit> byTime = new ArrayList<>(notable.subList(0, Math.min(6, notable.size())));
            byTime.sort(Comparator.comparing(h -> h.event().at()));
            for (SearchHit h : byTime) {
                b.append("\n• ").append(line(h.event()));
                cited.add(h.event().ref());
            }
        }
        return new Written(b.toString(), cited);
    }

    public static Written unusual(List<Insight> insights, String scope) {
        if (insights.isEmpty()) {
            return new Written("Nothing unusual " + scope + ": every camera and ward stayed within its usual range "
                    + "for the hour, and no plate was seen on three cameras.", List.of());
        }
        StringBuilder b = new StringBuilder("Unusual " + scope + ":");
        List<String> cited = new ArrayList<>();
        for (int i = 0; i < Math.min(5, insights.size()); i++) {
            Insight in = insights.get(i);
            b.append("\n").append(i + 1).append(". ").append(in.title()).append(String.format(Locale.ROOT,
                    " (significance %.2f). ", in.significance())).append(in.detail());
            for (String ref : in.evidence().subList(0, Math.min(2, in.evidence().size()))) {
                b.append(" [").append(ref).append(']');
                cited.add(ref);
            }
        }
        return new Written(b.toString(), cited);
    }

    public static Written track(CameraEvent from, List<SearchHit> later) {
        StringBuilder b = new StringBuilder();
        String what = describeObject(from);
        List<String> cited = new ArrayList<>(List.of(from.ref()));
        List<CameraEvent> route = later.stream().map(SearchHit::event).filter(e -> e.camera() != from.camera()
                || !e.at().equals(from.at())).sorted(Comparator.comparing(CameraEvent::at)).toList();
        if (route.isEmpty()) {
            b.append("No other camera saw ").append(what).append(" in the three hours after ")
                    .append(CityTime.shortText(from.at())).append(" on ").append(from.cameraName()).append(" [")
                    .append(from.ref()).append("].");
            return new Written(b.toString(), cited);
        }
        b.append(capitalise(what)).append(" was last seen on ").append(from.cameraName()).append(" at ")
                .append(CityTime.shortText(from.at())).append(" [").append(from.ref()).append("]. Then:");
        for (CameraEvent e : route.subList(0, Math.min(6, route.size()))) {
            b.append("\n→ ").append(CityTime.shortText(e.at())).append(", ").append(e.cameraName()).append(" (")
                    .append(String.format(Locale.ROOT, "%.0f m away", from.position().distanceMeters(e.position())))
                    .append(") [").append(e.ref()).append(']');
            cited.add(e.ref());
        }
        if (from.attributes().plate().isEmpty()) {
            b.append("\nMatched by type, colour and clothing only (no plate), so some sightings may be someone else.");
        }
        return new Written(b.toString(), cited);
    }

    static String describeObject(CameraEvent e) {
        String kind = e.type() == ObjectType.PERSON ? "the person in " + ("a " + e.attributes().colour() + " "
                + e.attributes().clothing()).strip() : "the " + (e.attributes().colour() + " "
                + (e.attributes().clothing().isEmpty() ? e.type().label() : e.attributes().clothing())).strip();
        return kind + (e.attributes().plate().isEmpty() ? "" : " (plate " + e.attributes().plate() + ")");
    }

    public static Written explain(CameraEvent e, EventQuery last, double score, int rank) {
        StringBuilder b = new StringBuilder();
        b.append("[").append(e.ref()).append("] ").append(line(e)).append("\nWhy it matched");
        if (last == null) {
            b.append(": it is the event in focus.");
            return new Written(b.toString(), List.of(e.ref()));
        }
        b.append(" ").append(last.describe()).append(':');
        if (!last.text().isEmpty()) {
            Set<String> words = new LinkedHashSet<>();
            String text = (EventIndex.text(e)).toLowerCase(Locale.ROOT);
            for (String w : last.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (w.length() > 2 && text.contains(w.length() > 4 ? w.substring(0, w.length() - 1) : w)) {
                    words.add(w);
                }
            }
            b.append(words.isEmpty() ? "\n• keyword: none of the words appear; it was found by meaning (semantic "
                    + "search), its description being close to your words."
                    : "\n• keyword: the description and attributes contain " + String.join(", ", words) + ".");
        }
        if (!last.types().isEmpty()) {
            b.append("\n• type: ").append(e.type().label()).append('.');
        }
        if (!last.behaviours().isEmpty()) {
            b.append("\n• behaviour: ").append(e.behaviour().label()).append('.');
        }
        if (last.near() != null) {
            b.append(String.format(Locale.ROOT, "\n• place: %.0f m from %s (limit %.0f m).",
                    e.position().distanceMeters(last.near().centre()), last.near().label(),
                            last.near().radiusMeters()));
        }
        if (!last.wards().isEmpty()) {
            b.append("\n• ward: ").append(capitalise(e.wardId())).append('.');
        }
        if (last.from() != null || last.hours() != null) {
            b.append("\n• time: ").append(CityTime.shortText(e.at())).append(" is inside the time filter.");
        }
        if (rank > 0) {
            b.append(String.format(Locale.ROOT, "\nIt ranked %d with a fused score of %.4f (keyword and semantic "
                    + "rankings combined by reciprocal-rank fusion). Detector confidence %.2f.", rank, score,
                    e.confidence()));
        }
        return new Written(b.toString(), List.of(e.ref()));
    }

    public static String help() {
        return """
                I search the city's camera events and answer with the events I found (each citation opens its clip).
                Try:
                • "any people running near Shibuya Station in the last 20 minutes?"
                • "how many cars on camera 12 this week?"  • "compare today with yesterday"
                • "what happened in Taito last night?"  • "anything unusual?"
                • "cameras near the Shinjuku fire"  • "where did the red car go next?"
                • "only at night", "what about Minato?" to refine the last search
                • "show the clip of the second one", "attach it to the incident", "why did the first one match?"
                • "remember that camera 1207 faces the school gate", "forget the school gate"
                Filters (camera, ward, radius, type, behaviour, confidence, time of day) can also be edited beside the \
                results.""";
    }

    public static String smallTalk(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (q.contains("thank")) {
            return "You're welcome. Ask me about any camera, place or incident.";
        }
        if (q.contains("bye")) {
            return "Goodbye. This conversation is kept; you can continue it later.";
        }
        return "Hello. I can search the city's cameras for you: ask what they saw, where, and when.";
    }

    public static String outOfScope() {
        return "I can only answer questions about the city's camera events: what was seen, where, when, how often, "
                + "and what was unusual. Type \"help\" for examples.";
    }

    static String typeLabel(String code) {
        ObjectType t = ObjectType.fromCode(code);
        return t == null ? code : t.label();
    }

    private static String top(Map<String, Long> counts, int n, java.util.function.UnaryOperator<String> label) {
        List<String> parts = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n).map(e -> String.format(Locale.ROOT, "%s %,d", label.apply(e.getKey()), e.getValue()))
                .toList();
        long rest = counts.values().stream().mapToLong(Long::longValue).sum() - counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .mapToLong(Map.Entry::getValue).sum();
        return String.join(", ", parts) + (rest > 0 ? String.format(Locale.ROOT, ", other %,d", rest) : "");
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The intent's answer when the search found nothing to cite. */
    static String nothing(Intent intent) {
        return intent == Intent.NEAR_INCIDENT ? "No camera recorded anything near that incident in the window."
                : "Nothing found.";
    }
}
