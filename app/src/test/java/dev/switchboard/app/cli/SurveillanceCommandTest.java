package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surveillance commands end to end on the real gazetteer, the control room's cameras and the in-process
 * embeddings: generate, search, a conversation across two processes' worth of commands, insights, a clip, and the
 * refusals of bad input.
 */
class SurveillanceCommandTest {

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
    void generateSearchAskInsightsAndClip() throws Exception {
        CliRun g = run("surveillance", "generate", "--days", "1", "--events", "600", "--seed", "3", "--until",
                "2025-06-08T12:00:00+09:00", "--json");
        assertThat(g.code()).as(g.err()).isZero();
        JsonNode gen = JSON.readTree(g.out());
        assertThat(gen.path("events").asLong()).isBetween(590L, 600L);
        CliRun again = run("surveillance", "generate", "--days", "1", "--events", "600", "--seed", "3", "--until",
                "2025-06-08T12:00:00+09:00");
        assertThat(again.out()).contains("Already generated");

        CliRun s = run("surveillance", "search", "person", "--ward", "Shinjuku", "--hours", "6-22", "--limit", "5",
                "--json");
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode search = JSON.readTree(s.out());
        assertThat(search.path("query").path("wards").get(0).asText()).isEqualTo("shinjuku");
        for (JsonNode r : search.path("results")) {
            assertThat(r.path("ward").asText()).isEqualTo("shinjuku");
            assertThat(r.path("id").asText()).startsWith("E");
            assertThat(r.path("time").asText()).endsWith("+09:00");
            assertThat(r.path("clip").asText()).isEqualTo("clip:" + r.path("id").asText());
        }

        CliRun a = run("surveillance", "ask", "how many cars in Shibuya?", "--json");
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode ask = JSON.readTree(a.out());
        assertThat(ask.path("intent").asText()).isEqualTo("count");
        assertThat(ask.path("query").path("wards").get(0).asText()).isEqualTo("shibuya");
        assertThat(ask.path("provenance").path("source").asText()).isEqualTo("offline");
        String conversation = ask.path("conversation").asText();
        CliRun b = run("surveillance", "ask", "what about Minato?", "--conversation", conversation, "--json");
        JsonNode follow = JSON.readTree(b.out());
        assertThat(follow.path("conversation").asText()).isEqualTo(conversation);
        assertThat(follow.path("query").path("wards").get(0).asText()).isEqualTo("minato");
        assertThat(follow.path("followUps").size()).isBetween(2, 4);

        CliRun i = run("surveillance", "insights", "--json");
        assertThat(i.code()).as(i.err()).isZero();
        assertThat(JSON.readTree(i.out()).has("insights")).isTrue();

        Path gif = temp.resolve("clip.gif");
        CliRun c = run("surveillance", "clip", "E5", "--out", gif.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(Files.size(gif)).isGreaterThan(10_000);
        CliRun twice = run("surveillance", "clip", "E5", "--out", gif.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("already exists");
    }

    @Test
    void badInputGetsOneClearLine() {
        CliRun ward = run("surveillance", "search", "x", "--ward", "Atlantis");
        assertThat(ward.code()).isEqualTo(2);
        assertThat(ward.err()).contains("unknown ward \"Atlantis\"").doesNotContain("Exception");
        CliRun range = run("surveillance", "search", "x", "--from", "2025-06-08", "--to", "2025-06-01");
        assertThat(range.err()).contains("--to").contains("not after --from");
        CliRun empty = run("surveillance", "ask", " ");
        assertThat(empty.err()).contains("question").contains("empty");
        CliRun camera = run("surveillance", "search", "--camera", "99999");
        assertThat(camera.err()).contains("no camera 99999");
    }
}
