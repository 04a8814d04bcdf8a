package dev.switchboard.review.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes recorded calls that follow the call console's contract ({@link CallLog}): a catalogue row, the
 * event-log entries, and optionally a stereo 16-bit WAV with a tone per utterance (caller left, call-taker
 * right); on a server the WAV also goes into the database as a server call's recording does. For the review's
 * benchmark, demo data and tests; deterministic for a seed.
 */
public final class SyntheticCalls {

    /** What to write. {@code sampleRate} 0 writes no audio file. */
    public record Spec(SessionId id, UserId trainee, String traineeName, String title, Instant startedAt,
                       long durationMs, int sampleRate, long seed) {
        public Spec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(trainee, "trainee");
            Objects.requireNonNull(traineeName, "traineeName");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    private static final String[] CALLER = {
        "There is a fire in the kitchen of the restaurant next door",
        "My husband collapsed and he is not breathing",
        "Someone broke the window of the shop on the corner",
        "A car hit a cyclist at the crossing near Shinjuku station",
        "There is smoke coming out of the third floor",
        "I am at Kabukicho two chome building five",
        "He is bleeding from the head and not answering",
        "The man ran towards the park with a knife",
    };
    private static final String[] TRAINEE = {
        "Emergency services, what is the address of your emergency",
        "Is anyone hurt, is everyone out of the building",
        "Stay on the line, help is on the way",
        "Can you tell me the nearest cross street",
        "What is the phone number you are calling from",
        "Is the person breathing normally",
    };
    private static final String[] RUBRIC = {"answer-time", "location-verified", "callback-number", "nature",
        "injuries", "safety-advice", "dispatch-time", "calm-control"};
    private static final String[] UNIT_TYPES = {"AMBULANCE", "FIRE", "POLICE"};
    private static final String[] UNIT_STATES = {"DISPATCHED", "EN_ROUTE", "ON_SCENE"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticCalls() {
    }

    /**
     * Writes one finished, scored call: an utterance every {@code 3 s} alternating caller and call-taker,
     * entities, CAD edits, a dispatch, three units moving towards the incident, and the caller calming down.
     *
     * @return the entries appended, in order
     */
    public static List<AppendRequest> write(Spec spec, EventLog log, SessionCatalog sessions,
                                            RecordingCatalog recordings, Path recordingsDir) throws IOException {
        List<AppendRequest> entries = entries(spec, log);
        sessions.insert(new SessionSummary(spec.id(), spec.trainee(), spec.traineeName(), "call", spec.title(),
                spec.startedAt(), spec.startedAt().plusMillis(spec.durationMs()), "finished", score(entries, log)));
        if (spec.sampleRate() > 0) {
            String file = spec.id().value() + "/call.wav";
            Path wav = recordingsDir.resolve(file);
            Files.createDirectories(wav.getParent());
            writeAudio(wav, spec);
            recordings.started(spec.id(), file, "call-audio", spec.sampleRate(), 2, spec.startedAt());
            if (log.database().isServer()) {
                // On a server a call's recording lives in the database (the seat keeps its working file), so
                // another seat must fetch it from there: the benchmark measures that, not a local file.
                log.database().jdbi().useTransaction(h -> RecordingChunks.store(h, spec.id(), file, wav));
            }
        }
        for (int from = 0; from < entries.size(); from += 4000) {
            log.appendAll(entries.subList(from, Math.min(entries.size(), from + 4000)));
        }
        if (spec.sampleRate() > 0) {
            // Sealed on the chain as a real call's recording is when it closes.
            new RecordingSeals(log, recordings, recordingsDir).seal(spec.id(), spec.id().value() + "/call.wav",
                    spec.durationMs(), null, "complete");
        }
        return entries;
    }

    /** The event-log entries of {@code spec}, not yet appended. */
    public static List<AppendRequest> entries(Spec spec, EventLog log) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<AppendRequest> out = new ArrayList<>();
        long d = spec.durationMs();
        String audio = spec.sampleRate() > 0 ? spec.id().value() + "/call.wav" : "";
        add(out, log, spec, 0, CallLog.STARTED, new CallLog.Started("C-" + spec.id().value(), "synthetic",
                spec.title(), spec.seed(), spec.trainee().value(), spec.traineeName(), audio, spec.sampleRate(),
                "scripted", dev.switchboard.calltaking.model.CallTarget.Targets.DEFAULT));
        add(out, log, spec, 0, CallLog.RINGING, new CallLog.Ringing(0));
        long answer = 2000 + random.nextLong(12_000);
        add(out, log, spec, answer, CallLog.ANSWERED, new CallLog.Answered(answer, answer));
        int seq = 0;
        double emotion = 0.9;
        long location = Math.min(d - 1, answer + 20_000 + random.nextLong(30_000));
        long dispatch = Math.min(d - 1, location + 15_000 + random.nextLong(30_000));
        boolean located = false;
        boolean dispatched = false;
        double incidentLat = 35.69 + random.nextDouble() * 0.01;
        double incidentLon = 139.70 + random.nextDouble() * 0.01;
        for (long t = answer + 500; t + 2500 < d; t += 3000) {
            boolean caller = seq % 2 == 0;
            String text = caller ? CALLER[random.nextInt(CALLER.length)] : TRAINEE[random.nextInt(TRAINEE.length)];
            seq++;
            add(out, log, spec, t, CallLog.UTTERANCE, new CallLog.Utterance(seq, caller ? "caller" : "trainee", text,
                    t, t + 2500, caller ? "tts" : "typed", List.of(), caller ? List.of() : List.of("ASK")));
            if (!located && t >= location) {
                located = true;
                add(out, log, spec, t + 100, CallLog.ENTITY, new CallLog.Entity(t + 100, seq, "caller", "LOCATION",
                        "Kabukicho 2-5", "Kabukicho two chome", 0, 10, 0.9));
                add(out, log, spec, t + 200, CallLog.CAD_EDIT, new CallLog.CadEdit(t + 200, "location", "",
                        "Kabukicho 2-5", "extraction"));
            }
            if (!dispatched && t >= dispatch) {
                dispatched = true;
                add(out, log, spec, t, CallLog.DISPATCHED, new CallLog.Dispatch(t, "INC-" + spec.seed(), "FIRE",
                        "Structure fire", 1, incidentLat, incidentLon, "shinjuku", "Kabukicho 2-5",
                        List.of("A-1", "F-1", "P-1")));
            }
            if (seq % 4 == 0) {
                emotion = Math.max(0.1, emotion - 0.05);
                add(out, log, spec, t, CallLog.EMOTION, new CallLog.Emotion(t, emotion, "reassured"));
            }
        }
        for (long t = 1000; t < d; t += 1000) {
            add(out, log, spec, t, CallLog.VOICE, new CallLog.VoiceLevel(t, -30 + random.nextDouble() * 10,
                    120 + random.nextDouble() * 40, random.nextDouble()));
        }
        if (dispatched) {
            for (int u = 0; u < 3; u++) {
                double lat = incidentLat + 0.02 * (u - 1);
                double lon = incidentLon - 0.02;
                for (long t = dispatch + 2000; t < d; t += 2000) {
                    double f = Math.min(1, (t - dispatch) / 300_000.0);
                    String state = UNIT_STATES[f >= 1 ? 2 : f > 0.05 ? 1 : 0];
                    add(out, log, spec, t, CallLog.UNIT, new CallLog.UnitUpdate(t, "INC-" + spec.seed(),
                            UNIT_TYPES[u].charAt(0) + "-1", UNIT_TYPES[u], state, lat + (incidentLat - lat) * f,
                            lon + (incidentLon - lon) * f, 90, "DISPATCHED", Math.round((1 - f) * 300)));
                }
            }
        }
        add(out, log, spec, d, CallLog.ENDED, new CallLog.Ended(d, "completed", d));
        List<CallLog.ScoreItem> items = new ArrayList<>();
        for (String id : RUBRIC) {
            double earned = Math.round(random.nextDouble() * 4) / 4.0;
            items.add(new CallLog.ScoreItem(id, id.replace('-', ' '), 1, earned, "synthetic evidence for " + id,
                    random.nextLong(Math.max(1, d))));
        }
        double total = items.stream().mapToDouble(CallLog.ScoreItem::earned).average().orElse(0) * 100;
        add(out, log, spec, d, CallLog.SCORED, new CallLog.Score(total, items));
        return out;
    }

    private static Double score(List<AppendRequest> entries, EventLog log) {
        AppendRequest last = entries.get(entries.size() - 1);
        if (!last.type().equals(CallLog.SCORED)) {
            return null;
        }
        try {
            return JSON.readTree(last.payloadJson()).path("total").asDouble();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Our own score entry always parses", e);
        }
    }

    private static void add(List<AppendRequest> out, EventLog log, Spec spec, long atMs, String type, Object payload) {
        out.add(new AppendRequest(spec.id(), atMs, type, log.json(payload)));
    }

    /** A tone while someone speaks: 220 Hz on the left while the caller talks, 330 Hz on the right otherwise. */
    private static void writeAudio(Path wav, Spec spec) throws IOException {
        int rate = spec.sampleRate();
        long frames = spec.durationMs() * rate / 1000;
        double left = 2 * Math.PI * 220 / rate;
        double right = 2 * Math.PI * 330 / rate;
        WavFile.write(wav, rate, 2, frames, (frame, channel) -> {
            long ms = frame * 1000 / rate;
            long slot = (ms - 500) / 3000;
            boolean speaking = ms >= 500 && (ms - 500) % 3000 < 2500;
            boolean callerSpeaks = slot % 2 == 0;
            if (!speaking || (channel == 0) != callerSpeaks) {
                return 0;
            }
            return (short) (Math.sin(frame * (channel == 0 ? left : right)) * 8000);
        });
    }
}
