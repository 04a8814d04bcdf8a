package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.predict.BoostedReturnModel;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.engine.predict.ReturnModel;
import dev.switchboard.studio.engine.predict.StrategyBacktest;
import dev.switchboard.studio.engine.predict.WalkForward;
import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.StrategyResult;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio backtest}: walk-forward scores against the random walk, and a strategy backtest. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Walk-forward evaluation (trained on the past only, retrained on a schedule): MAE and RMSE "
                + "against the random walk, direction accuracy, coverage of the 80 %/95 % bands; and a rule-based "
                + "strategy with fees against buy-and-hold.")
final class StudioBacktestCommand implements Callable<Integer> {

    @ParentCommand
    StudioCommand studio;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", defaultValue = "BTC-USD")
    String symbol;

    @Option(names = "--bar", defaultValue = "5m")
    String bar;

    @Option(names = "--model", defaultValue = "gbm", description = "gbm, gbm+sentiment or naive; the random walk is "
            + "always scored beside it.")
    String model;

    @Option(names = "--horizon", defaultValue = "1", description = "Bars ahead each forecast is scored at.")
    int horizon;

    @Option(names = "--retrain", defaultValue = "144", description = "Retrain every this many bars.")
    int retrain;

    @Option(names = "--fee", defaultValue = "0.001", description = "Strategy fee per trade (0.001 = 0.1 %).")
    double fee;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (horizon < 1 || retrain < 1) {
            throw InputException.field("--horizon/--retrain", "must be at least 1");
        }
        if (!(fee >= 0 && fee < 0.1)) {
            throw InputException.field("--fee", "must be within 0..0.1");
        }
        ReturnModel chosen = StudioPredictCommand.model(model);
        try (Workstation ws = studio.openWorkstation()) {
            MarketStore store = new MarketStore(ws.database(), ws.wallClock());
            PriceSeries series = StudioPredictCommand.series(store, symbol, bar);
            double[] sentiment = StudioPredictCommand.sentiment(store, series, chosen);
            WalkForward.Settings defaults = WalkForward.Settings.defaults(series, horizon);
            WalkForwardReport report;
            try {
                // With sentiment, the same model without it runs beside, so its effect is measured, not assumed.
                List<ReturnModel> models = chosen == ReturnModel.NAIVE ? List.of() : chosen.usesSentiment()
                        ? List.of(BoostedReturnModel.standard(false), chosen) : List.of(chosen);
                report = WalkForward.run(series, sentiment, models,
                        new WalkForward.Settings(horizon, defaults.warmUp(), retrain, defaults.seed()));
            } catch (IllegalArgumentException e) {
                throw InputException.field("--symbol", e.getMessage());
            }
            StrategyResult strategy = StrategyBacktest.run(series, fee);
            print(report, strategy);
        }
        return 0;
    }

    private void print(WalkForwardReport r, StrategyResult s) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("symbol", r.symbol()).put("bar", r.bar()).put("source", r.source()).put("bars", r.bars())
                    .put("horizon", r.horizon()).put("warmUp", r.warmUp()).put("retrainEvery", r.retrainEvery())
                    .put("seconds", r.seconds()).put("notFinancialAdvice", true);
            ArrayNode models = root.putArray("models");
            for (ModelScore m : r.scores()) {
                ObjectNode n = models.addObject().put("model", m.model()).put("forecasts", m.forecasts())
                        .put("mae", m.mae()).put("rmse", m.rmse()).put("maeVsRandomWalk", m.maeRatio())
                        .put("rmseVsRandomWalk", m.rmseRatio()).put("coverage80", m.coverage80())
                        .put("coverage95", m.coverage95()).put("verdict", verdict(m));
                putNumber(n, "directionAccuracy", m.directionAccuracy());
                putNumber(n, "dieboldMariano", m.dieboldMariano());
            }
            root.putObject("strategy").put("rule", s.rule()).put("fee", s.feeRate())
                    .put("strategyReturn", s.strategyReturn()).put("buyAndHoldReturn", s.buyAndHoldReturn())
                    .put("trades", s.trades()).put("winningTrades", s.winningTrades())
                    .put("maxDrawdown", s.maxDrawdown()).put("beatsBuyAndHold", s.beatsBuyAndHold());
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        out.printf(Locale.ROOT, "%s %s, %d bars (%s). Walk-forward from bar %d, %d bar(s) ahead, retrained every %d"
                + " bars, %.1f s. Not financial advice.%n", r.symbol(), r.bar(), r.bars(), r.source(), r.warmUp(),
                r.horizon(), r.retrainEvery(), r.seconds());
        out.printf("%-14s %9s %12s %12s %8s %8s %10s %11s %11s  %s%n", "MODEL", "FORECASTS", "MAE", "RMSE", "MAE/RW",
                "RMSE/RW", "DIRECTION", "COVERAGE80", "COVERAGE95", "VERDICT");
        for (ModelScore m : r.scores()) {
            out.printf(Locale.ROOT, "%-14s %9d %12.4f %12.4f %8.3f %8.3f %10s %11.3f %11.3f  %s%n", m.model(),
                    m.forecasts(), m.mae(), m.rmse(), m.maeRatio(), m.rmseRatio(),
                    Double.isNaN(m.directionAccuracy()) ? "—" : String.format(Locale.ROOT, "%.3f",
                            m.directionAccuracy()), m.coverage80(), m.coverage95(), verdict(m));
        }
        out.printf(Locale.ROOT, "Strategy: %s%n  fee %.2f %% per trade: strategy %+.2f %%, buy-and-hold %+.2f %%, %d "
                + "trades (%d winning), max drawdown %.2f %% — %s%n", s.rule(), s.feeRate() * 100,
                s.strategyReturn() * 100, s.buyAndHoldReturn() * 100, s.trades(), s.winningTrades(),
                s.maxDrawdown() * 100, s.beatsBuyAndHold() ? "beat buy-and-hold on this series"
                        : "did not beat buy-and-hold on this series");
    }

    static String verdict(ModelScore m) {
        return switch (m.verdict()) {
            case BASELINE -> "the random walk (baseline)";
            case BEATS -> "beats the random walk";
            case NOT_SIGNIFICANT -> "lower errors than the random walk, but not significantly";
            case DOES_NOT_BEAT -> "does NOT beat the random walk";
        };
    }

    private static void putNumber(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }
}
