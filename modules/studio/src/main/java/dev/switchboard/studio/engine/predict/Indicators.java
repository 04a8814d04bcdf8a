package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.Num;

/**
 * The technical indicators of a series, computed by ta4j and copied into arrays for charts, features and CSV:
 * RSI(14), MACD(12, 26) with its 9-bar signal and histogram, SMA(20), EMA(20), EMA(50), Bollinger bands (20, 2σ),
 * ATR(14) and on-balance volume. Every value at bar i uses bars 0..i only. ta4j gives NaN while an indicator has
 * too little history (an EMA of n bars starts at bar n, seeded with that close); after {@link #UNSTABLE} bars
 * every indicator has a value.
 */
public record Indicators(double[] rsi, double[] macd, double[] macdSignal, double[] macdHistogram, double[] sma20,
                         double[] ema20, double[] ema50, double[] bollingerMiddle, double[] bollingerUpper,
                         double[] bollingerLower, double[] atr, double[] obv) {

    /** Bars before the slowest indicator (EMA 50, MACD 26 + 9) settles. */
    public static final int UNSTABLE = 50;

    /** The column names of {@link #toRow}, for CSV export. */
    public static final String[] COLUMNS = {"rsi14", "macd", "macd_signal", "macd_histogram", "sma20", "ema20",
        "ema50", "bollinger_middle", "bollinger_upper", "bollinger_lower", "atr14", "obv"};

    public static Indicators compute(PriceSeries series) {
        BarSeries bars = Ta4jBars.of(series);
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(sma20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        Num two = bars.numFactory().two();
        return new Indicators(values(new RSIIndicator(close, 14), bars), values(macd, bars),
                values(macd.getSignalLine(9), bars), values(macd.getHistogram(9), bars), values(sma20, bars),
                values(new EMAIndicator(close, 20), bars), values(new EMAIndicator(close, 50), bars),
                values(middle, bars), values(new BollingerBandsUpperIndicator(middle, sd, two), bars),
                values(new BollingerBandsLowerIndicator(middle, sd, two), bars),
                values(new ATRIndicator(bars, 14), bars),
                values(new OnBalanceVolumeIndicator(bars), bars));
    }

    /** One bar's values in {@link #COLUMNS} order. */
    public double[] toRow(int i) {
        return new double[] {rsi[i], macd[i], macdSignal[i], macdHistogram[i], sma20[i], ema20[i], ema50[i],
            bollingerMiddle[i], bollingerUpper[i], bollingerLower[i], atr[i], obv[i]};
    }

    private static double[] values(Indicator<Num> indicator, BarSeries bars) {
        double[] out = new double[bars.getBarCount()];
        for (int i = 0; i < out.length; i++) {
            Num v = indicator.getValue(i);
            out[i] = v.isNaN() ? Double.NaN : v.doubleValue();
        }
        return out;
    }
}
