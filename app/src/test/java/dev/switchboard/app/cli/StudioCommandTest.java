package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ai.engine.worker.DemoWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's headless commands on a temporary data folder, with the demo worker on loopback for --wait. */
class StudioCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void generateQueuesJobsListsAndCancelCancels() throws Exception {
        CliRun queued = run("studio", "generate", "a flooded underpass", "--style", "hdr", "--batch", "2", "--json");

        assertThat(queued.code()).isZero();
        JsonNode jobs = JSON.readTree(queued.out());
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).path("prompt").asText()).startsWith("a flooded underpass, HDR photograph");
        JsonNode listed = JSON.readTree(run("studio", "jobs", "--json").out());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("state").asText()).isEqualTo("queued");
        assertThat(listed.findValuesAsText("position")).containsExactlyInAnyOrder("1", "2");

        String id = jobs.get(0).path("id").asText();
        assertThat(run("studio", "cancel", id).code()).isZero();
        assertThat(run("studio", "cancel", id).code()).isEqualTo(1);
        CliRun unknown = run("studio", "cancel", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no job 'nope'");
    }

    @Test
    void generateWaitRunsTheQueueAndTheGalleryListsTheResult() throws Exception {
        try (DemoWorker gpu = DemoWorker.start(Duration.ofMillis(5))) {
            assertThat(run("workers", "add", "demo", "--url", gpu.url().toString(), "--flavour", "A1111_TXT2IMG",
                    "--note", DemoWorker.NOTE).code()).isZero();

            CliRun done = run("studio", "generate", "a quiet street", "--size", "128x96", "--seed", "7", "--wait",
                    "--json");

            assertThat(done.code()).as(done.err()).isZero();
            JsonNode job = JSON.readTree(done.out()).get(0);
            assertThat(job.path("state").asText()).isEqualTo("succeeded");
            assertThat(Path.of(job.path("file").asText())).isRegularFile();
            assertThat(job.path("sha256").asText()).hasSize(64);
            JsonNode gallery = JSON.readTree(run("studio", "gallery", "--json").out());
            assertThat(gallery).hasSize(1);
            assertThat(gallery.get(0).path("seed").asLong()).isEqualTo(7);
            assertThat(gallery.get(0).path("worker").asText()).isEqualTo("demo");
            JsonNode ops = JSON.readTree(run("studio", "ops", "--json").out());
            assertThat(ops.path("workers").get(0).path("health").asText()).isEqualTo("healthy");
            assertThat(ops.path("scaling").path("decision").asText()).isEqualTo("hold");
        }
    }

    @Test
    void theFactoryWritesAProjectAndRefusesBadIntentsAndUsedFolders() throws Exception {
        Path out = dir.resolve("project");
        CliRun ok = run("studio", "factory", "Create a REST API to track incidents", "--out", out.toString());

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Validation:").contains("every rule holds").contains("Backend");
        assertThat(out.resolve("pom.xml")).isRegularFile();
        CliRun again = run("studio", "factory", "Create a REST API to track incidents", "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("not empty");
        CliRun empty = run("studio", "factory", " ", "--out", dir.resolve("x").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("intent").contains("must not be empty");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void aBrokenMarketFileIsRefusedWithItsLineAndColumnAndNothingIsStored() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,open,high,low,close,volume\n1700000000,1,2,0.5,1.5,3\n1700000060,1,2,x,1,1\n");
        CliRun r = run("studio", "market", "import", bad.toString(), "--symbol", "TEST-USD");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":3: low: 'x' is not a number").contains("Nothing was imported");
        Path good = dir.resolve("good.csv");
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
        Path headlines = dir.resolve("headlines.csv");
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
        Path file = dir.resolve("tx.csv");
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
