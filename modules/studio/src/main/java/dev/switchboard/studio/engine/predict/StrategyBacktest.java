package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.StrategyResult;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.criteria.EnterAndHoldCriterion;
import org.ta4j.core.criteria.ReturnRepresentation;
import org.ta4j.core.criteria.pnl.NetReturnCriterion;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * A rule-based long-only strategy run bar by bar by ta4j's backtester (trades at the close of the signal bar), with
 * a fee on every buy and sell, against buying at the first bar and holding, after the same fees.
 */
public final class StrategyBacktest {

    /** The strategy's rules, as the window and the CLI print them. */
    public static final String RULE = "Buy when MACD(12, 26) crosses above its 9-bar signal while RSI(14) < 70 and "
            + "the close is above EMA(50); sell when MACD crosses below its signal, RSI(14) > 80 or the position "
            + "has lost 2 %.";

    /** Bitstamp's taker fee in 2013 was 0.5 %; exchanges now charge about 0.1 %. */
    public static final double DEFAULT_FEE = 0.001;

    private StrategyBacktest() {
    }

    public static StrategyResult run(PriceSeries series, double feeRate) {
        if (!(feeRate >= 0 && feeRate < 0.1)) {
            throw new IllegalArgumentException("fee must be within 0..10 %, was " + feeRate);
        }
        BarSeries bars = Ta4jBars.of(series);
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = macd.getSignalLine(9);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        EMAIndicator trend = new EMAIndicator(close, 50);
        Rule entry = new CrossedUpIndicatorRule(macd, signal).and(new UnderIndicatorRule(rsi, 70))
                .and(new OverIndicatorRule(close, trend));
        Rule exit = new CrossedDownIndicatorRule(macd, signal).or(new OverIndicatorRule(rsi, 80))
                .or(new StopLossRule(close, 2));
        Strategy strategy = new BaseStrategy("MACD/RSI/EMA", entry, exit, Indicators.UNSTABLE);
        TradingRecord record = new BarSeriesManager(bars, new LinearTransactionCostModel(feeRate),
                new ZeroCostModel()).run(strategy);

        int n = series.size();
        double[] c = series.close();
        boolean[] buy = new boolean[n];
        boolean[] sell = new boolean[n];
        int winners = 0;
        for (Position p : record.getPositions()) {
            buy[p.getEntry().getIndex()] = true;
            sell[p.getExit().getIndex()] = true;
            winners += p.getProfit().isPositive() ? 1 : 0;
        }
        if (record.getCurrentPosition().isOpened()) {
            buy[record.getCurrentPosition().getEntry().getIndex()] = true;
        }
        // The equity curve for the chart, with the same fee on each side; the returns below are ta4j's own.
        double[] equity = new double[n];
        double[] hold = new double[n];
        double cash = 1;
        double units = 0;
        double holdUnits = (1 - feeRate) / c[0];
        for (int i = 0; i < n; i++) {
            if (sell[i] && units > 0) {
                cash = units * c[i] * (1 - feeRate);
                units = 0;
            }
            if (buy[i] && units == 0) {
                units = cash * (1 - feeRate) / c[i];
                cash = 0;
            }
            equity[i] = cash + units * c[i] * (1 - feeRate);
            hold[i] = holdUnits * c[i] * (1 - feeRate);
        }
        double strategyReturn = new NetReturnCriterion(ReturnRepresentation.DECIMAL).calculate(bars, record)
                .doubleValue();
        double holdReturn = new EnterAndHoldCriterion(new NetReturnCriterion(ReturnRepresentation.DECIMAL))
                .calculate(bars, record).doubleValue();
        return new StrategyResult(RULE, feeRate, strategyReturn, holdReturn, record.getPositionCount(), winners,
                maxDrawdown(equity), equity, hold);
    }

    /** The largest fall from a running peak, as a fraction of the peak. */
    public static double maxDrawdown(double[] values) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double v : values) {
            peak = Math.max(peak, v);
            if (peak > 0) {
                worst = Math.max(worst, (peak - v) / peak);
            }
        }
        return worst;
    }
}
