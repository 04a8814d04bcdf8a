package dev.switchboard.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.ai.Provenance;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.surveillance.engine.ClipService;
import dev.switchboard.surveillance.engine.PlaceResolver;
import dev.switchboard.surveillance.engine.Surveillance;
import dev.switchboard.surveillance.model.Answer;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.ObjectType;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard surveillance ...}: camera events: generate history, search, ask, insights, clips. */
@Command(name = "surveillance", description = "Surveillance chat over the city's camera events: generate, search, "
        + "ask, insights, clip.", mixinStandardHelpOptions = true)
public final class SurveillanceCommand extends DataDirCommand {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "generate", description = "Fill the store with camera events of the last D days, deterministic "
            + "for the seed (same seed and span: same events; a repeat changes nothing).")
    int generate(@Option(names = "--days", defaultValue = "7") int days,
                 @Option(names = "--events", defaultValue = "100000") long events,
                 @Option(names = "--seed", defaultValue = "42") long seed,
                 @Option(names = "--until", paramLabel = "ISO", description = "End of the span (default: now, to the "
                         + "minute).") String until,
                 @Option(names = "--json") boolean json) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workstation ws = openWorkstation()) {
            Surveillance s = ws.surveillance();
            long[] shown = {-1};
            s.setProgress((stage, done, total) -> {
                long pct = total == 0 ? 0 : done * 100 / total;
                if (pct / 10 != shown[0]) {
                    shown[0] = pct / 10;
                    err.printf(Locale.ROOT, "%s: %,d of %,d (%d %%)%n", stage, done, total, pct);
                    err.flush();
                }
            });
            Instant end = until == null ? ws.wallClock().instant() : instant(until, "until");
            Surveillance.Generated g = s.generate(days, events, seed, end, (stage, done, total) -> {
                long pct = total == 0 ? 0 : done * 100 / total;
                if (pct / 10 != shown[0]) {
                    shown[0] = pct / 10;
                    err.printf(Locale.ROOT, "%s: %,d of %,d (%d %%)%n", stage, done, total, pct);
                    err.flush();
                }
            });
            if (!g.alreadyThere()) {
                shown[0] = -1;
                s.search().awaitEmbeddings(30, TimeUnit.MINUTES);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("events", g.events());
            m.put("from", CityTime.iso(g.from()));
            m.put("to", CityTime.iso(g.to()));
            m.put("seed", seed);
            m.put("incidents", g.incidents());
            m.put("alreadyGenerated", g.alreadyThere());
            m.put("stored", s.store().count());
            m.put("descriptions", s.store().phraseCount());
            m.put("indexBytes", s.search().indexBytes());
            m.put("millis", g.millis());
            if (json) {
                out.println(JSON.writeValueAsString(m));
            } else if (g.alreadyThere()) {
                out.printf(Locale.ROOT, "Already generated: seed %d from %s to %s; nothing changed (%,d events "
                        + "stored).%n", seed, m.get("from"), m.get("to"), s.store().count());
            } else {
                out.printf(Locale.ROOT, "Generated %,d camera events from %s to %s (seed %d, %d incidents) in %.1f s; "
                        + "%,d distinct descriptions embedded; index %.1f MiB.%n", g.events(), m.get("from"),
                        m.get("to"), seed, g.incidents(), g.millis() / 1000.0, s.store().phraseCount(),
                        s.search().indexBytes() / 1048576.0);
            }
            return 0;
        }
    }

    @Command(name = "search", description = "Hybrid (keyword + semantic) search with filters.")
    int search(@Parameters(paramLabel = "QUERY", defaultValue = "") String text,
               @Option(names = "--camera", paramLabel = "C") List<Integer> cameras,
               @Option(names = "--ward", paramLabel = "W") List<String> wards,
               @Option(names = "--type", paramLabel = "T", description = "person, car, truck, bicycle, motorcycle, "
                       + "bag, animal, crowd, fire-smoke") List<String> types,
               @Option(names = "--behaviour", paramLabel = "B") List<String> behaviours,
               @Option(names = "--from", paramLabel = "ISO") String from,
               @Option(names = "--to", paramLabel = "ISO") String to,
               @Option(names = "--hours", paramLabel = "HH-HH", description = "Time of day on every day, e.g. 22-06")
               String hours,
               @Option(names = "--near", paramLabel = "PLACE") String near,
               @Option(names = "--radius-m", paramLabel = "M", defaultValue = "500") double radius,
               @Option(names = "--min-confidence", defaultValue = "0") double minConfidence,
               @Option(names = "--similar-to", paramLabel = "EVENT") String similarTo,
               @Option(names = "--mode", defaultValue = "hybrid", description = "hybrid, keyword or vector")
               String mode,
               @Option(names = "--limit", defaultValue = "10") int limit,
               @Option(names = "--json") boolean json) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Surveillance s = ws.surveillance();
            EventQuery q = query(s, text, cameras, wards, types, behaviours, from, to, hours, near, radius,
                    minConfidence, similarTo, mode, limit);
            SearchResult r = s.search(q, cliActor());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("query", q.toJson());
                m.put("totalMatches", r.totalMatches());
                m.put("results", r.hits().stream().map(SurveillanceCommand::hit).toList());
                out.println(JSON.writeValueAsString(m));
            } else {
                out.printf(Locale.ROOT, "%s: %,d matches, %.1f ms%n", q.describe(), r.totalMatches(),
                        r.tookMicros() / 1000.0);
                for (SearchHit h : r.hits()) {
                    CameraEvent e = h.event();
                    out.printf(Locale.ROOT, "%-9s %s  %-40s %-10s %-16s %.4f  %s%n", e.ref(), CityTime.iso(e.at()),
                            e.cameraName(), e.type().code(), e.behaviour().code(), h.score(), e.description());
                }
            }
            return 0;
        }
    }

    static EventQuery query(Surveillance s, String text, List<Integer> cameras, List<String> wards, List<String> types,
                            List<String> behaviours, String from, String to, String hours, String near, double radius,
                            double minConfidence, String similarTo, String mode, int limit) {
        EventQuery q = EventQuery.all().withText(text).withLimit(limit(limit));
        if (cameras != null) {
            for (int c : cameras) {
                if (s.cameras().camera(c).isEmpty()) {
                    throw InputException.field("--camera", "there is no camera " + c + "; cameras are numbered 1–"
                            + s.cameras().size());
                }
            }
            q = q.withCameras(cameras);
        }
        if (wards != null) {
            List<String> ids = new ArrayList<>();
            for (String w : wards) {
                ids.add(s.places().ward(w).map(PlaceResolver.Ward::id).orElseThrow(() -> InputException.field(
                        "--ward", "unknown ward \"" + w + "\"; wards: " + String.join(", ", s.places().wards().stream()
                                .map(PlaceResolver.Ward::id).toList()))));
            }
            q = q.withWards(ids);
        }
        if (types != null) {
            Set<ObjectType> t = EnumSet.noneOf(ObjectType.class);
            for (String code : types) {
                ObjectType type = ObjectType.fromCode(code);
                if (type == null) {
                    throw InputException.field("--type", "unknown type \"" + code + "\"; types: " + String.join(", ",
                            java.util.Arrays.stream(ObjectType.values()).map(ObjectType::code).toList()));
                }
                t.add(type);
            }
            q = q.withTypes(t);
        }
        if (behaviours != null) {
            Set<Behaviour> b = EnumSet.noneOf(Behaviour.class);
            for (String code : behaviours) {
                Behaviour behaviour = Behaviour.fromCode(code);
                if (behaviour == null) {
                    throw InputException.field("--behaviour", "unknown behaviour \"" + code + "\"; behaviours: "
                            + String.join(", ", java.util.Arrays.stream(Behaviour.values()).map(Behaviour::code)
                            .toList()));
                }
                b.add(behaviour);
            }
            q = q.withBehaviours(b);
        }
        Instant f = from == null ? null : instant(from, "--from");
        Instant t = to == null ? null : instant(to, "--to");
        if (f != null && t != null && !t.isAfter(f)) {
            throw InputException.field("--to", "is not after --from; the range would be empty");
        }
        q = q.withRange(f, t);
        if (hours != null) {
            String[] parts = hours.split("-");
            try {
                q = q.withHours(EventQuery.HourWindow.hours(Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip())));
            } catch (RuntimeException e) {
                throw InputException.field("--hours", "\"" + hours + "\" is not two different hours, e.g. 22-06");
            }
        }
        if (near != null) {
            PlaceResolver.Place p = s.places().resolve(near).orElseThrow(() -> InputException.field("--near",
                    "no place called \"" + near + "\" in the gazetteer"));
            if (!(radius > 0 && radius <= 50_000)) {
                throw InputException.field("--radius-m", "must be within 1..50000");
            }
            q = q.withNear(new EventQuery.Near(p.name(), p.position(), radius));
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw InputException.field("--min-confidence", "must be within 0..1");
        }
        q = q.withMinConfidence(minConfidence);
        if (similarTo != null) {
            long id = CameraEvent.parseRef(similarTo);
            if (id < 0) {
                throw InputException.field("--similar-to", "\"" + similarTo + "\" is not an event reference such as "
                        + "E1042");
            }
            q = q.withSimilarTo(id);
        }
        EventQuery.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "hybrid" -> EventQuery.Mode.HYBRID;
            case "keyword" -> EventQuery.Mode.KEYWORD;
            case "vector", "semantic" -> EventQuery.Mode.VECTOR;
            default -> throw InputException.field("--mode", "must be hybrid, keyword or vector");
        };
        return q.withMode(m);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
            throw InputException.field("--limit", "must be within 1.." + EventQuery.MAX_LIMIT);
        }
        return limit;
    }

    static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(CityTime.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay(CityTime.ZONE).toInstant();
                } catch (DateTimeParseException e3) {
                    throw InputException.field(field, "\"" + text + "\" is not an ISO-8601 date or time, e.g. "
                            + "2025-06-01T22:00+09:00");
                }
            }
        }
    }

    static Map<String, Object> hit(SearchHit h) {
        CameraEvent e = h.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.ref());
        m.put("time", CityTime.iso(e.at()));
        m.put("camera", e.camera());
        m.put("cameraName", e.cameraName());
        m.put("ward", e.wardId());
        m.put("type", e.type().code());
        m.put("behaviour", e.behaviour().code());
        m.put("description", e.description());
        if (!e.attributes().plate().isEmpty()) {
            m.put("plate", e.attributes().plate());
        }
        m.put("confidence", e.confidence());
        if (e.incidentId() != null) {
            m.put("incident", e.incidentId());
        }
        m.put("score", h.score());
        m.put("clip", h.clip());
        return m;
    }

    @Command(name = "ask", description = "Ask a question; --conversation ID continues a conversation (also from "
            + "another process).")
    int ask(@Parameters(paramLabel = "QUESTION") String question,
            @Option(names = "--conversation", paramLabel = "ID") String conversation,
            @Option(names = "--json") boolean json) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Surveillance s = ws.surveillance();
            Answer a = s.ask(conversation, cliActor(), cliActor(), question, t -> { });
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("conversation", a.conversation());
                m.put("intent", a.intent().code());
                m.put("confidence", a.confidence());
                m.put("query", a.query() == null ? null : a.query().toJson());
                m.put("answer", a.text());
                m.put("citations", a.citations());
                m.put("followUps", a.followUps());
                m.put("provenance", provenance(a.provenance()));
                m.put("results", a.hits().stream().map(SurveillanceCommand::hit).toList());
                out.println(JSON.writeValueAsString(m));
            } else {
                out.println(a.text());
                out.println();
                out.printf(Locale.ROOT, "intent: %s (%.2f) · query: %s · %s%n", a.intent().label(), a.confidence(),
                        a.query() == null ? "none" : a.query().describe(), a.provenance().label());
                out.println("follow-ups: " + String.join(" | ", a.followUps()));
                out.println("conversation: " + a.conversation());
            }
            return 0;
        }
    }

    static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source().name().toLowerCase(Locale.ROOT));
        m.put("provider", p.provider());
        m.put("model", p.model());
        m.put("latencyMs", p.latency().toMillis());
        m.put("note", p.note());
        return m;
    }

    @Command(name = "insights", description = "Unusual activity against each camera's and ward's baseline, night "
            + "loitering, repeated plates, clusters around open incidents.")
    int insights(@Option(names = "--json") boolean json) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            List<Insight> found = ws.surveillance().insights();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Insight i : found) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", i.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    m.put("title", i.title());
                    m.put("detail", i.detail());
                    m.put("significance", i.significance());
                    m.put("evidence", i.evidence());
                    list.add(m);
                }
                out.println(JSON.writeValueAsString(Map.of("insights", list)));
            } else if (found.isEmpty()) {
                out.println("Nothing unusual.");
            } else {
                for (Insight i : found) {
                    out.printf(Locale.ROOT, "%.2f  %s%n      %s%n      evidence: %s%n", i.significance(), i.title(),
                            i.detail(), String.join(" ", i.evidence()));
                }
            }
            return 0;
        }
    }

    @Command(name = "clip", description = "Export an event's clip as an animated GIF (or its still as PNG when FILE "
            + "ends in .png). Never overwrites a file.")
    int clip(@Parameters(paramLabel = "EVENT") String event,
             @Option(names = "--out", paramLabel = "FILE", required = true) Path file) throws IOException {
        long id = CameraEvent.parseRef(event);
        if (id < 0) {
            throw InputException.field("EVENT", "\"" + event + "\" is not an event reference such as E1042");
        }
        if (Files.exists(file)) {
            throw new InputException(file, 0, null, "already exists; choose another file name (nothing was written)");
        }
        try (Workstation ws = openWorkstation()) {
            Surveillance s = ws.surveillance();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                CameraEvent e = s.event(id);
                s.clip(id, cliActor());
                ClipService.writePng(s.still(e), file);
            } else {
                ClipService.writeGif(s.clip(id, cliActor()), file);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%,d bytes).%n", file, Files.size(file));
            return 0;
        }
    }
}
