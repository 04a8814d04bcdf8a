package dev.switchboard.studio.ui.predict;

import dev.switchboard.studio.engine.predict.Indicators;
import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.ForecastStep;
import dev.switchboard.studio.model.predict.PriceSeries;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Candles of the last bars with Bollinger bands and EMA(20), then the forecast fan: the central line with the 80 %
 * and 95 % bands.
 */
public final class PriceChart extends ChartPane {

    static final int VISIBLE = 160;
    private static final Color UP = Color.web("#2e9e5b");
    private static final Color DOWN = Color.web("#d0453a");
    private static final Color BAND = Color.web("#4a7bd0");
    private static final Color FAN95 = Color.web("#e39b2a33");
    private static final Color FAN80 = Color.web("#e39b2a66");
    private static final Color CENTRAL = Color.web("#d67d00");

    private PricesResult result;

    public PriceChart() {
        setId("studio-predict-price-chart");
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
        PriceSeries s = result.series();
        Indicators ind = result.indicators();
        Forecast f = result.forecast();
        int n = s.size();
        int from = Math.max(0, n - VISIBLE);
        int slots = n - from + f.steps().size();
        double right = width - 60;
        double slot = (right - 8) / slots;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = from; i < n; i++) {
            lo = Math.min(lo, s.low()[i]);
            hi = Math.max(hi, s.high()[i]);
            if (Double.isFinite(ind.bollingerLower()[i])) {
                lo = Math.min(lo, ind.bollingerLower()[i]);
                hi = Math.max(hi, ind.bollingerUpper()[i]);
            }
        }
        for (ForecastStep st : f.steps()) {
            lo = Math.min(lo, st.lo95());
            hi = Math.max(hi, st.hi95());
        }
        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double top = 8;
        double bottom = height - 8;
        grid(g, lo, hi, 8, right, top, bottom, "%.2f");
        // Bollinger band and EMA.
        g.setLineWidth(1);
        g.setStroke(BAND.deriveColor(0, 1, 1, 0.6));
        line(g, ind.bollingerUpper(), from, n, slot, lo, hi, top, bottom);
        line(g, ind.bollingerLower(), from, n, slot, lo, hi, top, bottom);
        g.setStroke(BAND);
        line(g, ind.ema20(), from, n, slot, lo, hi, top, bottom);
        for (int i = from; i < n; i++) {
            double x = 8 + (i - from + 0.5) * slot;
            boolean up = s.close()[i] >= s.open()[i];
            g.setStroke(up ? UP : DOWN);
            g.setFill(up ? UP : DOWN);
            g.strokeLine(x, y(s.high()[i], lo, hi, top, bottom), x, y(s.low()[i], lo, hi, top, bottom));
            double y1 = y(Math.max(s.open()[i], s.close()[i]), lo, hi, top, bottom);
            double y2 = y(Math.min(s.open()[i], s.close()[i]), lo, hi, top, bottom);
            double bw = Math.max(1, slot * 0.6);
            g.fillRect(x - bw / 2, y1, bw, Math.max(1, y2 - y1));
        }
        // The fan from the last close.
        int m = f.steps().size();
        double[] xs = new double[m + 1];
        double x0 = 8 + (n - from - 0.5) * slot;
        xs[0] = x0;
        for (int k = 0; k < m; k++) {
            xs[k + 1] = 8 + (n - from + k + 0.5) * slot;
        }
        fan(g, xs, f, true, lo, hi, top, bottom);
        fan(g, xs, f, false, lo, hi, top, bottom);
        g.setStroke(CENTRAL);
        g.setLineWidth(2);
        double px = x0;
        double py = y(f.lastClose(), lo, hi, top, bottom);
        for (int k = 0; k < m; k++) {
            double nx = xs[k + 1];
            double ny = y(f.steps().get(k).central(), lo, hi, top, bottom);
            g.strokeLine(px, py, nx, ny);
            px = nx;
            py = ny;
        }
        g.setStroke(AXIS_TEXT);
        g.setLineDashes(3, 3);
        g.setLineWidth(1);
        g.strokeLine(x0, top, x0, bottom);
        g.setLineDashes();
    }

    private static void fan(GraphicsContext g, double[] xs, Forecast f, boolean outer, double lo, double hi,
                            double top, double bottom) {
        int m = f.steps().size();
        double[] px = new double[2 * (m + 1)];
        double[] py = new double[2 * (m + 1)];
        px[0] = xs[0];
        py[0] = y(f.lastClose(), lo, hi, top, bottom);
        for (int k = 0; k < m; k++) {
            ForecastStep s = f.steps().get(k);
            px[k + 1] = xs[k + 1];
            py[k + 1] = y(outer ? s.hi95() : s.hi80(), lo, hi, top, bottom);
            px[2 * m + 1 - k] = xs[k + 1];
            py[2 * m + 1 - k] = y(outer ? s.lo95() : s.lo80(), lo, hi, top, bottom);
        }
        px[m + 1] = xs[m];
        py[m + 1] = y(outer ? f.steps().get(m - 1).lo95() : f.steps().get(m - 1).lo80(), lo, hi, top, bottom);
        g.setFill(outer ? FAN95 : FAN80);
        g.fillPolygon(px, py, px.length);
    }

    private static void line(GraphicsContext g, double[] v, int from, int n, double slot, double lo, double hi,
                             double top, double bottom) {
        for (int i = Math.max(from + 1, Indicators.UNSTABLE); i < n; i++) {
            g.strokeLine(8 + (i - from - 0.5) * slot, y(v[i - 1], lo, hi, top, bottom), 8 + (i - from + 0.5) * slot,
                    y(v[i], lo, hi, top, bottom));
        }
    }
}
