package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.predict.BoostedReturnModel;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.engine.predict.PricePredictor;
import dev.switchboard.studio.engine.predict.ReturnModel;
import dev.switchboard.studio.engine.predict.Sentiment;
import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.ForecastStep;
import dev.switchboard.studio.model.predict.Headline;
import dev.switchboard.studio.model.predict.PriceSeries;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio predict}: the next bars with 80 % and 95 % bands. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Forecast the next bars after the end of a series: central price and 80 %/95 % prediction "
                + "bands per step. Not financial advice; see studio backtest for how such forecasts fared.")
final class StudioPredictCommand implements Callable<Integer> {

    @ParentCommand
    StudioCommand studio;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", defaultValue = "BTC-USD")
    String symbol;

    @Option(names = "--bar", defaultValue = "5m")
    String bar;

    @Option(names = "--horizon", defaultValue = "12", description = "Bars ahead (1..500).")
    int horizon;

    @Option(names = "--model", defaultValue = "gbm", description = "gbm, gbm+sentiment or naive (the random walk).")
    String model;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (horizon < 1 || horizon > 500) {
            throw InputException.field("--horizon", "must be within 1..500");
        }
        ReturnModel chosen = model(model);
        try (Workstation ws = studio.openWorkstation()) {
            MarketStore store = new MarketStore(ws.database(), ws.wallClock());
            PriceSeries series = series(store, symbol, bar);
            double[] sentiment = sentiment(store, series, chosen);
            Forecast f = PricePredictor.forecast(series, sentiment, chosen, horizon, 42);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("symbol", series.symbol()).put("bar", series.barLabel()).put("model", f.model())
                        .put("source", series.source()).put("origin", Instant.ofEpochSecond(f.originTime()).toString())
                        .put("lastClose", f.lastClose()).put("notFinancialAdvice", true);
                ArrayNode steps = root.putArray("steps");
                for (ForecastStep s : f.steps()) {
                    steps.addObject().put("step", s.step()).put("time", Instant.ofEpochSecond(s.time()).toString())
                            .put("central", s.central()).put("lo80", s.lo80()).put("hi80", s.hi80())
                            .put("lo95", s.lo95()).put("hi95", s.hi95());
                }
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.printf(Locale.ROOT, "%s %s (%s), model %s, last close %.2f at %s. Not financial advice.%n",
                        series.symbol(), series.barLabel(), series.source(), f.model(), f.lastClose(),
                        Instant.ofEpochSecond(f.originTime()));
                out.printf("%4s  %-20s %12s %25s %25s%n", "STEP", "TIME", "CENTRAL", "80 % BAND", "95 % BAND");
                for (ForecastStep s : f.steps()) {
                    out.printf(Locale.ROOT, "%4d  %-20s %12.2f %12.2f–%-12.2f %12.2f–%-12.2f%n", s.step(),
                            Instant.ofEpochSecond(s.time()), s.central(), s.lo80(), s.hi80(), s.lo95(), s.hi95());
                }
            }
        }
        return 0;
    }

    static ReturnModel model(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gbm" -> BoostedReturnModel.standard(false);
            case "gbm+sentiment" -> BoostedReturnModel.standard(true);
            case "naive" -> ReturnModel.NAIVE;
            default -> throw InputException.field("--model", "'" + name + "' is not gbm, gbm+sentiment or naive");
        };
    }

    static PriceSeries series(MarketStore store, String symbol, String bar) {
        PriceSeries series = store.find(symbol, StudioMarketCommand.parseBar(bar));
        if (series == null) {
            throw InputException.field("--symbol", "no " + symbol + " " + bar + " series: bundled are BTC-USD 1m/5m/"
                    + "15m and ETH-USD 5m; import others with studio market import");
        }
        return series;
    }

    static double[] sentiment(MarketStore store, PriceSeries series, ReturnModel model) {
        if (!model.usesSentiment()) {
            return null;
        }
        List<Headline> headlines = store.headlines(series.symbol());
        if (headlines.isEmpty()) {
            throw InputException.field("--model", "gbm+sentiment needs headlines about " + series.symbol()
                    + ": import them with studio market headlines FILE --symbol " + series.symbol());
        }
        return Sentiment.perBar(series.times(), series.barSeconds(), headlines, 12);
    }
}
