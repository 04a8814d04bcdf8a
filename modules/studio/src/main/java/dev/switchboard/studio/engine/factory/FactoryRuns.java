package dev.switchboard.studio.engine.factory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.text.Counts;
import dev.switchboard.studio.model.factory.FactoryRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The factory's runs (table {@code studio_factory_run}); the run itself is kept as JSON. Thread-safe. */
public final class FactoryRuns {

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public FactoryRuns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void save(FactoryRun run) {
        String report;
        try {
            report = json.writeValueAsString(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_factory_run (id, intent, stack, mode, created_by, "
                        + "created_at, status, report, files_dir) VALUES (:id, :intent, :stack, :mode, :by, :at, "
                        + ":status, :report, :dir)")
                .bind("id", run.id())
                .bind("intent", run.intentText())
                .bind("stack", run.stack())
                .bind("mode", run.mode())
                .bind("by", run.createdBy())
                .bind("at", run.createdAt().toEpochMilli())
                .bind("status", run.violations().isEmpty() ? "valid"
                        : Counts.of(run.violations().size(), "broken rule", "broken rules"))
                .bind("report", report)
                .bind("dir", run.folder().toString())
                .execute());
    }

    public Optional<FactoryRun> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT report FROM studio_factory_run WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne()).map(this::read);
    }

    /** The newest runs first, as one line each. */
    public List<Summary> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, intent, stack, mode, created_by, created_at, status, "
                        + "files_dir FROM studio_factory_run ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7),
                        Path.of(rs.getString(8))))
                .list());
    }

    private FactoryRun read(String report) {
        try {
            return json.readValue(report, FactoryRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run as the list shows it. */
    public record Summary(String id, String intent, String stack, String mode, String createdBy, Instant createdAt,
                          String status, Path folder) {
    }
}
