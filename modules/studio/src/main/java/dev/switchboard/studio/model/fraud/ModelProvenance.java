package dev.switchboard.studio.model.fraud;

import java.util.List;

/**
 * A trained model's record: how it was made ({@code spec}, enough to rebuild it), what the library says it is
 * (Tribuo's own provenance, as text), and how it did.
 *
 * @param trainedAt         epoch milliseconds
 * @param library           {@code Tribuo 4.3.2} and the trainer
 * @param tribuoProvenance  Tribuo's provenance of the model: data, trainer and every hyper-parameter
 * @param scoresSha256      SHA-256 of the model's raw scores (their exact bits) on the first rows of its data: a
 *                          rebuild is the same model when these match (the serialised model differs in the time
 *                          stamps of its provenance)
 */
public record ModelProvenance(TrainingSpec spec, long trainedAt, String library, String tribuoProvenance,
                              String scoresSha256, FraudMetrics metrics, FraudMetrics baseline,
                              List<FeatureWeight> importance, double trainingSeconds) {

    public ModelProvenance {
        importance = List.copyOf(importance);
    }
}
