package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.StoredRecordings;
import dev.switchboard.testkit.TestPostgres;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call recorded on a training center's server: another seat plays what has been recorded so far while the call
 * goes on, late clips that reach back are sent again, and the finished recording on the server is the seat's WAV,
 * byte for byte, sealed and verified.
 */
class ServerCallRecordingTest {

    private static final int RATE = 16_000;
    private static final SessionId CALL = new SessionId("call-srv");

    @TempDir
    Path tmp;

    @Test
    void anotherSeatPlaysTheCallWhileItIsRecordedAndTheSealedRecordingMatchesTheSeatsFile() throws Exception {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database trainee = Database.openServer(DataDir.of(tmp.resolve("trainee")), server);
             Database supervisor = Database.openServer(DataDir.of(tmp.resolve("supervisor")), server);
             EventLog traineeLog = new EventLog(trainee, Clock.systemUTC());
             EventLog supervisorLog = new EventLog(supervisor, Clock.systemUTC())) {
            Path recordings = trainee.dataDir().recordings();
            Function<SessionId, CallRecording> opener = CallRecording.opener(trainee, recordings, RATE);
            CallRecording recording = opener.apply(CALL);
            assertThat(recording).isInstanceOf(ServerCallRecording.class);
            new RecordingCatalog(trainee).started(CALL, recording.file(), "call", RATE, 2, Instant.now());
            StoredRecordings elsewhere = new StoredRecordings(supervisorLog, supervisor.dataDir().recordings());

            // Six seconds of caller speech, flushed as the session does.
            for (int s = 0; s < 6; s++) {
                recording.caller(s * 1000L, tone(1000, 300 + s));
                recording.flush();
            }
            Path working = recordings.resolve(recording.file());
            Path live = elsewhere.localFile(CALL, recording.file()).orElseThrow();
            assertThat(live).isNotEqualTo(working);
            assertThat(Files.readAllBytes(live)).isEqualTo(Files.readAllBytes(working));
            assertThat(dataBytes(live)).isEqualTo(6 * RATE * 4);

            // The trainee's answer to second 1 arrives late: it reaches back into what was already sent.
            recording.trainee(1000, tone(2500, 500));
            recording.caller(6000, tone(1000, 800));
            recording.flush();
            assertThat(Files.readAllBytes(elsewhere.localFile(CALL, recording.file()).orElseThrow()))
                    .isEqualTo(Files.readAllBytes(working));

            CallRecording.Closed closed = recording.close(9000);
            RecordingSeals.Seal seal = new RecordingSeals(traineeLog, new RecordingCatalog(trainee), recordings)
                    .seal(CALL, recording.file(), closed.durationMs(), closed.sha256(), "complete");

            assertThat(seal.bytes()).isEqualTo(Files.size(working)).isEqualTo(44 + 9L * RATE * 4);
            assertThat(new RecordingSeals(supervisorLog, new RecordingCatalog(supervisor),
                    supervisor.dataDir().recordings()).check(CALL))
                    .extracting(RecordingSeals.Check::state).containsExactly(RecordingSeals.State.VERIFIED);
            assertThat(Files.readAllBytes(elsewhere.localFile(CALL, recording.file()).orElseThrow()))
                    .isEqualTo(Files.readAllBytes(working));
        }
    }

    @Test
    void whatCouldNotBeSentWhileTheServerWasAwayIsSentWhenItAnswersAgain() throws Exception {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database seat = Database.openServer(DataDir.of(tmp.resolve("seat")), server);
             EventLog log = new EventLog(seat, Clock.systemUTC())) {
            Path recordings = seat.dataDir().recordings();
            CallRecording recording = CallRecording.opener(seat, recordings, RATE).apply(CALL);
            recording.caller(0, tone(2000, 400));
            recording.flush();
            long sent = stored(seat);

            // The server refuses the writes for a while (as if it were away): the call goes on.
            seat.jdbi().useHandle(h -> h.execute("ALTER TABLE recording_chunk RENAME TO recording_chunk_away"));
            recording.caller(2000, tone(3000, 500));
            recording.flush();
            recording.trainee(500, tone(1000, 700));
            recording.flush();
            seat.jdbi().useHandle(h -> h.execute("ALTER TABLE recording_chunk_away RENAME TO recording_chunk"));
            assertThat(stored(seat)).isEqualTo(sent);

            recording.flush();

            Path working = recordings.resolve(recording.file());
            assertThat(stored(seat)).isEqualTo(Files.size(working)).isEqualTo(44 + 5L * RATE * 4);
            Path copy = new StoredRecordings(log, recordings).localFile(CALL, recording.file()).orElseThrow();
            assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(working));
            recording.close(5000);
        }
    }

    private static long stored(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(sum(octet_length(bytes)), 0) FROM recording_chunk").mapTo(Long.class).one());
    }

    @Test
    void aSeatOnItsOwnFileRecordsAWavFileAsBefore() {
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")))) {
            CallRecording recording = CallRecording.opener(seat, seat.dataDir().recordings(), RATE).apply(CALL);
            recording.caller(0, tone(500, 440));
            recording.close(1000);

            assertThat(recording).isInstanceOf(WavCallRecording.class);
            int pieces = seat.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM recording_chunk")
                    .mapTo(Integer.class).one());
            assertThat(pieces).isZero();
            assertThat(seat.dataDir().recordings().resolve(recording.file())).isRegularFile();
        }
    }

    private static Pcm tone(int ms, int hz) {
        short[] s = new short[RATE * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new Pcm(s, RATE);
    }

    private static long dataBytes(Path wav) throws java.io.IOException {
        byte[] head = new byte[44];
        try (var in = Files.newInputStream(wav)) {
            in.readNBytes(head, 0, 44);
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(40));
    }
}
