package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code gpu_job} table. Every state change is a conditional UPDATE on the state it expects, so a
 * cancel and a finishing attempt cannot both win. Thread-safe.
 */
final class JobStore {

    private static final String COLUMNS = "id, request, state, progress, worker, attempts, message, created_at, "
            + "updated_at";

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    JobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String id, ImageRequest request, String message, Instant now) {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the image request as JSON", e);
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO gpu_job (id, request, image_to_image, priority, requested_by, state, message,
                                             created_at, updated_at)
                        VALUES (:id, :request, :img2img, :priority, :user, 'QUEUED', :message, :now, :now)""")
                .bind("id", id)
                .bind("request", body)
                .bind("img2img", request.imageToImage() ? 1 : 0)
                .bind("priority", request.priority())
                .bind("user", request.requestedBy())
                .bind("message", message)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    Optional<ImageJob> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gpu_job WHERE id = :id")
                .bind("id", id)
                .map(this::job)
                .findOne());
    }

    List<ImageJob> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM gpu_job ORDER BY created_at DESC, rowid DESC LIMIT :limit")
                .bind("limit", limit)
                .map(this::job)
                .list());
    }

    List<ImageJob> inState(JobState state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gpu_job WHERE state = :state "
                        + "ORDER BY rowid")
                .bind("state", state.name())
                .map(this::job)
                .list());
    }

    /** Queued jobs as the dispatcher weighs them, in submission order. */
    List<JobPicker.Candidate> queued() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, rowid AS seq, priority, requested_by, image_to_image, worker
                        FROM gpu_job WHERE state = 'QUEUED' ORDER BY rowid""")
                .map((rs, ctx) -> new JobPicker.Candidate(rs.getString("id"), rs.getLong("seq"),
                        rs.getInt("priority"), rs.getString("requested_by"), rs.getInt("image_to_image") == 1,
                        rs.getString("worker")))
                .list());
    }

    /** QUEUED → RUNNING on {@code worker}, counting the attempt; false when the job is no longer queued. */
    boolean claim(String id, String worker, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'RUNNING', worker = :worker, attempts = attempts + 1, progress = 0,
                               message = :message, started_at = :now, updated_at = :now
                        WHERE id = :id AND state = 'QUEUED'""")
                .bind("id", id)
                .bind("worker", worker)
                .bind("message", message)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    boolean progress(String id, double progress, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET progress = :progress, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .bind("id", id)
                .bind("progress", progress)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /** RUNNING → SUCCEEDED with the stored file; false when the job was cancelled meanwhile. */
    boolean succeed(String id, StoredImage image, String model, Duration latency, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'SUCCEEDED', progress = 1, message = :message,
                               result_file = :file, result_sha256 = :sha, result_model = :model,
                               latency_ms = :latency, finished_at = :now, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .bind("id", id)
                .bind("message", message)
                .bind("file", image.file())
                .bind("sha", image.sha256())
                .bind("model", model)
                .bind("latency", latency.toMillis())
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /** RUNNING → QUEUED for another attempt; the worker column keeps the worker that failed. */
    boolean requeue(String id, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'QUEUED', progress = 0, message = :message, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .bind("id", id)
                .bind("message", message)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /** {@code from} → {@code to} (FAILED or CANCELLED); false when the job was not in {@code from}. */
    boolean finish(String id, JobState from, JobState to, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = :to, message = :message, finished_at = :now, updated_at = :now
                        WHERE id = :id AND state = :from""")
                .bind("id", id)
                .bind("from", from.name())
                .bind("to", to.name())
                .bind("message", message)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /**
     * Sets the waiting message of queued jobs whose message is a waiting message too (so a retry's reason
     * stays until the job runs again).
     *
     * @return the ids changed
     */
    List<String> refreshWaiting(boolean imageToImage, String message, Instant now) {
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("""
                            SELECT id FROM gpu_job
                            WHERE state = 'QUEUED' AND image_to_image = :img2img AND message <> :message
                              AND (message = 'queued' OR message LIKE 'waiting for %')""")
                    .bind("img2img", imageToImage ? 1 : 0)
                    .bind("message", message)
                    .mapTo(String.class)
                    .list();
            for (String id : ids) {
                h.createUpdate("UPDATE gpu_job SET message = :message, updated_at = :now WHERE id = :id")
                        .bind("id", id)
                        .bind("message", message)
                        .bind("now", now.toEpochMilli())
                        .execute();
            }
            return ids;
        });
    }

    /** Where a succeeded job's image is and what made it. */
    Optional<StoredResult> result(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT worker, result_file, result_sha256, result_model, latency_ms FROM gpu_job
                        WHERE id = :id AND state = 'SUCCEEDED' AND result_file IS NOT NULL""")
                .bind("id", id)
                .map((rs, ctx) -> new StoredResult(rs.getString("worker"),
                        new StoredImage(rs.getString("result_file"), rs.getString("result_sha256")),
                        rs.getString("result_model"), Duration.ofMillis(rs.getLong("latency_ms"))))
                .findOne());
    }

    private ImageJob job(ResultSet rs, StatementContext ctx) throws SQLException {
        ImageRequest request;
        try {
            request = json.readValue(rs.getString("request"), ImageRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored request of job " + rs.getString("id") + " is unreadable", e);
        }
        return new ImageJob(rs.getString("id"), request, JobState.valueOf(rs.getString("state")),
                rs.getDouble("progress"), rs.getString("worker"), rs.getInt("attempts"), rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    /**
     * A result file.
     *
     * @param file relative to the images folder
     * @param sha256 lower-case hex of the file's SHA-256
     */
    record StoredImage(String file, String sha256) {
    }

    record StoredResult(String worker, StoredImage image, String model, Duration latency) {
    }
}
