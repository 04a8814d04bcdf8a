package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.Tamper;
import dev.switchboard.store.integrity.CheckpointKey;
import dev.switchboard.store.integrity.Checkpoints;
import dev.switchboard.store.integrity.FileCheckpointKey;
import dev.switchboard.store.integrity.IntegrityProblem;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.StoredRecordings;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db migrate --to}: a seat's SQLite data copied to the server, chains intact, conflicts refused. */
class SeatMigrationTest {

    @TempDir
    Path tmp;

    @Test
    void copiesASeatAndVerifiesItsChainsThenRefusesTheSameSeatAgain() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(seat, "s-1", "aiko");

            SeatMigration.Result first = new SeatMigration(seat, server).run();

            assertThat(first.conflicts()).isEmpty();
            assertThat(first.copied()).isTrue();
            assertThat(first.accounts()).isEqualTo(1);
            assertThat(first.sessions()).isEqualTo(1);
            assertThat(first.recordings()).isEqualTo(1);
            assertThat(first.chains()).isEqualTo(2);
            assertThat(first.entries()).isEqualTo(53);
            try (EventLog log = new EventLog(server, Clock.systemUTC())) {
                assertThat(log.verify(Optional.empty()).firstBreak()).isEmpty();
                assertThat(log.count(new SessionId("s-1"))).isEqualTo(50);
                // The copied chain carries on on the server.
                assertThat(log.append(new AppendRequest(new SessionId("s-1"), 0, "after", "{}")).seq()).isEqualTo(51);
            }
            assertThat(count(server, "SELECT count(*) FROM account WHERE username = 'AIKO'")).isEqualTo(1);

            SeatMigration.Result again = new SeatMigration(seat, server).run();

            assertThat(again.copied()).isFalse();
            assertThat(again.conflicts()).contains("account id aiko-id is already on the server",
                    "user name aiko is already on the server", "session s-1 is already on the server",
                    "event-log chain s-1 is already on the server");
            assertThat(count(server, "SELECT count(*) FROM event_log")).isEqualTo(54);
        }
    }

    @Test
    void aSecondSeatKeepsItsAuditTrailAtHomeWhenTheServerHasOne() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database one = Database.open(DataDir.of(tmp.resolve("one")));
             Database two = Database.open(DataDir.of(tmp.resolve("two")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(one, "s-1", "aiko");
            fill(two, "s-2", "kenji");

            assertThat(new SeatMigration(one, server).run().auditKeptOnSeat()).isFalse();
            SeatMigration.Result second = new SeatMigration(two, server).run();

            assertThat(second.copied()).isTrue();
            assertThat(second.auditKeptOnSeat()).isTrue();
            assertThat(second.chains()).isEqualTo(1);
            assertThat(count(server, "SELECT count(*) FROM account")).isEqualTo(2);
        }
    }

    @Test
    void twoSeatsCheckpointsComeAlongOnTheirKeysChainsAndVerifyOnTheServerFromEitherSeat() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database one = Database.open(DataDir.of(tmp.resolve("one")));
             Database two = Database.open(DataDir.of(tmp.resolve("two")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(one, "s-1", "aiko");
            fill(two, "s-2", "kenji");
            CheckpointKey keyOne = FileCheckpointKey.loadOrCreate(one.dataDir().keys());
            CheckpointKey keyTwo = FileCheckpointKey.loadOrCreate(two.dataDir().keys());
            checkpointTwice(one, keyOne, "s-1");
            checkpointTwice(two, keyTwo, "s-2");

            SeatMigration.Result first = new SeatMigration(one, server).run();
            SeatMigration.Result second = new SeatMigration(two, server).run();

            assertThat(first.copied()).as(first.conflicts().toString()).isTrue();
            assertThat(first.checkpoints()).isEqualTo(2);
            assertThat(second.copied()).as(second.conflicts().toString()).isTrue();
            assertThat(second.auditKeptOnSeat()).isTrue();
            // Two checkpoints and the signed note that the seat's audit trail stayed at home.
            assertThat(second.checkpoints()).isEqualTo(3);
            assertThat(second.checkpointProblems()).isEmpty();
            try (EventLog log = new EventLog(server, Clock.systemUTC())) {
                Checkpoints fromOne = new Checkpoints(log, keyOne, Clock.systemUTC());
                Checkpoints fromTwo = new Checkpoints(log, keyTwo, Clock.systemUTC());
                assertThat(fromOne.verify()).isEmpty();
                assertThat(fromTwo.verify()).isEmpty();
                assertThat(log.verify(Optional.empty()).firstBreak()).isEmpty();
                assertThat(fromOne.signers())
                        .extracting(Checkpoints.Signer::fingerprint, Checkpoints.Signer::checkpoints)
                        .containsExactlyInAnyOrder(tuple(keyOne.fingerprint(), 2), tuple(keyTwo.fingerprint(), 2));

                // Seat two carries on on the server, on its chain, linked to what it brought.
                log.append(new AppendRequest(new SessionId("s-2"), 0, "after", "{}"));
                log.append(new AppendRequest(SessionId.AUDIT, 0, "audit.after", "{}"));
                assertThat(fromTwo.take().orElseThrow().number()).isEqualTo(3);
                assertThat(fromTwo.verify()).isEmpty();
                assertThat(fromOne.verify()).isEmpty();

                // What the seats' checkpoints anchored is still guarded on the server.
                Tamper.rewrite(server, new SessionId("s-1"), 10, "{\"i\":-1}");
                assertThat(fromTwo.verify()).extracting(IntegrityProblem::kind, IntegrityProblem::chain)
                        .containsExactly(tuple(IntegrityProblem.Kind.REWRITTEN, new SessionId("s-1")));
            }
            assertThat(new SeatMigration(two, server).run().conflicts())
                    .contains("checkpoint chain " + Checkpoints.chainOf(keyTwo.fingerprint()) + " is already on the "
                            + "server");
        }
    }

    @Test
    void aSeatThatLostTheKeyOfItsCheckpointsIsToldItsAuditAnchorsWillNotVerifyOnTheServer() throws Exception {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database one = Database.open(DataDir.of(tmp.resolve("one")));
             Database two = Database.open(DataDir.of(tmp.resolve("two")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(one, "s-1", "aiko");
            fill(two, "s-2", "kenji");
            CheckpointKey lost = FileCheckpointKey.loadOrCreate(two.dataDir().keys());
            checkpointTwice(two, lost, "s-2");
            try (var files = Files.list(two.dataDir().keys())) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            assertThat(new SeatMigration(one, server).run().copied()).isTrue();

            SeatMigration.Result second = new SeatMigration(two, server).run();

            assertThat(second.copied()).isTrue();
            assertThat(second.checkpointProblems()).singleElement().asString()
                    .contains("signed with key " + lost.fingerprint() + " anchor audit");
        }
    }

    @Test
    void aSeatWhoseKeyWasReplacedBringsTwoKeyChainsTheSecondFollowingTheFirst() throws Exception {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(seat, "s-1", "aiko");
            CheckpointKey old = FileCheckpointKey.loadOrCreate(seat.dataDir().keys());
            checkpointTwice(seat, old, "s-1");
            try (var files = Files.list(seat.dataDir().keys())) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            CheckpointKey replaced = FileCheckpointKey.loadOrCreate(seat.dataDir().keys());
            try (EventLog log = new EventLog(seat, Clock.systemUTC())) {
                log.append(new AppendRequest(new SessionId("s-1"), 0, "call.more", "{}"));
                new Checkpoints(log, replaced, Clock.systemUTC()).take().orElseThrow();
            }

            SeatMigration.Result result = new SeatMigration(seat, server).run();

            assertThat(result.copied()).isTrue();
            assertThat(result.checkpoints()).isEqualTo(3);
            try (EventLog log = new EventLog(server, Clock.systemUTC())) {
                Checkpoints checkpoints = new Checkpoints(log, replaced, Clock.systemUTC());
                assertThat(checkpoints.verify()).isEmpty();
                assertThat(checkpoints.signers())
                        .extracting(Checkpoints.Signer::fingerprint, Checkpoints.Signer::checkpoints)
                        .containsExactlyInAnyOrder(tuple(old.fingerprint(), 2), tuple(replaced.fingerprint(), 1));
            }
        }
    }

    private static void checkpointTwice(Database seat, CheckpointKey key, String session) {
        try (EventLog log = new EventLog(seat, Clock.systemUTC())) {
            Checkpoints checkpoints = new Checkpoints(log, key, Clock.systemUTC());
            checkpoints.take().orElseThrow();
            log.append(new AppendRequest(new SessionId(session), 0, "call.more", "{}"));
            log.append(new AppendRequest(SessionId.AUDIT, 0, "audit.more", "{}"));
            checkpoints.take().orElseThrow();
            assertThat(checkpoints.verify()).isEmpty();
        }
    }

    @Test
    void recordingFilesGoIntoTheServerDatabaseCheckedByShaAndPlayOnAnotherSeat() throws Exception {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(seat, "s-1", "aiko");
            // A 300 KB call (three pieces) sealed as it closed, and one changed on the seat after it closed.
            byte[] call = noise(RecordingChunks.HEAD_BYTES + 300_000, 1);
            byte[] changed = noise(RecordingChunks.HEAD_BYTES + 1000, 2);
            String callSha = sha256(call);
            wav(seat, "s-1/voice.wav", call);
            wav(seat, "s-1/changed.wav", changed);
            seat.jdbi().useHandle(h -> {
                h.execute("INSERT INTO recording (session_id, file, kind, sample_rate, channels, started_at, "
                        + "duration_ms, sha256, status) VALUES ('s-1', 's-1/voice.wav', 'call', 16000, 2, 10, 1875, ?, "
                        + "'complete')", callSha);
                h.execute("INSERT INTO recording (session_id, file, kind, sample_rate, channels, started_at, "
                        + "duration_ms, sha256, status) VALUES ('s-1', 's-1/changed.wav', 'call', 16000, 2, 10, 6, ?, "
                        + "'complete')", sha256(noise(10, 3)));
            });

            SeatMigration.Result result = new SeatMigration(seat, server).run();

            assertThat(result.copied()).isTrue();
            assertThat(result.recordings()).isEqualTo(3);
            assertThat(result.recordingFiles()).isEqualTo(2);
            assertThat(result.recordingBytes()).isEqualTo(call.length + changed.length);
            assertThat(result.recordingProblems()).containsExactlyInAnyOrder(
                    "recording call.wav of session s-1: no such file on this seat ("
                            + seat.dataDir().recordings().toAbsolutePath().resolve("call.wav")
                            + "); its catalogue row was copied, the audio cannot be",
                    "recording s-1/changed.wav of session s-1: the file differs from the checksum stored when it "
                            + "closed; copied as it is, and Review reports it as changed");
            RecordingChunks onServer = new RecordingChunks(server);
            assertThat(onServer.digest(new SessionId("s-1"), "s-1/voice.wav"))
                    .isEqualTo(new RecordingChunks.Content(call.length, callSha));
            assertThat(count(server, "SELECT count(*) FROM recording_chunk WHERE file = 's-1/voice.wav'"))
                    .isEqualTo(1 + 3);
            // Another seat on the server plays it from the database.
            try (EventLog log = new EventLog(server, Clock.systemUTC())) {
                Path copy = new StoredRecordings(log, server.dataDir().recordings())
                        .localFile(new SessionId("s-1"), "s-1/voice.wav").orElseThrow();
                assertThat(Files.readAllBytes(copy)).isEqualTo(call);
            }

            // Audio already on the server is never overwritten.
            SeatMigration.Result again = new SeatMigration(seat, server).run();
            assertThat(again.conflicts()).contains("the audio of recording s-1/s-1/voice.wav is already on the "
                    + "server");
        }
    }

    private static void wav(Database seat, String file, byte[] bytes) throws Exception {
        Path path = seat.dataDir().recordings().resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    private static byte[] noise(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void fill(Database seat, String session, String user) {
        seat.jdbi().useHandle(h -> {
            h.execute("INSERT INTO account (id, username, display_name, role, active, password_hash, created_at, "
                    + "password_changed_at, failed_logons) VALUES (?, ?, ?, 'TRAINEE', 1, 'x', 1, 1, 0)",
                    user + "-id", user, user);
            h.execute("INSERT INTO training_session (id, trainee_id, trainee_name, kind, title, started_at, ended_at, "
                    + "status, score) VALUES (?, ?, ?, 'call', 'Fire', 10, 20, 'completed', 0.75)",
                    session, user + "-id", user);
            h.execute("INSERT INTO recording (session_id, file, kind, sample_rate, channels, started_at, duration_ms, "
                    + "sha256, status) VALUES (?, 'call.wav', 'call-audio', 16000, 1, 10, 10, 'ab', 'complete')",
                    session);
        });
        try (EventLog log = new EventLog(seat, Clock.systemUTC())) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(new AppendRequest(new SessionId(session), i, "call.step", "{\"i\":" + i + "}"));
            }
            for (int i = 0; i < 3; i++) {
                batch.add(new AppendRequest(SessionId.AUDIT, 0, "audit.logon", "{\"i\":" + i + "}"));
            }
            log.appendAll(batch);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
