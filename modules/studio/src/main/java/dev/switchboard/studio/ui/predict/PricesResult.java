package dev.switchboard.studio.ui.predict;

import dev.switchboard.studio.engine.predict.Indicators;
import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.RiskParityWeight;
import dev.switchboard.studio.model.predict.RiskReport;
import dev.switchboard.studio.model.predict.StrategyResult;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.util.List;

/**
 * Everything the Prices panel shows for one series: computed together off the FX thread.
 *
 * @param sentiment per-bar headline sentiment, or null when no headlines were imported for the symbol
 */
public record PricesResult(PriceSeries series, Indicators indicators, Forecast forecast, WalkForwardReport report,
                           StrategyResult strategy, List<RiskReport> risks, List<RiskParityWeight> parity,
                           double[] sentiment, int headlines) {
}
