package dev.switchboard.surveillance.model;

import dev.switchboard.core.geo.LatLon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A typed search over camera events: free text plus filters. Every question becomes one; the answer says which it
 * ran and the user can edit it as filters. Empty lists and nulls mean "any".
 *
 * @param text          words to match (keyword and semantic); may be empty when the filters say everything
 * @param near          events within a radius of a place or an incident, or null
 * @param minConfidence the detector's confidence at least this (0 = any)
 * @param from          inclusive, or null
 * @param to            exclusive, or null
 * @param hours         a time-of-day window applied on every day ("22:00–06:00"), or null
 * @param similarTo     events like this one (its description's meaning), or -1
 * @param incidentId    only events caused by this incident, or null
 * @param limit         how many results, 1..500
 */
public record EventQuery(String text, List<Integer> cameras, List<String> wards, Near near, Set<ObjectType> types,
                         Set<Behaviour> behaviours, List<String> colours, String plate, double minConfidence,
                         Instant from, Instant to, HourWindow hours, long similarTo, String incidentId, int limit,
                         Mode mode) {

    public static final int MAX_LIMIT = 500;

    public EventQuery {
        text = text == null ? "" : text.strip();
        cameras = List.copyOf(cameras == null ? List.of() : cameras);
        wards = List.copyOf(wards == null ? List.of() : wards);
        types = Set.copyOf(types == null ? Set.of() : types);
        behaviours = Set.copyOf(behaviours == null ? Set.of() : behaviours);
        colours = List.copyOf(colours == null ? List.of() : colours);
        plate = plate == null ? "" : plate.strip();
        Objects.requireNonNull(mode, "mode");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + minConfidence);
        }
    }

    /** Everything, newest first: no text, no filter, ten results, hybrid. */
    public static EventQuery all() {
        return new EventQuery("", List.of(), List.of(), null, Set.of(), Set.of(), List.of(), "", 0, null, null, null,
                -1, null, 10, Mode.HYBRID);
    }

    /** A copy with this text. */
    public EventQuery withText(String t) {
        return new EventQuery(t, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withCameras(List<Integer> c) {
        return new EventQuery(text, c, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withWards(List<String> w) {
        return new EventQuery(text, cameras, w, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withNear(Near n) {
        return new EventQuery(text, cameras, wards, n, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withTypes(Set<ObjectType> t) {
        return new EventQuery(text, cameras, wards, near, t, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withBehaviours(Set<Behaviour> b) {
        return new EventQuery(text, cameras, wards, near, types, b, colours, plate, minConfidence, from, to, hours,
                similarTo, incidentId, limit, mode);
    }

    public EventQuery withColours(List<String> c) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, c, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withPlate(String p) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, p, minConfidence, from, to,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withMinConfidence(double c) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, c, from, to, hours,
                similarTo, incidentId, limit, mode);
    }

    public EventQuery withRange(Instant f, Instant t) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, f, t,
                hours, similarTo, incidentId, limit, mode);
    }

    public EventQuery withHours(HourWindow h) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                h, similarTo, incidentId, limit, mode);
    }

    public EventQuery withSimilarTo(long id) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, id, incidentId, limit, mode);
    }

    public EventQuery withIncident(String id) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, id, limit, mode);
    }

    public EventQuery withLimit(int l) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, l, mode);
    }

    public EventQuery withMode(Mode m) {
        return new EventQuery(text, cameras, wards, near, types, behaviours, colours, plate, minConfidence, from, to,
                hours, similarTo, incidentId, limit, m);
    }

    /** Whether any filter (not the text) narrows the search. */
    public boolean hasFilters() {
        return !cameras.isEmpty() || !wards.isEmpty() || near != null || !types.isEmpty() || !behaviours.isEmpty()
                || !colours.isEmpty() || !plate.isEmpty() || minConfidence > 0 || from != null || to != null
                || hours != null || similarTo >= 0 || incidentId != null;
    }

    /** The query in words, e.g. {@code "fight" · type person · ward taito · last 20 minutes}, for the answer. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add("\"" + text + "\"");
        }
        if (similarTo >= 0) {
            parts.add("similar to " + CameraEvent.ref(similarTo));
        }
        if (!types.isEmpty()) {
            parts.add("type " + String.join(", ", new TreeSet<>(types.stream().map(ObjectType::label).toList())));
        }
        if (!behaviours.isEmpty()) {
            parts.add("behaviour " + String.join(", ",
                    new TreeSet<>(behaviours.stream().map(Behaviour::label).toList())));
        }
        if (!colours.isEmpty()) {
            parts.add("colour " + String.join(", ", colours));
        }
        if (!plate.isEmpty()) {
            parts.add("plate " + plate);
        }
        if (!cameras.isEmpty()) {
            parts.add("camera " + String.join(", ", cameras.stream().map(String::valueOf).toList()));
        }
        if (!wards.isEmpty()) {
            parts.add("ward " + String.join(", ", wards));
        }
        if (near != null) {
            parts.add(String.format(Locale.ROOT, "within %d m of %s", Math.round(near.radiusMeters()), near.label()));
        }
        if (incidentId != null) {
            parts.add("caused by incident " + incidentId);
        }
        if (from != null || to != null) {
            parts.add((from == null ? "…" : CityTime.shortText(from)) + " to "
                    + (to == null ? "now" : CityTime.shortText(to)));
        }
        if (hours != null) {
            parts.add("each day " + hours.describe());
        }
        if (minConfidence > 0) {
            parts.add(String.format(Locale.ROOT, "confidence ≥ %.2f", minConfidence));
        }
        if (parts.isEmpty()) {
            parts.add("all events");
        }
        return String.join(" · ", parts) + (mode == Mode.HYBRID ? "" : " (" + mode.label() + ")");
    }

    /** The query as the JSON the CLI prints: only what is set. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        if (!cameras.isEmpty()) {
            m.put("cameras", cameras);
        }
        if (!wards.isEmpty()) {
            m.put("wards", wards);
        }
        if (near != null) {
            m.put("near", Map.of("label", near.label(), "lat", near.centre().lat(), "lon", near.centre().lon(),
                    "radiusM", near.radiusMeters()));
        }
        if (!types.isEmpty()) {
            m.put("types", new TreeSet<>(types.stream().map(ObjectType::code).toList()));
        }
        if (!behaviours.isEmpty()) {
            m.put("behaviours", new TreeSet<>(behaviours.stream().map(Behaviour::code).toList()));
        }
        if (!colours.isEmpty()) {
            m.put("colours", colours);
        }
        if (!plate.isEmpty()) {
            m.put("plate", plate);
        }
        if (minConfidence > 0) {
            m.put("minConfidence", minConfidence);
        }
        if (from != null) {
            m.put("from", CityTime.iso(from));
        }
        if (to != null) {
            m.put("to", CityTime.iso(to));
        }
        if (hours != null) {
            m.put("hours", hours.describe());
        }
        if (similarTo >= 0) {
            m.put("similarTo", CameraEvent.ref(similarTo));
        }
        if (incidentId != null) {
            m.put("incident", incidentId);
        }
        m.put("limit", limit);
        m.put("mode", mode.name().toLowerCase(Locale.ROOT));
        return m;
    }

    /** A circle around a named place or incident. */
    public record Near(String label, LatLon centre, double radiusMeters) {
        public Near {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(centre, "centre");
            if (!(radiusMeters > 0 && radiusMeters <= 50_000)) {
                throw new IllegalArgumentException("radius must be within 1..50000 m, was " + radiusMeters);
            }
        }
    }

    /**
     * A time-of-day window on every day, in minutes since midnight; {@code start > end} wraps over midnight
     * (22:00–06:00).
     */
    public record HourWindow(int startMinute, int endMinute) {
        public HourWindow {
            if (startMinute < 0 || startMinute >= 1440 || endMinute < 0 || endMinute > 1440
                    || startMinute == endMinute) {
                throw new IllegalArgumentException("a time-of-day window needs two different times within the day");
            }
        }

        public static HourWindow hours(int startHour, int endHour) {
            return new HourWindow(startHour * 60, endHour == 24 ? 1440 : endHour * 60);
        }

        public boolean wraps() {
            return startMinute > endMinute;
        }

        public boolean contains(int minuteOfDay) {
            return wraps() ? minuteOfDay >= startMinute || minuteOfDay < endMinute
                    : minuteOfDay >= startMinute && minuteOfDay < endMinute;
        }

        /** e.g. {@code 22:00–06:00}. */
        public String describe() {
            return String.format(Locale.ROOT, "%02d:%02d–%02d:%02d", startMinute / 60, startMinute % 60,
                    endMinute / 60 % 24, endMinute % 60);
        }
    }

    /** Which rankers answer: both fused, or one alone (for comparison). */
    public enum Mode {
        HYBRID("hybrid"), KEYWORD("keyword only"), VECTOR("semantic only");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
