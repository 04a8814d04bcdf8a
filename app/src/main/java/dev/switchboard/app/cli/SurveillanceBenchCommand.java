package dev.switchboard.app.cli;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.app.Workstation;
import dev.switchboard.store.DataDir;
import dev.switchboard.surveillance.engine.EventGenerator;
import dev.switchboard.surveillance.engine.RetrievalEvaluation;
import dev.switchboard.surveillance.engine.Surveillance;
import dev.switchboard.surveillance.model.EventQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard bench surveillance}: the surveillance figures of the README on a fresh store in a temporary
 * folder: generate and index, embedding the distinct descriptions with the real in-process model; search latency per
 * mode; retrieval quality on the generator's ground truth; offline ask; the first streamed token against a loopback
 * model; heap and index size.
 */
@Command(name = "surveillance", description = "Surveillance: generate+index, search latency (hybrid, keyword, "
        + "vector), retrieval quality, offline ask, first streamed token, heap and index size.",
        mixinStandardHelpOptions = true)
public final class SurveillanceBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000")
    long events;

    @Option(names = "--days", defaultValue = "7")
    int days;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds over the question set for latencies.")
    int rounds;

    @Option(names = "--keep", paramLabel = "DIR", description = "Build the store in DIR and keep it (default: a "
            + "temporary folder, deleted).")
    Path keep;

    @Option(names = "--only", split = ",", paramLabel = "PART", description = "Run only these parts after "
            + "generating (or finding) the store: retrieval, latency, ask, llm (default: all).")
    List<String> only;

    @Option(names = "--verbose", description = "Also print the tuning questions one by one (recall per mode) and "
            + "each ask's time; never the held-out ones.")
    boolean verbose;

    private PrintWriter out;
    private final Instant until = Instant.parse("2025-06-08T03:00:00Z");

    private boolean part(String name) {
        return only == null || only.isEmpty() || only.contains(name);
    }

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path work = keep != null ? keep : Files.createTempDirectory("switchboard-bench-surveillance");
        try (Workstation ws = Workstation.open(DataDir.of(work), Clock.systemDefaultZone())) {
            run(ws);
        } finally {
            if (keep == null) {
                deleteTree(work);
            }
        }
        return 0;
    }

    private void run(Workstation ws) throws IOException {
        Surveillance s = ws.surveillance();
        say("generate+index %,d events over %d days (seed %d); load %s", events, days, seed, load());
        long[] lastPrint = {System.nanoTime()};
        long t0 = System.nanoTime();
        Surveillance.Generated g = s.generate(days, events, seed, until, (stage, done, total) -> {
            if (System.nanoTime() - lastPrint[0] > 15_000_000_000L) {
                lastPrint[0] = System.nanoTime();
                say("  %s: %,d of %,d after %.0f s; load %s", stage, done, total, (System.nanoTime() - t0) / 1e9,
                        load());
            }
        });
        double stored = (System.nanoTime() - t0) / 1e9;
        if (g.alreadyThere()) {
            say("the store in %s already holds this generation (%,d events): reusing it", keep, s.store().count());
        }
        say("stored and keyword-searchable: %,d events in %.1f s (%,.0f events/s); load %s", g.events(), stored,
                g.events() / stored, load());
        s.search().awaitEmbeddings(60, TimeUnit.MINUTES);
        double all = (System.nanoTime() - t0) / 1e9;
        say("semantic too: %,d distinct descriptions embedded, everything indexed after %.1f s; load %s",
                s.store().phraseCount(), all, load());
        s.search().commit();
        long indexBytes = s.search().indexBytes();
        long dbBytes = Files.size(ws.dataDir().database());
        say("index on disk %.1f MiB (%.0f bytes/event); database %.1f MiB", indexBytes / 1048576.0,
                indexBytes / (double) s.store().count(), dbBytes / 1048576.0);
        heap("after loading");

        List<RetrievalEvaluation.Question> questions = RetrievalEvaluation.questions(new EventGenerator(s.cameras(),
                seed), s.store(), until.minus(java.time.Duration.ofDays(days)), until);
        if (part("retrieval")) {
            retrieval(s, questions);
        }
        if (part("latency")) {
            latency(ws, s, questions);
        }
        if (part("ask")) {
            asks(s);
        }
        if (part("llm")) {
            llm(ws, s);
        }
        heap("at the end");
    }

    private void retrieval(Surveillance s, List<RetrievalEvaluation.Question> questions) {
        say("retrieval on %d labelled questions (ground truth of the generator):", questions.size());
        if (verbose) {
            for (RetrievalEvaluation.Question q : questions.stream().filter(q -> !q.heldOut()).toList()) {
                StringBuilder line = new StringBuilder();
                for (EventQuery.Mode m : EventQuery.Mode.values()) {
                    line.append(String.format(Locale.ROOT, " %s %.2f", m.name().charAt(0),
                            RetrievalEvaluation.score(s.search(), List.of(q), m).recall()));
                }
                say("   %s | %s (%d relevant)", line, q.query().describe(), q.relevant().size());
            }
        }
        for (boolean heldOut : new boolean[] {false, true}) {
            List<RetrievalEvaluation.Question> part = questions.stream().filter(q -> q.heldOut() == heldOut).toList();
            say("  %s:", heldOut ? "held out" : "tuning");
            for (EventQuery.Mode m : EventQuery.Mode.values()) {
                say("    %s", RetrievalEvaluation.score(s.search(), part, m).line());
            }
        }
        for (EventQuery.Mode m : EventQuery.Mode.values()) {
            say("  all: %s", RetrievalEvaluation.score(s.search(), questions, m).line());
        }
        List<RetrievalEvaluation.Question> setB = RetrievalEvaluation.heldOutSetB(new EventGenerator(s.cameras(),
                seed), s.store(), s.cameras(), until.minus(java.time.Duration.ofDays(days)), until);
        say("  held-out set B (%d questions, written before the second round of ranking changes, never tuned on):",
                setB.size());
        for (EventQuery.Mode m : EventQuery.Mode.values()) {
            say("    %s", RetrievalEvaluation.score(s.search(), setB, m).line());
        }
    }

    private void latency(Workstation ws, Surveillance s, List<RetrievalEvaluation.Question> questions) {
        say("search latency with filters (%d questions x %d rounds, question vectors cached after the first); load %s",
                questions.size(), rounds, load());
        for (EventQuery.Mode m : EventQuery.Mode.values()) {
            List<Long> micros = new ArrayList<>();
            for (int r = 0; r < rounds + 1; r++) {
                for (RetrievalEvaluation.Question q : questions) {
                    long st = System.nanoTime();
                    s.search().search(q.query().withMode(m));
                    if (r > 0) {
                        micros.add((System.nanoTime() - st) / 1000);
                    }
                }
            }
            say("  %-14s %s", m.label(), stats(micros));
        }
        List<Long> embed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long st = System.nanoTime();
            ws.embeddings().embed(List.of("question number " + i + " about a person running"));
            embed.add((System.nanoTime() - st) / 1000);
        }
        say("  embedding a new question (first search of a new text adds this): %s", stats(embed));
    }

    private void asks(Surveillance s) {

        List<String> asks = List.of("any people running near Shibuya Station in the last 20 minutes?",
                "how many cars on camera 12 this week?", "what happened in Taito last night?", "anything unusual?",
                "any fights in Shinjuku today?", "only at night", "what about Minato?",
                "show the clip of the first one", "summarise the last 24 hours", "compare today with yesterday",
                "a man in a red jacket near Ueno Station", "where did the red car go next?");
        List<Long> askMicros = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            String conversation = null;
            for (String q : asks) {
                long st = System.nanoTime();
                try {
                    conversation = s.ask(conversation, "bench", "bench", q, t -> { }).conversation();
                } catch (dev.switchboard.core.error.InputException e) {
                    say("  (%s: %s)", q, e.getMessage());
                }
                askMicros.add((System.nanoTime() - st) / 1000);
                if (verbose) {
                    say("   %6.1f ms  %s", (System.nanoTime() - st) / 1e6, q);
                }
            }
        }
        say("offline ask end to end (%d questions x %d rounds, 12-turn conversations): %s; load %s", asks.size(),
                rounds,
                stats(askMicros), load());
    }

    private void llm(Workstation ws, Surveillance s) throws IOException {
        try (LoopbackChatServer fake = new LoopbackChatServer()) {
            ProviderConfig loopback = ProviderConfig.of("bench-loopback", ProviderKind.OPENAI_COMPATIBLE,
                    fake.baseUrl(), "loopback", "");
            // A kept store (--keep) has the loopback provider of an earlier run, at another port.
            if (ws.ai().providers().find(loopback.name()).isPresent()) {
                ws.ai().providers().update(loopback);
            } else {
                ws.ai().providers().add(loopback);
            }
            ws.ai().providers().assign(AiUse.CHAT, "bench-loopback");
            List<Long> first = new ArrayList<>();
            List<Long> total = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                long st = System.nanoTime();
                long[] firstToken = {0};
                s.ask(null, "bench", "bench", "any fights in Shinjuku on day " + r + " of the week?", t -> {
                    if (firstToken[0] == 0) {
                        firstToken[0] = System.nanoTime();
                    }
                });
                if (r > 1) {
                    first.add((firstToken[0] - st) / 1000);
                    total.add((System.nanoTime() - st) / 1000);
                }
            }
            say("LLM mode against a loopback OpenAI-compatible server (reading + streamed answer): first token %s; "
                    + "whole answer %s", stats(first), stats(total));
            ws.ai().providers().assign(AiUse.CHAT, ProviderConfig.OFFLINE);
        }
    }

    private void heap(String when) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        say("heap %s: %.0f MiB used after GC (max %.0f MiB)", when, (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                rt.maxMemory() / 1048576.0);
    }

    private static String stats(List<Long> micros) {
        long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (v.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)", v[0] / 1e3,
                v[v.length / 2] / 1e3, v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)] / 1e3,
                v[v.length - 1] / 1e3, v.length);
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", l);
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
