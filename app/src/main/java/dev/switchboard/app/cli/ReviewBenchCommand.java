package dev.switchboard.app.cli;

import dev.switchboard.review.engine.ReviewBenchmark;
import dev.switchboard.review.engine.ReviewOpenProbe;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.ScratchSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard bench review}: the review's README figures on generated data in a temporary folder. */
@Command(name = "review", description = "Review: open a 30-minute recorded call (log, waveform, transcript, "
        + "replay), seek, and filter/search a list of 10,000 sessions, on generated data in a temporary folder; "
        + "with --database, in a scratch schema of that (empty) server database, dropped afterwards.",
        mixinStandardHelpOptions = true)
public final class ReviewBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--minutes", defaultValue = "30", description = "Length of the long call.")
    int minutes;

    @Option(names = "--sample-rate", defaultValue = "16000", description = "Its WAV's rate (the recorder writes "
            + "16000).")
    int sampleRate;

    @Option(names = "--sessions", defaultValue = "10000", description = "Sessions in the list.")
    int sessions;

    @Option(names = "--fresh-runs", defaultValue = "3", description = "Also open the long call this many times, "
            + "each in a JVM started for it (the first open after start), with its peak resident memory.")
    int freshRuns;

    /**
     * Opens the long call in {@code freshRuns} new JVMs (the launcher's heap and collector) and sums them up. On a
     * server each JVM is another seat with an empty data dir of its own, so the recording comes from the server's
     * database as it does for a supervisor on another seat; on SQLite it opens the seat's own file.
     */
    private String fresh(Path work, Optional<DatabaseServer> server) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        double[] open = new double[freshRuns];
        double[] playable = new double[freshRuns];
        double[] rss = new double[freshRuns];
        for (int i = 0; i < freshRuns; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), ReviewOpenProbe.class.getName(),
                    (server.isPresent() ? work.resolve("another-seat-" + i) : work).toString(),
                    ReviewBenchmark.LONG_CALL));
            server.ifPresent(s -> command.add(s.url()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            Matcher m = Pattern.compile("open_ms=([0-9.]+) playable_ms=([0-9.]+).*peak_rss_kb=(-?[0-9]+)")
                    .matcher(out);
            if (!m.find()) {
                throw new IOException("the fresh-JVM open printed no figures: " + out.strip());
            }
            open[i] = Double.parseDouble(m.group(1));
            playable[i] = Double.parseDouble(m.group(2));
            rss[i] = Long.parseLong(m.group(3)) / 1024.0;
        }
        Arrays.sort(open);
        Arrays.sort(playable);
        Arrays.sort(rss);
        String where = server.isPresent()
                ? "on another seat (a fresh JVM with an empty data dir: the recording comes from the server's database)"
                : "in a fresh JVM (the seat's own recording file)";
        return String.format(Locale.ROOT, "open the %d-minute call %s, %d runs: session view shown min %.0f / "
                        + "median %.0f / max %.0f ms (target <= 1000 ms); recording playable min %.0f / median %.0f / "
                        + "max %.0f ms; peak RSS min %.0f / median %.0f / max %.0f MB (load average %.2f)", minutes,
                where, freshRuns, open[0], open[open.length / 2], open[open.length - 1], playable[0],
                playable[playable.length / 2], playable[playable.length - 1], rss[0], rss[rss.length / 2],
                rss[rss.length - 1], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Override
    public Integer call() throws IOException {
        Optional<DatabaseServer> target = bench.main.databaseServer();
        Path work = Files.createTempDirectory("switchboard-bench-review");
        ScratchSchema scratch = target.map(ScratchSchema::create).orElse(null);
        try {
            Optional<DatabaseServer> server = Optional.ofNullable(scratch).map(ScratchSchema::server);
            ReviewBenchmark.Result r = ReviewBenchmark.run(work, server, minutes, sampleRate, sessions);
            spec.commandLine().getOut().println(r.describe());
            if (freshRuns > 0) {
                spec.commandLine().getOut().println(fresh(work, server));
            }
            return 0;
        } finally {
            if (scratch != null) {
                scratch.close();
            }
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
