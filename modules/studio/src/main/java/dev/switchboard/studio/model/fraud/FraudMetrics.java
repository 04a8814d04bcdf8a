package dev.switchboard.studio.model.fraud;

import java.util.Map;

/**
 * How a model did on the held-out time slice (the newest transactions, never used to train, calibrate or pick the
 * threshold).
 *
 * @param rocAuc          area under the ROC curve
 * @param prAuc           average precision (area under the precision-recall curve); a random model scores the
 *                        fraud rate
 * @param threshold       the calibrated probability above which a transaction raises an alert
 * @param precision       share of alerts that were fraud
 * @param recall          share of fraud that raised an alert
 * @param alertsPerThousand alerts per 1,000 transactions
 * @param recallByPattern recall per injected pattern (simulated data only; empty otherwise)
 */
public record FraudMetrics(String model, int rows, int positives, double rocAuc, double prAuc, double threshold,
                           double precision, double recall, double alertsPerThousand,
                           Map<String, Double> recallByPattern) {

    public FraudMetrics {
        recallByPattern = Map.copyOf(recallByPattern);
    }
}
