package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;
import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/** Converts the studio's series into ta4j's, in double precision (indicators do not need decimal arithmetic). */
final class Ta4jBars {

    private Ta4jBars() {
    }

    static BarSeries of(PriceSeries s) {
        BarSeries series = new BaseBarSeriesBuilder().withName(s.symbol() + " " + s.barLabel())
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration period = Duration.ofSeconds(s.barSeconds());
        for (int i = 0; i < s.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochSecond(s.times()[i] + s.barSeconds()))
                    .openPrice(s.open()[i]).highPrice(s.high()[i]).lowPrice(s.low()[i]).closePrice(s.close()[i])
                    .volume(s.volume()[i]).add();
        }
        return series;
    }
}
