package dev.switchboard.studio.engine.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.store.Database;
import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Computed walk-forward evaluations with their forecast ({@code studio_backtest}), so a study opens at once the next
 * time; the newest of a series, model and horizon is the one shown. Thread-safe.
 */
public final class BacktestStore {

    /** The study the Prices panel opens on and the demo computes in advance. */
    public static final String DEFAULT_SERIES = "bundled:BTC-USD:5m";
    public static final String DEFAULT_MODEL = "gbm";
    public static final int DEFAULT_HORIZON = 12;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbi jdbi;
    private final Clock clock;

    public BacktestStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** A stored study. */
    public record Saved(WalkForwardReport report, Forecast forecast, long computedAt) {
    }

    public Optional<Saved> find(String seriesId, String model, int horizon) {
        return jdbi.withHandle(h -> h.createQuery("SELECT report_json, forecast_json, computed_at FROM studio_backtest"
                + " WHERE series_id = :s AND model = :m AND horizon = :h ORDER BY computed_at DESC, id DESC LIMIT 1")
                .bind("s", seriesId).bind("m", model).bind("h", horizon)
                .map((rs, ctx) -> {
                    try {
                        return new Saved(JSON.readValue(rs.getString(1), WalkForwardReport.class),
                                JSON.readValue(rs.getString(2), Forecast.class), rs.getLong(3));
                    } catch (JsonProcessingException e) {
                        return null;
                    }
                }).findOne());
    }

    public void save(String seriesId, String model, int horizon, WalkForwardReport report, Forecast forecast) {
        try {
            String r = JSON.writeValueAsString(report);
            String f = JSON.writeValueAsString(forecast);
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_backtest (series_id, model, horizon, computed_at,"
                    + " report_json, forecast_json) VALUES (:s, :m, :h, :at, :r, :f)").bind("s", seriesId)
                    .bind("m", model).bind("h", horizon).bind("at", clock.millis()).bind("r", r).bind("f", f)
                    .execute());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Computes and stores the default study (the bundled BTC/USD 5-minute bars, boosted trees, 12 bars ahead)
     * unless one is stored already: what {@code --demo} runs behind the login screen.
     */
    public void ensureDefault() {
        if (find(DEFAULT_SERIES, DEFAULT_MODEL, DEFAULT_HORIZON).isPresent()) {
            return;
        }
        PriceSeries btc = BundledMarketData.byId(DEFAULT_SERIES);
        ReturnModel gbm = BoostedReturnModel.standard(false);
        WalkForwardReport report = WalkForward.run(btc, null, List.of(gbm), WalkForward.Settings.defaults(btc, 1));
        Forecast forecast = PricePredictor.forecast(btc, null, gbm, DEFAULT_HORIZON, 42);
        save(DEFAULT_SERIES, DEFAULT_MODEL, DEFAULT_HORIZON, report, forecast);
    }
}
