package dev.switchboard.studio.engine.ops;

import dev.switchboard.studio.model.ops.ScalingDecision;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The auto-scaler's changes (table {@code studio_scaling_decision}), newest first. Thread-safe. */
public final class ScalingLog {

    private final Jdbi jdbi;

    public ScalingLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void record(ScalingDecision d) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_scaling_decision (at, action, target, reason, "
                        + "queue_depth, oldest_wait_s, outcome) VALUES (:at, :action, :target, :reason, :depth, :wait, "
                        + ":outcome)")
                .bind("at", d.at().toEpochMilli())
                .bind("action", d.direction().name())
                .bind("target", d.target())
                .bind("reason", d.reason())
                .bind("depth", d.queueDepth())
                .bind("wait", d.oldestWaitSeconds())
                .bind("outcome", d.outcome())
                .execute());
    }

    public List<ScalingDecision> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, action, target, reason, queue_depth, oldest_wait_s, "
                        + "outcome FROM studio_scaling_decision ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new ScalingDecision(Instant.ofEpochMilli(rs.getLong(1)),
                        ScalingDecision.Direction.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getString(7)))
                .list());
    }
}
