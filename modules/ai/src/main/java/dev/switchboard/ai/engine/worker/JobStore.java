package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.WorkerCapability;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                        INSERT INTO gpu_job (id, request, image_to_image, video, priority, requested_by, state, message,
                                             created_at, updated_at)
                        VALUES (:id, :request, :img2img, :video, :priority, :user, 'QUEUED', :message, :now, :now)""")
                .bind("id", id)
                .bind("request", body)
                .bind("img2img", request.imageToImage() ? 1 : 0)
                .bind("video", request.makesVideo() ? 1 : 0)
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
    List<FairQueue.Candidate> queued() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, rowid AS seq, priority, requested_by, image_to_image, video, worker, updated_at
                        FROM gpu_job WHERE state = 'QUEUED' ORDER BY rowid""")
                .map((rs, ctx) -> candidate(rs))
                .list());
    }

    /**
     * How many jobs are queued and the sum of their row ids: a cheap fingerprint of the queue. Unlike the newest
     * row id, the sum also changes when an older job is queued again after a failure.
     */
    long[] queuedFingerprint() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*), COALESCE(SUM(rowid), 0) FROM gpu_job "
                        + "WHERE state = 'QUEUED'")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one());
    }

    /** Running jobs per worker (lower-case name). */
    Map<String, Integer> runningPerWorker() {
        Map<String, Integer> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT worker, COUNT(*) FROM gpu_job WHERE state = 'RUNNING' "
                        + "GROUP BY worker")
                .map((rs, ctx) -> Map.entry(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** One queued job as the dispatcher weighs it; empty when it is not queued. */
    Optional<FairQueue.Candidate> queued(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, rowid AS seq, priority, requested_by, image_to_image, video, worker, updated_at
                        FROM gpu_job WHERE id = :id AND state = 'QUEUED'""")
                .bind("id", id)
                .map((rs, ctx) -> candidate(rs))
                .findOne());
    }

    private static FairQueue.Candidate candidate(ResultSet rs) throws SQLException {
        Set<WorkerCapability> needs = EnumSet.of(rs.getInt("video") == 1 ? WorkerCapability.VIDEO
                : WorkerCapability.IMAGE);
        if (rs.getInt("image_to_image") == 1) {
            needs.add(WorkerCapability.IMAGE_TO_IMAGE);
        }
        return new FairQueue.Candidate(rs.getString("id"), rs.getLong("seq"), rs.getInt("priority"),
                rs.getString("requested_by"), needs, rs.getString("worker"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    /** The queue that took each running job (null for jobs taken before owners were recorded), by job id. */
    Map<String, String> runningOwners() {
        Map<String, String> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, owner FROM gpu_job WHERE state = 'RUNNING'")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(r -> out.put(r[0], r[1])));
        return out;
    }

    /**
     * Makes {@code owner} the owner of a running job still owned by {@code previous} (null: no owner), with a
     * message; false when the job is no longer running or another queue took it over first.
     */
    boolean takeOver(String id, String previous, String owner, String message, Instant now) {
        return jdbi.withHandle(h -> {
            var update = h.createUpdate("UPDATE gpu_job SET owner = :owner, message = :message, updated_at = :now "
                            + "WHERE id = :id AND state = 'RUNNING' AND "
                            + (previous == null ? "owner IS NULL" : "owner = :previous"))
                    .bind("id", id)
                    .bind("owner", owner)
                    .bind("message", message)
                    .bind("now", now.toEpochMilli());
            if (previous != null) {
                update.bind("previous", previous);
            }
            return update.execute() == 1;
        });
    }

    /** Jobs left running with the id their worker gave them, to follow after a restart. */
    List<RemoteAttempt> runningWithRemoteId() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, worker, remote_id FROM gpu_job
                        WHERE state = 'RUNNING' AND remote_id IS NOT NULL ORDER BY rowid""")
                .map((rs, ctx) -> new RemoteAttempt(rs.getString("id"), rs.getString("worker"),
                        rs.getString("remote_id")))
                .list());
    }

    /** Keeps the worker's own id of the running attempt. */
    void remoteId(String id, String remoteId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE gpu_job SET remote_id = :remote "
                        + "WHERE id = :id AND state = 'RUNNING'")
                .bind("id", id)
                .bind("remote", remoteId)
                .execute());
    }

    /** Sets the message of a running job. */
    boolean runningMessage(String id, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET message = :message, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .bind("id", id)
                .bind("message", message)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /**
     * Successful jobs per worker finished since {@code since}, with their mean duration.
     *
     * @return by worker name as stored
     */
    Map<String, WorkerWork> workSince(Instant since) {
        Map<String, WorkerWork> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT worker, COUNT(*) AS n, AVG(latency_ms) AS mean FROM gpu_job
                        WHERE state = 'SUCCEEDED' AND finished_at >= :since GROUP BY worker""")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new WorkerWork(rs.getString("worker"), rs.getInt("n"),
                        Duration.ofMillis(Math.round(rs.getDouble("mean")))))
                .forEach(w -> out.put(w.worker().toLowerCase(Locale.ROOT), w)));
        return out;
    }

    /** Successful jobs per user finished since {@code since}. */
    Map<String, Integer> servedSince(Instant since) {
        Map<String, Integer> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT requested_by, COUNT(*) AS n FROM gpu_job
                        WHERE state = 'SUCCEEDED' AND finished_at >= :since GROUP BY requested_by""")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getString("requested_by"), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The mean duration of the latest 100 successful jobs of a kind; empty before the first. */
    Optional<Duration> recentMeanLatency(boolean video) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT AVG(latency_ms) FROM (SELECT latency_ms FROM gpu_job
                        WHERE state = 'SUCCEEDED' AND video = :video AND latency_ms IS NOT NULL
                        ORDER BY finished_at DESC LIMIT 100) AS recent""")
                .bind("video", video ? 1 : 0)
                .mapTo(Double.class)
                .findOne()
                .map(ms -> Duration.ofMillis(Math.round(ms))));
    }

    /**
     * QUEUED → RUNNING on {@code worker} for the queue named {@code owner}, counting the attempt; false when the job
     * is no longer queued.
     */
    boolean claim(String id, String worker, String owner, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'RUNNING', worker = :worker, owner = :owner, attempts = attempts + 1,
                               progress = 0, remote_id = NULL, message = :message, started_at = :now, updated_at = :now
                        WHERE id = :id AND state = 'QUEUED'""")
                .bind("id", id)
                .bind("worker", worker)
                .bind("owner", owner)
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
        return succeed(id, image, "image/png", null, -1, model, latency, message, now);
    }

    /**
     * RUNNING → SUCCEEDED with the stored file, its media type, a clip's poster (or null) and the seed used (-1
     * when unknown); false when the job was cancelled meanwhile.
     */
    boolean succeed(String id, StoredImage image, String mediaType, String posterFile, long seed, String model,
                    Duration latency, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'SUCCEEDED', progress = 1, message = :message,
                               result_file = :file, result_sha256 = :sha, result_model = :model,
                               result_media = :media, poster_file = :poster, result_seed = :seed,
                               latency_ms = :latency, finished_at = :now, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .bind("id", id)
                .bind("message", message)
                .bind("file", image.file())
                .bind("sha", image.sha256())
                .bind("media", mediaType)
                .bind("poster", posterFile)
                .bind("seed", seed < 0 ? null : seed)
                .bind("model", model)
                .bind("latency", latency.toMillis())
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /** RUNNING → QUEUED for another attempt; the worker column keeps the worker that failed. */
    boolean requeue(String id, String message, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gpu_job SET state = 'QUEUED', progress = 0, remote_id = NULL, message = :message,
                               updated_at = :now
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
    List<String> refreshWaiting(Set<WorkerCapability> needs, String message, Instant now) {
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("""
                            SELECT id FROM gpu_job
                            WHERE state = 'QUEUED' AND image_to_image = :img2img AND video = :video
                              AND message <> :message AND (message = 'queued' OR message LIKE 'waiting for %')""")
                    .bind("img2img", needs.contains(WorkerCapability.IMAGE_TO_IMAGE) ? 1 : 0)
                    .bind("video", needs.contains(WorkerCapability.VIDEO) ? 1 : 0)
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

    /** Where a succeeded job's file is and what made it. */
    Optional<StoredResult> result(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT worker, result_file, result_sha256, result_model, latency_ms, result_media, poster_file,
                               result_seed, finished_at
                        FROM gpu_job WHERE id = :id AND state = 'SUCCEEDED' AND result_file IS NOT NULL""")
                .bind("id", id)
                .map((rs, ctx) -> {
                    long seed = rs.getLong("result_seed");
                    boolean noSeed = rs.wasNull();
                    String media = rs.getString("result_media");
                    return new StoredResult(rs.getString("worker"),
                            new StoredImage(rs.getString("result_file"), rs.getString("result_sha256")),
                            rs.getString("result_model"), Duration.ofMillis(rs.getLong("latency_ms")),
                            media == null ? "image/png" : media, rs.getString("poster_file"), noSeed ? -1 : seed,
                            Instant.ofEpochMilli(rs.getLong("finished_at")));
                })
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

    /**
     * A succeeded job's result.
     *
     * @param poster a clip's still, relative to the images folder, or null
     * @param seed the seed the worker used, or -1
     */
    record StoredResult(String worker, StoredImage image, String model, Duration latency, String mediaType,
                        String poster, long seed, Instant finishedAt) {
    }

    /** A job left running on a worker that gave it an id. */
    record RemoteAttempt(String id, String worker, String remoteId) {
    }

    /** What one worker finished: jobs and their mean duration. */
    record WorkerWork(String worker, int jobs, Duration mean) {
    }
}
