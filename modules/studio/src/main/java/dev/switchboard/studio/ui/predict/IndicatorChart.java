package dev.switchboard.studio.ui.predict;

import dev.switchboard.studio.engine.predict.Indicators;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * RSI(14) with its 30/70 lines (and the headline sentiment when there is one), and MACD with signal and
 * histogram, aligned with the candles above.
 */
public final class IndicatorChart extends ChartPane {

    private static final Color RSI = Color.web("#8a5cd0");
    private static final Color MACD = Color.web("#4a7bd0");
    private static final Color SIGNAL = Color.web("#e39b2a");
    private static final Color HIST_UP = Color.web("#2e9e5b99");
    private static final Color HIST_DOWN = Color.web("#d0453a99");
    private static final Color SENTIMENT = Color.web("#2aa7b8");

    private PricesResult result;

    public IndicatorChart() {
        setId("studio-predict-indicator-chart");
    }

    public void show(PricesResult r) {
        this.result = r;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (result == null) {
            return;
        }
        Indicators ind = result.indicators();
        int n = ind.rsi().length;
        int from = Math.max(Indicators.UNSTABLE, n - PriceChart.VISIBLE);
        int slots = n - Math.max(0, n - PriceChart.VISIBLE) + result.forecast().steps().size();
        double right = width - 60;
        double slot = (right - 8) / slots;
        int offset = Math.max(0, n - PriceChart.VISIBLE);
        double mid = height / 2;
        // RSI.
        grid(g, 0, 100, 8, right, 6, mid - 6, "%.0f");
        g.setStroke(RSI.deriveColor(0, 1, 1, 0.4));
        g.setLineDashes(4, 3);
        g.strokeLine(8, y(70, 0, 100, 6, mid - 6), right, y(70, 0, 100, 6, mid - 6));
        g.strokeLine(8, y(30, 0, 100, 6, mid - 6), right, y(30, 0, 100, 6, mid - 6));
        g.setLineDashes();
        g.setStroke(RSI);
        for (int i = from + 1; i < n; i++) {
            g.strokeLine(8 + (i - offset - 0.5) * slot, y(ind.rsi()[i - 1], 0, 100, 6, mid - 6),
                    8 + (i - offset + 0.5) * slot, y(ind.rsi()[i], 0, 100, 6, mid - 6));
        }
        g.setFill(AXIS_TEXT);
        g.fillText(PanelText.get("studio.predict.chart.rsi"), 12, 18);
        double[] sentiment = result.sentiment();
        if (sentiment != null) {
            // Headline sentiment (-1..1) drawn on the same 0..100 scale: 50 is neutral.
            g.setStroke(SENTIMENT);
            for (int i = from + 1; i < n; i++) {
                g.strokeLine(8 + (i - offset - 0.5) * slot, y((sentiment[i - 1] + 1) * 50, 0, 100, 6, mid - 6),
                        8 + (i - offset + 0.5) * slot, y((sentiment[i] + 1) * 50, 0, 100, 6, mid - 6));
            }
            g.setFill(SENTIMENT);
            g.fillText(PanelText.get("studio.predict.chart.sentiment"), 80, 18);
        }
        // MACD.
        double lo = 0;
        double hi = 0;
        for (int i = from; i < n; i++) {
            lo = Math.min(lo, Math.min(ind.macd()[i], Math.min(ind.macdSignal()[i], ind.macdHistogram()[i])));
            hi = Math.max(hi, Math.max(ind.macd()[i], Math.max(ind.macdSignal()[i], ind.macdHistogram()[i])));
        }
        double top = mid + 6;
        double bottom = height - 6;
        grid(g, lo, hi, 8, right, top, bottom, "%.2f");
        double zero = y(0, lo, hi, top, bottom);
        for (int i = from; i < n; i++) {
            double v = ind.macdHistogram()[i];
            double x = 8 + (i - offset + 0.5) * slot;
            g.setFill(v >= 0 ? HIST_UP : HIST_DOWN);
            double yy = y(v, lo, hi, top, bottom);
            g.fillRect(x - slot * 0.35, Math.min(yy, zero), slot * 0.7, Math.abs(yy - zero));
        }
        for (int i = from + 1; i < n; i++) {
            double x1 = 8 + (i - offset - 0.5) * slot;
            double x2 = 8 + (i - offset + 0.5) * slot;
            g.setStroke(MACD);
            g.strokeLine(x1, y(ind.macd()[i - 1], lo, hi, top, bottom), x2, y(ind.macd()[i], lo, hi, top, bottom));
            g.setStroke(SIGNAL);
            g.strokeLine(x1, y(ind.macdSignal()[i - 1], lo, hi, top, bottom), x2,
                    y(ind.macdSignal()[i], lo, hi, top, bottom));
        }
        g.setFill(AXIS_TEXT);
        g.fillText(PanelText.get("studio.predict.chart.macd"), 12, top + 12);
    }
}
