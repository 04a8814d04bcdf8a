package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' scratch schema: made in an empty database only, used like any server, gone afterwards. */
class ScratchSchemaTest {

    @TempDir
    Path tmp;

    @Test
    void holdsAWholeStoreAndLeavesNothingBehind() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        String name;
        try (ScratchSchema scratch = ScratchSchema.create(target)) {
            name = scratch.name();
            assertThat(name).startsWith(ScratchSchema.PREFIX);
            try (Database db = Database.openServer(DataDir.of(tmp.resolve("a")), scratch.server())) {
                String current = db.jdbi().withHandle(h -> h.createQuery("SELECT current_schema()")
                        .mapTo(String.class).one());
                long entries = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM event_log")
                        .mapTo(Long.class).one());
                assertThat(current).isEqualTo(name);
                assertThat(entries).isZero();
            }
        }
        try (Database db = Database.openServer(DataDir.of(tmp.resolve("b")), target)) {
            long left = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_namespace WHERE nspname = :n").bind("n", name).mapTo(Long.class).one());
            assertThat(left).as("the scratch schema was dropped").isZero();
        }
    }

    @Test
    void refusesADatabaseThatHoldsTables() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        Database.openServer(DataDir.of(tmp.resolve("c")), target).close();

        assertThatThrownBy(() -> ScratchSchema.create(target))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("needs an empty database")
                .hasMessageContaining("public.");
    }
}
