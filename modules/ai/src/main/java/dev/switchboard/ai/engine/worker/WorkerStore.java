package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code gpu_worker} table. Thread-safe. */
final class WorkerStore {

    private static final String COLUMNS = "name, base_url, kind, flavour, api_key_ref, capacity, enabled, "
            + "capabilities, standby, note";

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
                                                    capabilities, standby, note, created_at, updated_at)
                            VALUES (:name, :url, :kind, :flavour, :ref, :capacity, :enabled, :capabilities, :standby,
                                    :note, :now, :now)""")
                    .bind("capabilities", capabilities(w))
                    .bind("standby", w.standby() ? 1 : 0)
                    .bind("note", w.note())
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
                               capacity = :capacity, enabled = :enabled, capabilities = :capabilities,
                               standby = :standby, note = :note, updated_at = :now
                        WHERE name = :name""")
                .bind("capabilities", capabilities(w))
                .bind("standby", w.standby() ? 1 : 0)
                .bind("note", w.note())
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

    /** '' when the worker has its flavour's defaults, so a later change of the defaults reaches it. */
    private static String capabilities(Worker w) {
        return w.capabilities().equals(w.flavour().defaultCapabilities(w.kind())) ? ""
                : WorkerCapability.join(w.capabilities());
    }

    private static Worker worker(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<WorkerCapability> can = EnumSet.noneOf(WorkerCapability.class);
        for (String label : rs.getString("capabilities").split(",")) {
            WorkerCapability.fromLabel(label).ifPresent(can::add);
        }
        return new Worker(rs.getString("name"), URI.create(rs.getString("base_url")),
                WorkerKind.valueOf(rs.getString("kind")), ApiFlavour.valueOf(rs.getString("flavour")),
                rs.getString("api_key_ref"), rs.getInt("capacity"), rs.getInt("enabled") == 1, can,
                rs.getInt("standby") == 1, rs.getString("note"));
    }
}
