package dev.switchboard.studio.engine.generation;

import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.GalleryUse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The gallery: every finished result (table {@code studio_gallery}) and where each was used
 * ({@code studio_gallery_use}). Thread-safe.
 */
public final class Gallery {

    private static final String COLUMNS = "job_id, kind, prompt, negative_prompt, style, width, height, steps, "
            + "guidance, seed, seconds, fps, image_to_image, requested_by, worker, model, media_type, file, poster, "
            + "sha256, latency_ms, created_at";

    private final Jdbi jdbi;

    public Gallery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a result; false when the job is already in the gallery. */
    public boolean add(GalleryItem item) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO studio_gallery (" + COLUMNS + ") VALUES (:jobId, "
                        + ":kind, :prompt, :negative, :style, :width, :height, :steps, :guidance, :seed, :seconds, "
                        + ":fps, :img2img, :by, :worker, :model, :media, :file, :poster, :sha, :latency, :created) "
                        + "ON CONFLICT (job_id) DO NOTHING")
                .bind("jobId", item.jobId())
                .bind("kind", item.kind() == GalleryItem.Kind.CLIP ? "clip" : "image")
                .bind("prompt", item.prompt())
                .bind("negative", item.negativePrompt())
                .bind("style", item.style())
                .bind("width", item.width())
                .bind("height", item.height())
                .bind("steps", item.steps())
                .bind("guidance", item.guidance())
                .bind("seed", item.seed())
                .bind("seconds", item.seconds())
                .bind("fps", item.fps())
                .bind("img2img", item.imageToImage() ? 1 : 0)
                .bind("by", item.requestedBy())
                .bind("worker", item.worker())
                .bind("model", item.model())
                .bind("media", item.mediaType())
                .bind("file", item.file().toString())
                .bind("poster", item.poster() == null ? null : item.poster().toString())
                .bind("sha", item.sha256())
                .bind("latency", item.latencyMs())
                .bind("created", item.createdAt().toEpochMilli())
                .execute()) == 1;
    }

    public boolean contains(String jobId) {
        return find(jobId).isPresent();
    }

    public Optional<GalleryItem> find(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM studio_gallery WHERE job_id = :id")
                .bind("id", jobId)
                .map(Gallery::item)
                .findOne());
    }

    /** The items matching {@code q}, newest first. */
    public List<GalleryItem> search(GalleryQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM studio_gallery WHERE 1 = 1");
        List<String> words = new ArrayList<>();
        for (String w : q.text().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isBlank()) {
                int i = words.size();
                words.add("%" + w.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                sql.append(" AND LOWER(prompt || ' ' || negative_prompt || ' ' || style || ' ' || worker || ' ' "
                        + "|| model) LIKE :w").append(i).append(" ESCAPE '!'");
            }
        }
        if (q.kind() != null) {
            sql.append(" AND kind = :kind");
        }
        if (q.style() != null) {
            sql.append(" AND style = :style");
        }
        if (q.worker() != null) {
            sql.append(" AND worker = :worker");
        }
        if (q.from() != null) {
            sql.append(" AND created_at >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND created_at < :to");
        }
        sql.append(" ORDER BY created_at DESC, job_id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", q.limit());
            for (int i = 0; i < words.size(); i++) {
                query.bind("w" + i, words.get(i));
            }
            if (q.kind() != null) {
                query.bind("kind", q.kind() == GalleryItem.Kind.CLIP ? "clip" : "image");
            }
            if (q.style() != null) {
                query.bind("style", q.style());
            }
            if (q.worker() != null) {
                query.bind("worker", q.worker());
            }
            if (q.from() != null) {
                query.bind("from", q.from().toEpochMilli());
            }
            if (q.to() != null) {
                query.bind("to", q.to().toEpochMilli());
            }
            return query.map(Gallery::item).list();
        });
    }

    /** How many items there are. */
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM studio_gallery").mapTo(Integer.class).one());
    }

    /** The workers that made items, for the filter. */
    public List<String> workers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT worker FROM studio_gallery ORDER BY worker")
                .mapTo(String.class).list());
    }

    /** Records that an item was offered for {@code use}. */
    public void recordUse(String jobId, GalleryUse use, String target, String by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_gallery_use (job_id, use_as, target, used_by, used_at) "
                        + "VALUES (:id, :use, :target, :by, :at)")
                .bind("id", jobId)
                .bind("use", use.code())
                .bind("target", target == null ? "" : target)
                .bind("by", by)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    /** Where an item was used, oldest first. */
    public List<Use> uses(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT use_as, target, used_by, used_at FROM studio_gallery_use "
                        + "WHERE job_id = :id ORDER BY id")
                .bind("id", jobId)
                .map((rs, ctx) -> new Use(GalleryUse.fromCode(rs.getString(1)), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list());
    }

    /** The style of each job the studio asked for, by job id. */
    void rememberStyle(String jobId, String style, String batchId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_generation (job_id, style, batch_id, created_at) "
                        + "VALUES (:id, :style, :batch, :at) ON CONFLICT (job_id) DO NOTHING")
                .bind("id", jobId)
                .bind("style", style)
                .bind("batch", batchId)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    Optional<String> styleOf(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT style FROM studio_generation WHERE job_id = :id")
                .bind("id", jobId).mapTo(String.class).findOne());
    }

    private static GalleryItem item(ResultSet rs, StatementContext ctx) throws SQLException {
        String poster = rs.getString("poster");
        return new GalleryItem(rs.getString("job_id"), rs.getString("kind").equals("clip") ? GalleryItem.Kind.CLIP
                : GalleryItem.Kind.IMAGE, rs.getString("prompt"), rs.getString("negative_prompt"),
                rs.getString("style"), rs.getInt("width"), rs.getInt("height"), rs.getInt("steps"),
                rs.getDouble("guidance"), rs.getLong("seed"), rs.getDouble("seconds"), rs.getInt("fps"),
                rs.getInt("image_to_image") == 1, rs.getString("requested_by"), rs.getString("worker"),
                rs.getString("model"), rs.getString("media_type"), Path.of(rs.getString("file")),
                poster == null ? null : Path.of(poster), rs.getString("sha256"), rs.getLong("latency_ms"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** One use of an item. */
    public record Use(GalleryUse use, String target, String usedBy, Instant at) {
    }
}
