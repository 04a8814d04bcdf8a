package dev.switchboard.surveillance.engine;

import dev.switchboard.core.error.InputException;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.ObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Turns an interpretation into a typed query, resolving what the question leaves to the conversation: "there" and
 * "what about Shinjuku?" against the place in focus, "the same camera", "that car" and "the second one" against the
 * last results, "only at night" against the last query, "the Taito fight" against the known incidents. Pure logic
 * over its inputs; thread-safe.
 */
public final class QueryPlanner {

    /** Radius around a named place that is not a ward. */
    public static final double PLACE_RADIUS_M = 600;
    /** Radius around an incident. */
    public static final double INCIDENT_RADIUS_M = 500;

    private final CameraDirectory cameras;

    public QueryPlanner(CameraDirectory cameras) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
    }

    /**
     * What to run for a question.
     *
     * @param query       the search to run, or null when the intent needs none
     * @param target      the event the question is about (clip, explain, attach, track), or null
     * @param incident    the incident it is about, or null
     * @param previous    for a comparison: the same query over the previous period, else null
     */
    public record Plan(Intent intent, EventQuery query, CameraEvent target, IncidentRef incident,
                       EventQuery previous, List<String> notes) {
        public Plan {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param incidents the known incidents, newest first
     * @param events    looks an event up by id (null when absent)
     * @throws InputException for a camera that does not exist, or a question about "that" with nothing in focus
     */
    public Plan plan(Interpretation in, Focus focus, Instant now, List<IncidentRef> incidents,
                     LongFunction<CameraEvent> events) {
        Entities e = in.entities();
        Intent intent = in.intent();
        List<String> notes = new ArrayList<>();
        for (int c : e.cameras()) {
            if (cameras.camera(c).isEmpty()) {
                throw InputException.field("camera", "there is no camera " + c + "; cameras are numbered 1–"
                        + cameras.size());
            }
        }
        switch (intent) {
            case HELP, SMALL_TALK, OUT_OF_SCOPE, REMEMBER, FORGET -> {
                return new Plan(intent, null, null, null, null, notes);
            }
            case SHOW_CLIP, EXPLAIN, ATTACH -> {
                CameraEvent target = target(e, focus, events);
                IncidentRef incident = intent == Intent.ATTACH ? incident(e, focus, incidents).orElse(null) : null;
                return new Plan(intent, null, target, incident, null, notes);
            }
            default -> {
                // the searching intents below
            }
        }
        boolean refine = intent == Intent.REFINE;
        EventQuery q = refine && focus.lastQuery != null ? focus.lastQuery.query() : EventQuery.all();
        q = q.withSimilarTo(-1);
        IncidentRef incident = null;
        CameraEvent target = null;
        if (intent == Intent.NEAR_INCIDENT) {
            incident = incident(e, focus, incidents).orElseThrow(() -> InputException.field("incident",
                    "no incident matches; open one in the control room or the call console, or name it by its id"));
            double radius = e.radiusMeters() > 0 ? e.radiusMeters() : INCIDENT_RADIUS_M;
            q = q.withNear(new EventQuery.Near(incident.title(), incident.position(), radius)).withWards(List.of())
                    .withRange(incident.at().minus(Duration.ofMinutes(30)), incident.at().plus(Duration.ofMinutes(90)))
                    .withLimit(20);
        }
        if (intent == Intent.TRACK) {
            target = target(e, focus, events);
            String plate = target.attributes().plate();
            q = EventQuery.all().withTypes(Set.of(target.type()))
                    .withRange(target.at().plusMillis(1), target.at().plus(Duration.ofHours(3))).withLimit(20);
            if (!plate.isEmpty()) {
                q = q.withPlate(plate);
            } else {
                q = q.withColours(target.attributes().colour().isEmpty() ? List.of()
                        : List.of(target.attributes().colour()))
                        .withText(target.attributes().clothing()).withNear(new EventQuery.Near(target.cameraName(),
                                target.position(), 2500));
            }
            return new Plan(intent, q, target, null, null, notes);
        }
        // Text: a new search takes the question's words; a refinement keeps the old text unless new words came.
        if (!refine || !e.text().isEmpty() && (e.types().isEmpty() && e.behaviours().isEmpty()
                && e.place() == null)) {
            if (intent == Intent.SEARCH || intent == Intent.REFINE) {
                q = q.withText(e.text());
            } else {
                q = q.withText("");
            }
        }
        if (!e.cameras().isEmpty()) {
            q = q.withCameras(e.cameras());
        } else if (e.sameCamera()) {
            if (focus.camera == null) {
                throw InputException.field("camera", "no camera is in focus yet; name one, e.g. camera 12");
            }
            q = q.withCameras(List.of(focus.camera));
        }
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        types.addAll(e.types());
        Set<Behaviour> behaviours = EnumSet.noneOf(Behaviour.class);
        behaviours.addAll(e.behaviours());
        if (intent == Intent.NEAR_INCIDENT && e.incidentWord() != null) {
            // "the Shinjuku fire" names the incident, not what the cameras should show.
            types.remove(ObjectType.FIRE_SMOKE);
            behaviours.removeAll(Set.of(Behaviour.BURNING, Behaviour.FIGHTING, Behaviour.CRASH, Behaviour.FALL));
        }
        if (!types.isEmpty()) {
            q = q.withTypes(types);
        }
        if (!behaviours.isEmpty()) {
            q = q.withBehaviours(behaviours);
        }
        if (!e.colours().isEmpty()) {
            q = q.withColours(e.colours());
        }
        if (!e.plate().isEmpty()) {
            q = q.withPlate(e.plate());
        }
        if (e.minConfidence() > 0) {
            q = q.withMinConfidence(e.minConfidence());
        }
        if (e.place() != null && intent != Intent.NEAR_INCIDENT) {
            PlaceResolver.Place p = e.place();
            if (p.isWard() && e.radiusMeters() == 0) {
                q = q.withWards(List.of(p.wardId())).withNear(null);
            } else {
                q = q.withWards(List.of()).withNear(new EventQuery.Near(p.name(), p.position(),
                        e.radiusMeters() > 0 ? e.radiusMeters() : PLACE_RADIUS_M));
            }
        } else if (e.there() && intent != Intent.NEAR_INCIDENT) {
            if (focus.near() != null) {
                q = q.withNear(focus.near()).withWards(List.of());
            } else if (focus.wardId != null) {
                q = q.withWards(List.of(focus.wardId));
            } else {
                throw InputException.field("place", "no place is in focus yet; name one, e.g. near Shibuya Station");
            }
        } else if (e.radiusMeters() > 0 && q.near() != null) {
            q = q.withNear(new EventQuery.Near(q.near().label(), q.near().centre(), e.radiusMeters()));
        }
        TimeExpressions.Parsed t = e.time();
        if (t.from() != null || t.to() != null) {
            q = q.withRange(t.from(), t.to());
        }
        if (t.hours() != null) {
            q = q.withHours(t.hours());
        }
        if (q.from() == null && q.to() == null && !refine) {
            Duration d = switch (intent) {
                case SUMMARISE, UNUSUAL -> Duration.ofHours(24);
                case COMPARE -> Duration.ofDays(1);
                default -> null;
            };
            if (d != null) {
                q = q.withRange(now.minus(d), now);
                notes.add("over the last " + (d.toHours() == 24 ? "24 hours" : d.toDays() + " days"));
            }
        }
        if (intent == Intent.COUNT || intent == Intent.SUMMARISE || intent == Intent.COMPARE) {
            q = q.withText("");
        }
        EventQuery previous = null;
        if (intent == Intent.COMPARE) {
            Instant to = q.to() == null ? now : q.to();
            Instant from = q.from() == null ? to.minus(Duration.ofDays(1)) : q.from();
            Duration span = Duration.between(from, to);
            q = q.withRange(from, to);
            previous = q.withRange(from.minus(span), from);
        }
        return new Plan(intent, q, null, incident, previous, notes);
    }

    /** The event a question points at: by reference, by ordinal in the last results, or the one in focus. */
    private CameraEvent target(Entities e, Focus focus, LongFunction<CameraEvent> events) {
        Long id = null;
        if (!e.eventRefs().isEmpty()) {
            id = e.eventRefs().get(0);
        } else if (e.ordinal() > 0 && e.ordinal() <= focus.lastResults.size()) {
            id = focus.lastResults.get(e.ordinal() - 1);
        } else if (e.ordinal() > 0) {
            throw InputException.field("result", "there is no result number " + e.ordinal() + "; the last search "
                    + "showed " + focus.lastResults.size());
        } else if (!e.colours().isEmpty() || !e.types().isEmpty()) {
            // "where did the red car go next?": the first recent result that fits.
            for (Long candidate : focus.lastResults) {
                CameraEvent c = events.apply(candidate);
                if (c != null && (e.colours().isEmpty() || e.colours().contains(c.attributes().colour()))
                        && (e.types().isEmpty() || e.types().contains(c.type()))) {
                    id = candidate;
                    break;
                }
            }
        }
        if (id == null && focus.event != null) {
            id = focus.event;
        }
        if (id == null && !focus.lastResults.isEmpty()) {
            id = focus.lastResults.get(0);
        }
        if (id == null) {
            throw InputException.field("event", "no event is in focus yet; search first, or name one, e.g. E1042");
        }
        CameraEvent found = events.apply(id);
        if (found == null) {
            throw InputException.field("event", "there is no event " + CameraEvent.ref(id));
        }
        return found;
    }

    /** The incident a question names: by id, by "the <place> <kind>", or the one in focus, or the newest open. */
    private static Optional<IncidentRef> incident(Entities e, Focus focus, List<IncidentRef> incidents) {
        if (e.incidentId() != null) {
            return incidents.stream().filter(i -> i.id().equalsIgnoreCase(e.incidentId())).findFirst();
        }
        if (e.incidentWord() != null && !e.incidentWord().equals("incident")) {
            String kind = e.incidentWord();
            String ward = e.place() == null ? null : e.place().wardId();
            for (IncidentRef i : incidents) {
                String title = i.title().toLowerCase(Locale.ROOT);
                boolean kindFits = title.contains(kind) || EventGenerator.IncidentKind.guess(kind)
                        == EventGenerator.IncidentKind.guess(title);
                if (kindFits && (ward == null || ward.equals(i.wardId()))) {
                    return Optional.of(i);
                }
            }
        }
        if (focus.incidentId != null) {
            Optional<IncidentRef> f = incidents.stream().filter(i -> i.id().equals(focus.incidentId)).findFirst();
            if (f.isPresent()) {
                return f;
            }
        }
        Optional<IncidentRef> open = incidents.stream().filter(IncidentRef::open).findFirst();
        return open.isPresent() ? open : incidents.stream().findFirst();
    }

}
