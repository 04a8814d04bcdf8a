package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's headless commands on small data. */
class StudioCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = temp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void aBrokenMarketFileIsRefusedWithItsLineAndColumnAndNothingIsStored() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "time,open,high,low,close,volume\n1700000000,1,2,0.5,1.5,3\n1700000060,1,2,x,1,1\n");
        CliRun r = run("studio", "market", "import", bad.toString(), "--symbol", "TEST-USD");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":3: low: 'x' is not a number").contains("Nothing was imported");
        Path good = temp.resolve("good.csv");
        Files.writeString(good, "time,open,high,low,close,volume\n1700000000,1,2,0.5,1.5,3\n"
                + "1700000060,1.5,2,1,1.8,1\n");
        assertThat(run("studio", "market", "import", good.toString(), "--symbol", "TEST-USD").code()).isZero();
        CliRun list = run("studio", "market", "list");
        assertThat(list.out()).contains("bundled:BTC-USD:5m").contains("TEST-USD").containsOnlyOnce("TEST-USD");
    }

    @Test
    void predictAndBacktestPrintBandsAndScoresAsJson() throws Exception {
        CliRun predict = run("studio", "predict", "--symbol", "ETH-USD", "--bar", "5m", "--horizon", "3", "--model",
                "naive", "--json");
        assertThat(predict.code()).as(predict.err()).isZero();
        JsonNode p = JSON.readTree(predict.out());
        assertThat(p.get("steps")).hasSize(3);
        JsonNode step = p.get("steps").get(2);
        assertThat(step.get("lo95").asDouble()).isLessThan(step.get("lo80").asDouble());
        assertThat(step.get("hi95").asDouble()).isGreaterThan(step.get("hi80").asDouble());

        CliRun backtest = run("studio", "backtest", "--symbol", "ETH-USD", "--bar", "5m", "--model", "naive",
                "--json");
        assertThat(backtest.code()).as(backtest.err()).isZero();
        JsonNode b = JSON.readTree(backtest.out());
        JsonNode naive = b.get("models").get(0);
        assertThat(naive.get("model").asText()).isEqualTo("naive");
        assertThat(naive.get("coverage80").asDouble()).isBetween(0.5, 1.0);
        assertThat(naive.get("coverage95").asDouble()).isGreaterThanOrEqualTo(naive.get("coverage80").asDouble());
        assertThat(b.get("strategy").get("buyAndHoldReturn").isNumber()).isTrue();
        assertThat(run("studio", "predict", "--symbol", "DOGE-USD").err()).contains("no DOGE-USD 5m series");
    }

    @Test
    void headlinesBecomeAMeasuredSentimentFeature() throws Exception {
        StringBuilder csv = new StringBuilder("time,text\n");
        for (long t = 1_678_700_000L; t < 1_678_900_000L; t += 1800) {
            csv.append(t).append(',').append(t % 3600 == 0 ? "\"Ether rallies, bullish traders cheer\""
                    : "\"Exchange hacked; ether plunges\"").append('\n');
        }
        Path headlines = temp.resolve("headlines.csv");
        Files.writeString(headlines, csv.toString());
        CliRun imported = run("studio", "market", "headlines", headlines.toString(), "--symbol", "ETH-USD");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 112 headlines about ETH-USD");
        CliRun backtest = run("studio", "backtest", "--symbol", "ETH-USD", "--model", "gbm+sentiment", "--json");
        assertThat(backtest.code()).as(backtest.err()).isZero();
        JsonNode models = JSON.readTree(backtest.out()).get("models");
        assertThat(models).extracting(m -> m.get("model").asText()).containsExactly("naive", "gbm", "gbm+sentiment");
    }

    @Test
    void fraudSimulateThenTrainPrintsHeldOutMetricsBesideTheBaseline() throws Exception {
        Path file = temp.resolve("tx.csv");
        assertThat(run("studio", "fraud", "simulate", "--transactions", "30000", "--seed", "3", "--out",
                file.toString()).code()).isZero();
        assertThat(run("studio", "fraud", "simulate", "--transactions", "10", "--out", file.toString()).err())
                .contains("already exists");
        CliRun train = run("studio", "fraud", "train", file.toString(), "--model", "gbt", "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode t = JSON.readTree(train.out());
        assertThat(t.get("model").get("rocAuc").asDouble()).isGreaterThan(0.9);
        assertThat(t.get("baseline").get("model").asText()).isEqualTo("lr");
        assertThat(t.get("spec").get("fileSha256").asText()).hasSize(64);
    }
}
