package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.TestDatabases;
import dev.switchboard.review.model.UnitFix;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A fresh data dir with the review's services and a hand-written recorded call, as the call console writes it. */
public final class Fixture implements AutoCloseable {

    public static final Account TRAINEE_A = account("u-aiko", "aiko", "Aiko Tanaka", Role.TRAINEE);
    public static final Account TRAINEE_B = account("u-ben", "ben", "Ben Okada", Role.TRAINEE);
    public static final Account SUPERVISOR = account("u-sato", "sato", "Sato Haruki", Role.SUPERVISOR);
    public static final Account INSTRUCTOR = account("u-ito", "ito", "Ito Mei", Role.INSTRUCTOR);

    /** Aiko's call: 12 s, four utterances, a dispatch and two units moving. */
    public static final SessionId CALL_A = new SessionId("call-aiko-1");
    /** Ben's call, generated. */
    public static final SessionId CALL_B = new SessionId("call-ben-1");

    public static final List<CallLog.Utterance> UTTERANCES = List.of(
            utterance(1, "trainee", "Emergency, what is the address of your emergency?", 1_000, 3_000),
            utterance(2, "caller", "There is a fire at Kabukicho two chome, building five!", 3_500, 6_000),
            utterance(3, "trainee", "Is anyone still inside the building?", 6_500, 8_000),
            utterance(4, "caller", "My neighbour \u7530\u4e2d is on the third floor", 8_200, 11_000));
    public static final List<CallLog.UnitUpdate> UNIT_UPDATES = List.of(
            unit(7_000, "F-1", "FIRE", "DISPATCHED", 35.690, 139.690),
            unit(9_000, "F-1", "FIRE", "EN_ROUTE", 35.692, 139.694),
            unit(11_000, "F-1", "FIRE", "ON_SCENE", 35.694, 139.700),
            unit(8_000, "A-1", "AMBULANCE", "EN_ROUTE", 35.680, 139.710),
            unit(10_000, "A-1", "AMBULANCE", "EN_ROUTE", 35.688, 139.705));

    /** The unit updates as review fixes. */
    public static final class Fixes {
        public List<UnitFix> list() {
            return UNIT_UPDATES.stream().map(u -> new UnitFix(u.atMs(), u.unitId(), u.unitType(), u.state(), u.lat(),
                    u.lon(), u.heading())).toList();
        }
    }

    public final DataDir dir;
    public final Database db;
    public final EventLog log;
    public final AuditLog audit;
    public final SessionCatalog sessions;
    public final RecordingCatalog recordings;
    public final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    public Fixture(Path temp) throws IOException {
        dir = DataDir.of(temp.resolve("data")).ensureCreated();
        db = TestDatabases.open(dir);
        log = new EventLog(db, clock);
        audit = new AuditLog(log);
        sessions = new SessionCatalog(db);
        recordings = new RecordingCatalog(db);
    }

    public ReviewService as(Account viewer) {
        return new ReviewService(log, audit, dir.recordings(), clock, viewer);
    }

    /** Writes Aiko's call with a 12-second stereo WAV and Ben's generated call without audio. */
    public Fixture withCalls() throws IOException {
        writeCallA();
        SyntheticCalls.write(new SyntheticCalls.Spec(CALL_B, TRAINEE_B.id(), TRAINEE_B.displayName(),
                "Traffic collision", Instant.parse("2025-02-01T09:00:00Z"), 60_000, 0, 3), log, sessions, recordings,
                dir.recordings());
        return this;
    }

    private void writeCallA() throws IOException {
        String file = CALL_A.value() + "/call.wav";
        Path wav = dir.recordings().resolve(file);
        Files.createDirectories(wav.getParent());
        WavFile.write(wav, 8000, 2, 12 * 8000, (frame, channel) -> (short) (channel == 0 ? 1000 : -2000));
        Instant start = Instant.parse("2025-02-20T14:00:00Z");
        sessions.insert(new SessionSummary(CALL_A, TRAINEE_A.id(), TRAINEE_A.displayName(), "call",
                "Kitchen fire in Kabukicho", start, start.plusSeconds(12), "finished", 75.0));
        recordings.started(CALL_A, file, "call-audio", 8000, 2, start);
        List<Object[]> entries = new ArrayList<>();
        entries.add(new Object[] {CallLog.STARTED, new CallLog.Started("C-1", "kitchen-fire",
                "Kitchen fire in Kabukicho", 42, TRAINEE_A.id().value(), TRAINEE_A.displayName(), file, 8000,
                "scripted", null)});
        entries.add(new Object[] {CallLog.RINGING, new CallLog.Ringing(0)});
        entries.add(new Object[] {CallLog.ANSWERED, new CallLog.Answered(800, 800)});
        for (CallLog.Utterance u : UTTERANCES) {
            entries.add(new Object[] {CallLog.UTTERANCE, u});
        }
        entries.add(new Object[] {CallLog.ENTITY, new CallLog.Entity(4_000, 2, "caller", "LOCATION",
                "Kabukicho 2-5", "Kabukicho two chome, building five", 17, 52, 0.9)});
        entries.add(new Object[] {CallLog.CAD_EDIT, new CallLog.CadEdit(4_800, "LOCATION", null,
                "Kabukicho 2-5 (shinjuku) @35.69500,139.70100", "trainee")});
        entries.add(new Object[] {CallLog.CAD_EDIT, new CallLog.CadEdit(5_000, "nature", "", "Structure fire",
                "trainee")});
        entries.add(new Object[] {CallLog.EMOTION, new CallLog.Emotion(3_500, 0.8, "fire")});
        entries.add(new Object[] {CallLog.EMOTION, new CallLog.Emotion(9_000, 0.5, "reassured")});
        entries.add(new Object[] {CallLog.DISPATCHED, new CallLog.Dispatch(6_800, "INC-7", "FIRE", "Structure fire",
                1, 35.695, 139.701, "shinjuku", "Kabukicho 2-5", List.of("F-1", "A-1"))});
        for (CallLog.UnitUpdate u : UNIT_UPDATES) {
            entries.add(new Object[] {CallLog.UNIT, u});
        }
        entries.add(new Object[] {CallLog.CONTROL, new CallLog.Control(10_000, "hold", "")});
        entries.add(new Object[] {CallLog.ENDED, new CallLog.Ended(12_000, "completed", 12_000)});
        entries.add(new Object[] {CallLog.SCORED, new CallLog.Score(75, List.of(
                new CallLog.ScoreItem("answer-time", "Answered in time", 2, 1, "answered after 0.8 s", 800),
                new CallLog.ScoreItem("location-verified", "Location verified", 3, 0.5,
                        "address heard but not read back", 4_000),
                new CallLog.ScoreItem("callback-number", "Callback number", 1, 0, "never asked", -1)))});
        List<AppendRequest> requests = new ArrayList<>();
        for (Object[] e : entries) {
            requests.add(new AppendRequest(CALL_A, 0, (String) e[0], log.json(e[1])));
        }
        log.appendAll(requests);
        // Sealed on the chain after the call's entries, as a recording is when the call closes.
        new dev.switchboard.store.session.RecordingSeals(log, recordings, dir.recordings())
                .seal(CALL_A, file, 12_000, null, "complete");
    }

    public List<AuditRecord> recordingAccess() {
        return audit.query(new AuditQuery(null, Set.of(AuditAction.RECORDING_ACCESS), Set.of(), null, null, null,
                100));
    }

    public static Account account(String id, String username, String name, Role role) {
        return new Account(new UserId(id), username, name, role, true, Instant.EPOCH, Instant.EPOCH, 0, null, null);
    }

    static CallLog.Utterance utterance(int seq, String speaker, String text, long start, long end) {
        return new CallLog.Utterance(seq, speaker, text, start, end, speaker.equals("caller") ? "tts" : "typed",
                List.of(), List.of());
    }

    static CallLog.UnitUpdate unit(long at, String id, String type, String state, double lat, double lon) {
        return new CallLog.UnitUpdate(at, "INC-7", id, type, state, lat, lon, 45, "DISPATCHED", null);
    }

    @Override
    public void close() {
        log.close();
        db.close();
    }
}
