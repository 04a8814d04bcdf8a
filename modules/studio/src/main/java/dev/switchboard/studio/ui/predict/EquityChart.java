package dev.switchboard.studio.ui.predict;

import dev.switchboard.studio.model.predict.StrategyResult;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The backtested strategy's equity against buy-and-hold, both starting at 1 and after fees. */
public final class EquityChart extends ChartPane {

    private static final Color STRATEGY = Color.web("#2e9e5b");
    private static final Color HOLD = Color.web("#808080");

    private StrategyResult strategy;

    public EquityChart() {
        setId("studio-predict-equity-chart");
    }

    public void show(StrategyResult s) {
        this.strategy = s;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (strategy == null) {
            return;
        }
        double[] a = strategy.equity();
        double[] b = strategy.buyAndHoldEquity();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < a.length; i++) {
            lo = Math.min(lo, Math.min(a[i], b[i]));
            hi = Math.max(hi, Math.max(a[i], b[i]));
        }
        double right = width - 60;
        double top = 6;
        double bottom = height - 6;
        grid(g, lo, hi, 8, right, top, bottom, "%.3f");
        double step = (right - 8) / Math.max(1, a.length - 1);
        g.setLineWidth(1.5);
        for (int i = 1; i < a.length; i++) {
            double x1 = 8 + (i - 1) * step;
            double x2 = 8 + i * step;
            g.setStroke(HOLD);
            g.strokeLine(x1, y(b[i - 1], lo, hi, top, bottom), x2, y(b[i], lo, hi, top, bottom));
            g.setStroke(STRATEGY);
            g.strokeLine(x1, y(a[i - 1], lo, hi, top, bottom), x2, y(a[i], lo, hi, top, bottom));
        }
        g.setFill(STRATEGY);
        g.fillText(PanelText.get("studio.predict.chart.strategy"), 12, 18);
        g.setFill(HOLD);
        g.fillText(PanelText.get("studio.predict.chart.hold"), 12, 32);
    }
}
