package dev.switchboard.store.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.Tamper;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: two seats (two data dirs, two keys) on one PostgreSQL database take checkpoints, one after the other
 * and at the same time; {@code log verify} from either seat finds nothing wrong, and a rewritten chain is still
 * caught.
 */
class ServerCheckpointsTest {

    @TempDir
    Path tmp;

    private Database dbOne;
    private Database dbTwo;
    private EventLog logOne;
    private EventLog logTwo;
    private Checkpoints one;
    private Checkpoints two;

    @BeforeEach
    void open() {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        dbOne = Database.openServer(DataDir.of(tmp.resolve("one")), server);
        dbTwo = Database.openServer(DataDir.of(tmp.resolve("two")), server);
        logOne = new EventLog(dbOne, Clock.systemUTC());
        logTwo = new EventLog(dbTwo, Clock.systemUTC());
        one = new Checkpoints(logOne, FileCheckpointKey.loadOrCreate(dbOne.dataDir().keys()), Clock.systemUTC());
        two = new Checkpoints(logTwo, FileCheckpointKey.loadOrCreate(dbTwo.dataDir().keys()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        logOne.close();
        logTwo.close();
        dbOne.close();
        dbTwo.close();
    }

    @Test
    void interleavedCheckpointsOfTwoSeatsVerifyFromEitherSeat() {
        assertThat(one.key().fingerprint()).isNotEqualTo(two.key().fingerprint());
        for (int round = 0; round < 3; round++) {
            append(logOne, new SessionId("seat1-call-" + round), 10);
            append(logOne, SessionId.AUDIT, 2);
            assertThat(one.take()).isPresent();
            append(logTwo, new SessionId("seat2-call-" + round), 10);
            append(logTwo, SessionId.AUDIT, 2);
            assertThat(two.take()).isPresent();
        }

        assertThat(one.chain()).isEqualTo(Checkpoints.chainOf(one.key().fingerprint()));
        assertThat(one.all()).hasSize(3);
        assertThat(two.all()).hasSize(3);
        assertThat(logOne.count(Checkpoints.CHAIN)).as("nothing on the single-seat chain").isZero();
        assertThat(one.verify()).isEmpty();
        assertThat(two.verify()).isEmpty();
        // What log verify runs, from either seat.
        for (Database db : List.of(dbOne, dbTwo)) {
            EventLog log = db == dbOne ? logOne : logTwo;
            IntegrityCheck.Report report = new IntegrityCheck(log, new SessionCatalog(db, log),
                    db == dbOne ? one : two, null).run(Optional.empty());
            assertThat(report.problems()).isEmpty();
            assertThat(report.intact()).isTrue();
            assertThat(report.signers()).hasSize(2).filteredOn(Checkpoints.Signer::thisSeat).singleElement()
                    .extracting(Checkpoints.Signer::fingerprint)
                    .isEqualTo((db == dbOne ? one : two).key().fingerprint());
        }
        assertThat(one.signers()).extracting(Checkpoints.Signer::fingerprint, Checkpoints.Signer::checkpoints,
                        Checkpoints.Signer::thisSeat)
                .containsExactlyInAnyOrder(
                        tuple(one.key().fingerprint(), 3, true),
                        tuple(two.key().fingerprint(), 3, false));
        // Seat two's later checkpoints anchor seat one's checkpoint chain.
        assertThat(two.newest().orElseThrow().changed()).extracting(h -> h.chain())
                .contains(one.chain());
        // Only another seat's checkpoint changed: nothing to sign.
        assertThat(one.take()).isPresent();
        assertThat(two.take()).as("only seat one's checkpoint chain changed").isEmpty();
    }

    @Test
    void concurrentCheckpointsOfTwoSeatsAndOfOneSeatTwiceKeepEveryChainLinked() throws Exception {
        Checkpoints oneAgain = new Checkpoints(logTwo, one.key(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            List<Checkpoints> seats = List.of(one, two, oneAgain);
            for (int s = 0; s < seats.size(); s++) {
                Checkpoints cp = seats.get(s);
                EventLog log = s == 1 ? logTwo : logOne;
                SessionId call = new SessionId("concurrent-" + s);
                Callable<Integer> run = () -> {
                    int taken = 0;
                    for (int i = 0; i < 8; i++) {
                        append(log, call, 3);
                        append(log, SessionId.AUDIT, 1);
                        taken += cp.take().isPresent() ? 1 : 0;
                    }
                    return taken;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Integer> f : runs) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(one.verify()).isEmpty();
        assertThat(two.verify()).isEmpty();
        List<Checkpoint> ofOne = one.all();
        for (int i = 0; i < ofOne.size(); i++) {
            assertThat(ofOne.get(i).number()).isEqualTo(i + 1);
            assertThat(ofOne.get(i).previous()).isEqualTo(i == 0 ? "none" : ofOne.get(i - 1).digest());
        }
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsStillReported() {
        SessionId call = new SessionId("seat1-call");
        append(logOne, call, 10);
        one.take().orElseThrow();
        append(logTwo, new SessionId("seat2-call"), 10);
        two.take().orElseThrow();

        // The attacker edits entry 5 and recomputes every hash after it, as the program would have.
        Tamper.rewrite(dbOne, call, 5, "{\"i\":99}");
        assertThat(logOne.verify(Optional.of(call)).firstBreak()).as("the chain itself is consistent")
                .isEmpty();

        assertThat(one.verify()).extracting(IntegrityProblem::kind, IntegrityProblem::chain)
                .contains(tuple(IntegrityProblem.Kind.REWRITTEN, call));
        assertThat(two.verify()).extracting(IntegrityProblem::kind, IntegrityProblem::chain)
                .contains(tuple(IntegrityProblem.Kind.REWRITTEN, call));
    }

    @Test
    void aSeatsCheckpointChainCutOnTheServerIsReportedByTheOtherSeatsAnchors() {
        append(logOne, new SessionId("seat1-call"), 10);
        one.take().orElseThrow();
        append(logOne, new SessionId("seat1-call"), 5);
        one.take().orElseThrow();
        append(logTwo, new SessionId("seat2-call"), 10);
        two.take().orElseThrow();

        Tamper.deleteChain(dbOne, one.chain());

        assertThat(two.verify()).extracting(IntegrityProblem::kind, IntegrityProblem::chain)
                .contains(tuple(IntegrityProblem.Kind.DELETED, one.chain()));
        assertThat(two.signers()).extracting(Checkpoints.Signer::fingerprint)
                .containsExactly(two.key().fingerprint());
    }

    @Test
    void aCheckpointCopiedOntoAnotherKeysChainIsReported() {
        append(logOne, new SessionId("seat1-call"), 10);
        Checkpoint c = one.take().orElseThrow();
        append(logTwo, new SessionId("seat2-call"), 10);
        two.take().orElseThrow();
        logTwo.append(new AppendRequest(two.chain(), 0, Checkpoints.TYPE,
                Checkpoints.payload(c.text(), c.signature(), c.publicKey())));

        assertThat(two.verify()).extracting(IntegrityProblem::kind, IntegrityProblem::chain)
                .containsExactly(tuple(IntegrityProblem.Kind.CHECKPOINT, two.chain()));
    }

    private static void append(EventLog log, SessionId chain, int n) {
        List<AppendRequest> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new AppendRequest(chain, i, "call.utterance", "{\"i\":" + i + "}"));
        }
        log.appendAll(batch);
    }

}
