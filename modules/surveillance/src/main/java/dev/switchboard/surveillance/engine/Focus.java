package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.ObjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The entities in focus in a conversation and its last query: what "there", "the same camera", "that car", "the
 * second one" and "only at night" refer to. Stored with the conversation (JSON), so it survives a restart.
 * Plain data with public fields for Jackson; copies are made with {@link #copy()}.
 */
public final class Focus {

    public String placeName;
    public Double lat;
    public Double lon;
    public Double radiusMeters;
    public String wardId;
    public Integer camera;
    public Long event;
    public String type;
    public String colour;
    public String plate;
    public String incidentId;
    public List<Long> lastResults = new ArrayList<>();
    public QueryState lastQuery;

    public Focus copy() {
        Focus f = new Focus();
        f.placeName = placeName;
        f.lat = lat;
        f.lon = lon;
        f.radiusMeters = radiusMeters;
        f.wardId = wardId;
        f.camera = camera;
        f.event = event;
        f.type = type;
        f.colour = colour;
        f.plate = plate;
        f.incidentId = incidentId;
        f.lastResults = new ArrayList<>(lastResults);
        f.lastQuery = lastQuery;
        return f;
    }

    /** The place in focus as a circle, or null. */
    public EventQuery.Near near() {
        return lat == null || lon == null ? null : new EventQuery.Near(placeName == null ? "the place" : placeName,
                new LatLon(lat, lon), radiusMeters == null ? 500 : radiusMeters);
    }

    /** An {@link EventQuery} as plain values for JSON. */
    public record QueryState(String text, List<Integer> cameras, List<String> wards, String nearLabel, Double nearLat,
                             Double nearLon, Double nearRadius, List<String> types, List<String> behaviours,
                             List<String> colours, String plate, double minConfidence, Long fromMs, Long toMs,
                             Integer hourStart, Integer hourEnd, long similarTo, String incident, int limit,
                             String mode) {

        public static QueryState of(EventQuery q) {
            return new QueryState(q.text(), q.cameras(), q.wards(), q.near() == null ? null : q.near().label(),
                    q.near() == null ? null : q.near().centre().lat(),
                            q.near() == null ? null : q.near().centre().lon(),
                    q.near() == null ? null : q.near().radiusMeters(),
                            q.types().stream().map(ObjectType::code).toList(),
                    q.behaviours().stream().map(Behaviour::code).toList(), q.colours(), q.plate(), q.minConfidence(),
                    q.from() == null ? null : q.from().toEpochMilli(), q.to() == null ? null : q.to().toEpochMilli(),
                    q.hours() == null ? null : q.hours().startMinute(),
                            q.hours() == null ? null : q.hours().endMinute(),
                    q.similarTo(), q.incidentId(), q.limit(), q.mode().name());
        }

        public EventQuery query() {
            Set<ObjectType> t = EnumSet.noneOf(ObjectType.class);
            types.forEach(c -> t.add(ObjectType.fromCode(c)));
            Set<Behaviour> b = EnumSet.noneOf(Behaviour.class);
            behaviours.forEach(c -> b.add(Behaviour.fromCode(c)));
            return new EventQuery(text, cameras, wards, nearLat == null ? null
                    : new EventQuery.Near(nearLabel, new LatLon(nearLat, nearLon), nearRadius), t, b, colours, plate,
                    minConfidence, fromMs == null ? null : Instant.ofEpochMilli(fromMs),
                    toMs == null ? null : Instant.ofEpochMilli(toMs),
                    hourStart == null ? null : new EventQuery.HourWindow(hourStart, hourEnd), similarTo, incident,
                    limit, EventQuery.Mode.valueOf(mode));
        }
    }
}
