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
}
