package dev.switchboard.review.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.CallMetrics;
import dev.switchboard.review.model.IncidentMark;
import dev.switchboard.review.model.TimelineItem;
import dev.switchboard.review.model.TimelineKind;
import dev.switchboard.review.model.UnitFix;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.RecordingSeals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one session's event log says, parsed once: the call's entries after the contract in {@link CallLog},
 * and the control room's {@code city.*} entries. An entry that does not parse is logged and shown on the
 * timeline as it stands; it never stops the review.
 *
 * <p>Times: call entries carry {@code atMs} since the recording started; entries without one (start,
 * score) take the time of the entry before them. Control-room entries use the log's sim time, counted from
 * the session's first entry.
 */
public record SessionLog(Optional<CallLog.Started> started, List<CallLog.Utterance> utterances,
                         List<TimelineItem> timeline, List<CallLog.Emotion> emotions, List<UnitFix> unitFixes,
                         List<IncidentMark> incidents, Optional<CallLog.Score> score, Optional<CallLog.Ended> ended,
                         CallMetrics metrics, long lastMs, long entries) {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int PAGE = 5000;
    /** The pseudo-field the call logs when its location becomes verified on the map. */
    private static final String LOCATION_FIELD = "LOCATION";

    /**
     * Reads every entry of {@code session} from {@code log}, page by page, parsing each page as it comes: only
     * what the view shows is kept, never the whole log at once (a two-hour call has tens of thousands of entries).
     */
    public static SessionLog read(EventLog log, SessionId session) {
        Parser p = new Parser();
        long count = 0;
        long from = 1;
        while (true) {
            List<EventLogEntry> page = log.read(session, from, PAGE);
            for (EventLogEntry e : page) {
                p.accept(e);
            }
            count += page.size();
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).seq() + 1;
        }
        return p.finish(count);
    }

    /** Parses entries of one session in chain order. */
    public static SessionLog parse(List<EventLogEntry> entries) {
        Parser p = new Parser();
        for (EventLogEntry e : entries) {
            p.accept(e);
        }
        return p.finish(entries.size());
    }

    private static final class Parser {
        private CallLog.Started started;
        private final List<CallLog.Utterance> utterances = new ArrayList<>();
        private final List<TimelineItem> timeline = new ArrayList<>();
        private final List<CallLog.Emotion> emotions = new ArrayList<>();
        private final List<UnitFix> fixes = new ArrayList<>();
        private final List<IncidentMark> incidents = new ArrayList<>();
        private final Map<String, String> unitStates = new HashMap<>();
        private final Map<String, String> incidentRefs = new HashMap<>();
        private CallLog.Score score;
        private CallLog.Ended ended;
        private Long answerMs;
        private long answeredAtMs = -1;
        private long locationAtMs = -1;
        private long dispatchAtMs = -1;
        private Long cityDispatchMs;
        private long lastMs;
        private long firstSim = Long.MIN_VALUE;

        void accept(EventLogEntry e) {
            String type = e.type();
            if (firstSim == Long.MIN_VALUE) {
                firstSim = e.simTimeMillis();
            }
            try {
                if (type.startsWith("call.")) {
                    call(e, type);
                } else if (type.startsWith("city.")) {
                    city(e, type);
                } else if (type.equals("surveillance.clip.attached")) {
                    JsonNode n = JSON.readTree(e.payload());
                    add(lastMs, TimelineKind.INCIDENT, e, "Camera clip " + n.path("event").asText() + " attached to "
                            + n.path("incident").asText() + " by " + n.path("by").asText() + ": "
                            + n.path("cameraName").asText() + ", " + n.path("description").asText());
                } else if (type.startsWith("exercise.")) {
                    add(lastMs, TimelineKind.OTHER, e, Words.exercise(type, JSON.readTree(e.payload())));
                } else if (type.equals(RecordingSeals.SEALED)) {
                    // The recording's fingerprint: shown by the recording check, not as a moment of the call.
                    return;
                } else {
                    add(lastMs, TimelineKind.OTHER, e, Words.sentence(type));
                }
            } catch (JsonProcessingException | RuntimeException ex) {
                LOG.warn("Session {} entry {} ({}) does not parse: {}", e.session(), e.seq(), type, ex.getMessage());
                add(lastMs, TimelineKind.OTHER, e, Words.sentence(type) + " (this entry could not be read)");
            }
        }

        private void call(EventLogEntry e, String type) throws JsonProcessingException {
            String json = e.payload();
            switch (type) {
                case CallLog.STARTED -> {
                    started = JSON.readValue(json, CallLog.Started.class);
                    add(0, TimelineKind.CALL, e, "Call started: " + started.scenarioTitle());
                }
                case CallLog.RINGING -> {
                    CallLog.Ringing r = JSON.readValue(json, CallLog.Ringing.class);
                    add(r.atMs(), TimelineKind.CALL, e, "Ringing");
                }
                case CallLog.ANSWERED -> {
                    CallLog.Answered a = JSON.readValue(json, CallLog.Answered.class);
                    if (answerMs == null) {
                        answerMs = a.answerMs();
                        answeredAtMs = a.atMs();
                    }
                    add(a.atMs(), TimelineKind.CALL, e, String.format(Locale.ROOT, "Answered after %.1f s",
                            a.answerMs() / 1000.0));
                }
                case CallLog.CONTROL -> {
                    CallLog.Control c = JSON.readValue(json, CallLog.Control.class);
                    add(c.atMs(), TimelineKind.CONTROL, e, Words.control(c.action(), c.detail()));
                }
                case CallLog.UTTERANCE -> {
                    CallLog.Utterance u = JSON.readValue(json, CallLog.Utterance.class);
                    utterances.add(u);
                    lastMs = Math.max(lastMs, u.endMs());
                }
                case CallLog.ENTITY -> {
                    CallLog.Entity en = JSON.readValue(json, CallLog.Entity.class);
                    add(en.atMs(), TimelineKind.ENTITY, e, Words.entity(en.speaker(), en.type(), en.value()));
                }
                case CallLog.CAD_EDIT -> {
                    CallLog.CadEdit c = JSON.readValue(json, CallLog.CadEdit.class);
                    // The location target is met by the verified location, as the score marks it.
                    if (locationAtMs < 0 && LOCATION_FIELD.equals(c.field()) && !blank(c.newValue())) {
                        locationAtMs = c.atMs();
                    }
                    add(c.atMs(), TimelineKind.CAD, e, Words.cadEdit(c.field(), c.oldValue(), c.newValue(), c.by()));
                }
                case CallLog.DISPATCHED -> {
                    CallLog.Dispatch d = JSON.readValue(json, CallLog.Dispatch.class);
                    dispatchAtMs = dispatchAtMs < 0 ? d.atMs() : dispatchAtMs;
                    incidents.add(new IncidentMark(d.reference(), d.atMs(), d.lat(), d.lon(),
                            d.nature() + " (" + d.natureCode() + ")"));
                    add(d.atMs(), TimelineKind.DISPATCH, e, "Dispatched " + d.nature() + " (priority " + d.priority()
                            + ") to " + d.address() + ": " + Words.units(d.units()));
                }
                case CallLog.EMOTION -> {
                    CallLog.Emotion em = JSON.readValue(json, CallLog.Emotion.class);
                    emotions.add(em);
                    add(em.atMs(), TimelineKind.EMOTION, e, Words.emotion(em.value(), em.reason()));
                }
                case CallLog.VOICE -> {
                    // The trainee's voice level: shown by the waveform, not item by item.
                }
                case CallLog.UNIT -> {
                    CallLog.UnitUpdate u = JSON.readValue(json, CallLog.UnitUpdate.class);
                    fixes.add(new UnitFix(u.atMs(), u.unitId(), u.unitType(), u.state(), u.lat(), u.lon(),
                            u.heading()));
                    String before = unitStates.put(u.unitId(), u.state());
                    if (!Objects.equals(before, u.state())) {
                        add(u.atMs(), TimelineKind.UNIT, e, Words.unit(u.unitId()) + " " + Words.state(u.state()));
                    }
                }
                case CallLog.DISPATCH_ANSWERED -> {
                    CallLog.DispatchAnswer a = JSON.readValue(json, CallLog.DispatchAnswer.class);
                    add(a.atMs(), TimelineKind.DISPATCH, e, "The control room "
                            + (a.sentUnits().isEmpty() ? "had no unit free to send at once"
                            : "sent " + String.join(", ", a.sentUnits().stream().map(Words::unit).toList()))
                            + (a.waiting().isEmpty() ? "" : "; waiting for a free " + Words.units(a.waiting())));
                }
                case CallLog.ENDED -> {
                    ended = JSON.readValue(json, CallLog.Ended.class);
                    add(ended.atMs(), TimelineKind.CALL, e, Words.ended(ended.reason()));
                }
                case CallLog.SCORED -> {
                    score = JSON.readValue(json, CallLog.Score.class);
                    add(lastMs, TimelineKind.SCORE, e, String.format(Locale.ROOT, "Scored %.0f out of 100",
                            score.total()));
                }
                case CallLog.INTERRUPTED -> {
                    CallLog.Interrupted i = JSON.readValue(json, CallLog.Interrupted.class);
                    add(i.lastMs(), TimelineKind.CALL, e, "The call was interrupted: " + i.detail());
                }
                default -> add(lastMs, TimelineKind.OTHER, e, Words.sentence(type));
            }
        }

        private void city(EventLogEntry e, String type) throws JsonProcessingException {
            long at = Math.max(0, e.simTimeMillis() - firstSim);
            JsonNode n = JSON.readTree(e.payload());
            switch (type) {
                case "city.incident.created" -> {
                    String id = n.path("incident").asText();
                    incidentRefs.put(id, n.path("title").asText());
                    if (n.hasNonNull("lat") && n.hasNonNull("lon")) {
                        incidents.add(new IncidentMark(id, at, n.path("lat").asDouble(), n.path("lon").asDouble(),
                                id + " " + n.path("title").asText()));
                    }
                    add(at, TimelineKind.INCIDENT, e, id + " opened: " + n.path("title").asText() + " (P"
                            + n.path("priority").asInt() + ")");
                }
                case "city.incident.escalated" -> add(at, TimelineKind.INCIDENT, e, n.path("incident").asText()
                        + " escalated from " + Words.state(n.path("from").asText()) + " to "
                        + Words.state(n.path("to").asText()));
                case "city.incident.state_changed" -> add(at, TimelineKind.INCIDENT, e,
                        n.path("incident").asText() + " is now " + Words.state(n.path("state").asText()));
                case "city.incident.resolved" -> add(at, TimelineKind.INCIDENT, e,
                        n.path("incident").asText() + " resolved");
                case "city.unit.dispatched" -> {
                    cityDispatchMs = cityDispatchMs == null ? at : cityDispatchMs;
                    add(at, TimelineKind.DISPATCH, e, Words.unit(n.path("unit").asText()) + " sent to "
                            + n.path("incident").asText() + " by the " + n.path("by").asText() + ", about "
                            + Words.minutes(n.path("etaSeconds").asLong()) + " away");
                }
                case "city.unit.state_changed" -> {
                    fix(at, n, n.path("to").asText());
                    add(at, TimelineKind.UNIT, e, Words.unit(n.path("unit").asText()) + " "
                            + Words.state(n.path("to").asText()));
                }
                case "city.unit.moved" -> fix(at, n, n.path("state").asText());
                case "city.command.issued", "city.command.refused", "city.recommendation.accepted",
                     "city.recommendation.rejected", "city.recommendation.edited", "city.autopilot.changed",
                     "city.evacuation.ordered", "city.unit.stood_down" ->
                        add(at, TimelineKind.COMMAND, e, Words.command(type, n));
                case "city.simulation.started" -> add(at, TimelineKind.OTHER, e, Words.controlRoomStarted(n));
                case "city.simulation.ended" -> add(at, TimelineKind.OTHER, e, "Control room stopped");
                case "city.scenario.started" -> add(at, TimelineKind.INCIDENT, e, "Crisis started: "
                        + n.path("title").asText());
                case "city.scenario.event" -> {
                    String note = n.path("note").asText("");
                    add(at, TimelineKind.INCIDENT, e, "Crisis event: "
                            + (note.isBlank() ? Words.state(n.path("type").asText()) : note));
                }
                case "city.recommendation.made" -> add(at, TimelineKind.COMMAND, e, Words.recommended(n));
                case "city.patient.transported" -> add(at, TimelineKind.UNIT, e, Words.unit(n.path("unit").asText())
                        + " is taking a patient from " + n.path("incident").asText() + " to hospital");
                case "city.patient.delivered" -> add(at, TimelineKind.UNIT, e, Words.unit(n.path("unit").asText())
                        + " brought a patient from " + n.path("incident").asText() + " to hospital");
                case "city.call.units_awaited" -> add(at, TimelineKind.DISPATCH, e, n.path("incident").asText()
                        + " waits for a free " + Words.units(strings(n.path("types"))));
                default -> add(at, TimelineKind.OTHER, e, Words.sentence(type.substring("city.".length())));
            }
        }

        /** A unit position from the control room's log, when the entry carries one (older logs do not). */
        private void fix(long at, JsonNode n, String state) {
            if (n.hasNonNull("lat") && n.hasNonNull("lon")) {
                fixes.add(new UnitFix(at, n.path("unit").asText(), n.path("type").asText(), state,
                        n.path("lat").asDouble(), n.path("lon").asDouble(), n.path("heading").asDouble()));
            }
        }

        private void add(long at, TimelineKind kind, EventLogEntry e, String label) {
            lastMs = Math.max(lastMs, at);
            timeline.add(new TimelineItem(at, kind, e.type(), label, e.seq()));
        }

        SessionLog finish(long entries) {
            timeline.sort(Comparator.comparingLong(TimelineItem::atMs).thenComparingLong(TimelineItem::seq));
            utterances.sort(Comparator.comparingLong(CallLog.Utterance::startMs));
            if (ended != null) {
                lastMs = Math.max(lastMs, ended.durationMs());
            }
            return new SessionLog(Optional.ofNullable(started), utterances, timeline, emotions, fixes, incidents,
                    Optional.ofNullable(score), Optional.ofNullable(ended),
                    metrics(), lastMs, entries);
        }

        private CallMetrics metrics() {
            if (started == null) {
                return new CallMetrics(null, null, cityDispatchMs, null);
            }
            long location = CallTarget.LOCATION.elapsedMs(locationAtMs, answeredAtMs);
            long dispatch = CallTarget.DISPATCH.elapsedMs(dispatchAtMs, answeredAtMs);
            return new CallMetrics(answerMs, location < 0 ? null : location, dispatch < 0 ? null : dispatch,
                    started.targetsOrDefault());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
