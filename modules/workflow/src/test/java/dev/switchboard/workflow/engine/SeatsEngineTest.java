package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.testkit.TestDatabase;
import dev.switchboard.workflow.TestDatabases;
import dev.switchboard.workflow.model.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seats on one server database: one engine runs the workflows, whatever the seats' process ids (here two seats in
 * one process, the same id, as two machines may have); another seat's runs go to it as commands, and when the seat
 * running the engine is gone (its connection to the server ended, as when it is killed) the next seat to open takes
 * over.
 */
class SeatsEngineTest {

    private static final String HELLO = """
            id: hello-seats
            name: Hello seats
            tasks:
              - {id: a, type: log, with: {message: "hello"}}
            """;

    @TempDir
    Path temp;
    private Database firstDb;
    private Database secondDb;
    private Workflows first;
    private Workflows second;

    @BeforeEach
    void open() {
        assumeTrue(TestDatabase.onServer(), "seats share a server database, not a seat's SQLite file");
        DataDir folder = DataDir.of(temp.resolve("first"));
        firstDb = TestDatabases.open(folder);
        secondDb = Database.open(DataDir.of(temp.resolve("second")), Optional.of(
                DatabaseServer.of(TestDatabase.serverFor(folder.root()).orElseThrow(), null, null)));
        first = open(firstDb);
        second = open(secondDb);
    }

    private static Workflows open(Database db) {
        return Workflows.open(db, new Workflows.Setup(new EventBus(), r -> { }, List.of(), Map.of(),
                Inputs.unchecked(), RunObserver.NONE, List.of(), null, null));
    }

    @AfterEach
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {second, first, secondDb, firstDb}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing what the test left
                }
            }
        }
    }

    @Test
    void oneSeatRunsTheWorkflowsAndTheOtherForwardsToIt() throws Exception {
        assertThat(first.runsEngine()).isTrue();
        assertThat(second.runsEngine()).isFalse();
        assertThatThrownBy(second::engine).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("workflows of this database are run by process "
                        + ProcessHandle.current().pid());

        String id = second.commands().forward(new RunCommands.Command(RunCommands.RUN, "", null,
                new WorkflowEngine.Actor("ito", "INSTRUCTOR"), Map.of("yaml", HELLO, "file", "hello.yaml")),
                Duration.ofSeconds(10)).orThrow().run();
        assertThat(first.ended(id).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(second.store().find(id).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void theNextSeatTakesOverWhenTheSeatRunningTheEngineIsGone() {
        assertThat(endEngineLockConnection()).isEqualTo(1);
        first.close(); // the seat is gone before it could take the lock again
        first = null;
        second.close();

        second = open(secondDb);

        assertThat(second.runsEngine()).isTrue();
    }

    @Test
    void aSeatCutOffFromTheServerTakesItsLockAgainAndStaysTheOnlyEngine() throws InterruptedException {
        assertThat(endEngineLockConnection()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engineLocks() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(engineLocks()).isEqualTo(1);
        second.close();

        second = open(secondDb);

        assertThat(second.runsEngine()).isFalse();
        assertThat(first.runsEngine()).isTrue();
    }

    private int endEngineLockConnection() {
        return firstDb.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks
                        WHERE locktype = 'advisory' AND granted AND objid = :k
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .bind("k", EngineLease.SERVER_LOCK_KEY).mapTo(Integer.class).one());
    }

    private int engineLocks() {
        return firstDb.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = :k
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .bind("k", EngineLease.SERVER_LOCK_KEY).mapTo(Integer.class).one());
    }
}
