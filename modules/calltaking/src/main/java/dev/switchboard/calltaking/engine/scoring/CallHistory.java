package dev.switchboard.calltaking.engine.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call as its event log tells it: the {@link CallLog} payloads in log order, typed. What the scorer and the
 * review read; entries of other types (e.g. the control room's) are skipped.
 *
 * @param records the payload records ({@link CallLog.Utterance}, {@link CallLog.Entity}, …) in log order
 */
public record CallHistory(List<Object> records) {

    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(CallLog.STARTED, CallLog.Started.class),
            Map.entry(CallLog.RINGING, CallLog.Ringing.class),
            Map.entry(CallLog.ANSWERED, CallLog.Answered.class),
            Map.entry(CallLog.CONTROL, CallLog.Control.class),
            Map.entry(CallLog.UTTERANCE, CallLog.Utterance.class),
            Map.entry(CallLog.ENTITY, CallLog.Entity.class),
            Map.entry(CallLog.CAD_EDIT, CallLog.CadEdit.class),
            Map.entry(CallLog.DISPATCHED, CallLog.Dispatch.class),
            Map.entry(CallLog.EMOTION, CallLog.Emotion.class),
            Map.entry(CallLog.VOICE, CallLog.VoiceLevel.class),
            Map.entry(CallLog.UNIT, CallLog.UnitUpdate.class),
            Map.entry(CallLog.ENDED, CallLog.Ended.class),
            Map.entry(CallLog.SCORED, CallLog.Score.class),
            Map.entry(CallLog.INTERRUPTED, CallLog.Interrupted.class));

    public CallHistory {
        records = List.copyOf(records);
    }

    /** Reads every entry of {@code session} from the log. */
    public static CallHistory read(EventLog log, SessionId session) {
        List<EventLogEntry> all = new ArrayList<>();
        long from = 1;
        while (true) {
            List<EventLogEntry> page = log.read(session, from, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).seq() + 1;
        }
        return of(all);
    }

    /**
     * The call records among {@code entries}.
     *
     * @throws SwitchboardException naming the entry's session and seq when a call payload does not parse
     */
    public static CallHistory of(List<EventLogEntry> entries) {
        List<Object> out = new ArrayList<>();
        for (EventLogEntry e : entries) {
            Class<?> type = TYPES.get(e.type());
            if (type == null) {
                continue;
            }
            try {
                out.add(JSON.readValue(e.payload(), type));
            } catch (IOException ex) {
                throw new SwitchboardException("Event log entry " + e.session() + "#" + e.seq() + " (" + e.type()
                        + ") does not parse: " + ex.getMessage(), "The session's record is damaged.", ex);
            }
        }
        return new CallHistory(out);
    }

    /** The records of one type, in log order. */
    public <T> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The first record of one type. */
    public <T> Optional<T> first(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The last record of one type. */
    public <T> Optional<T> last(Class<T> type) {
        List<T> all = all(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The trainee's lines, in order. */
    public List<CallLog.Utterance> traineeLines() {
        return all(CallLog.Utterance.class).stream().filter(u -> "trainee".equals(u.speaker())).toList();
    }

    /** The caller's lines, in order. */
    public List<CallLog.Utterance> callerLines() {
        return all(CallLog.Utterance.class).stream().filter(u -> "caller".equals(u.speaker())).toList();
    }
}
