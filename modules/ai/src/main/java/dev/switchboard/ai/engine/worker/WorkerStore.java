package dev.switchboard.ai.engine.worker;

import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code gpu_worker} table. Thread-safe. */
final class WorkerStore {

    private static final String COLUMNS = "name, base_url, kind, flavour, api_key_ref, capacity, enabled";

    private final Jdbi jdbi;

    WorkerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Worker> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gpu_worker ORDER BY name")
                .map(WorkerStore::worker)
                .list());
    }

    Optional<Worker> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        // name is COLLATE NOCASE: the lookup ignores case.
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gpu_worker WHERE name = :name")
                .bind("name", name.strip())
                .map(WorkerStore::worker)
                .findOne());
    }

    void insert(Worker w, Instant now) {
        jdbi.useTransaction(h -> {
            if (exists(h, w.name())) {
                throw InputException.field("name", "a worker named '" + w.name() + "' already exists");
            }
            h.createUpdate("""
                            INSERT INTO gpu_worker (name, base_url, kind, flavour, api_key_ref, capacity, enabled,
                                                    created_at, updated_at)
                            VALUES (:name, :url, :kind, :flavour, :ref, :capacity, :enabled, :now, :now)""")
                    .bind("name", w.name())
                    .bind("url", w.baseUrl().toString())
                    .bind("kind", w.kind().name())
                    .bind("flavour", w.flavour().name())
                    .bind("ref", w.apiKeyRef())
                    .bind("capacity", w.capacity())
                    .bind("enabled", w.enabled() ? 1 : 0)
                    .bind("now", now.toEpochMilli())
                    .execute();
        });
    }

    /** Replaces every field but the name; false when there is no such worker. */
    boolean update(Worker w, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_worker SET base_url = :url, kind = :kind, flavour = :flavour, api_key_ref = :ref,
                               capacity = :capacity, enabled = :enabled, updated_at = :now
                        WHERE name = :name""")
                .bind("name", w.name())
                .bind("url", w.baseUrl().toString())
                .bind("kind", w.kind().name())
                .bind("flavour", w.flavour().name())
                .bind("ref", w.apiKeyRef())
                .bind("capacity", w.capacity())
                .bind("enabled", w.enabled() ? 1 : 0)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    boolean delete(String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM gpu_worker WHERE name = :name")
                .bind("name", name.strip())
                .execute()) == 1;
    }

    private static boolean exists(Handle h, String name) {
        return h.createQuery("SELECT count(*) FROM gpu_worker WHERE name = :name")
                .bind("name", name)
                .mapTo(Integer.class)
                .one() > 0;
    }

    private static Worker worker(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Worker(rs.getString("name"), URI.create(rs.getString("base_url")),
                WorkerKind.valueOf(rs.getString("kind")), ApiFlavour.valueOf(rs.getString("flavour")),
                rs.getString("api_key_ref"), rs.getInt("capacity"), rs.getInt("enabled") == 1);
    }
}
