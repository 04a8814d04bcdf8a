package dev.switchboard.studio.model.fraud;

import java.util.List;
import java.util.Objects;

/**
 * An alert in the queue: who, what, how sure the model is and why, and what a person decided.
 *
 * @param simTimeMs  the stream's time when it was raised
 * @param who        the account or host, e.g. {@code C004211} or {@code 10.0.3.17}
 * @param what       what happened, in words
 * @param score      the calibrated fraud probability, or the anomaly score for network alerts
 * @param reasons    the strongest reasons, strongest first
 * @param truth      what the simulator injected (a pattern or attack name, {@code NONE} when legitimate), shown
 *                   only after a decision, for training
 * @param decision   null while open
 */
public record Alert(String id, AlertKind kind, long simTimeMs, String who, String what, double score,
                    List<Reason> reasons, String truth, AlertDecision decision) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
    }

    public Alert decided(AlertDecision d) {
        return new Alert(id, kind, simTimeMs, who, what, score, reasons, truth, d);
    }
}
