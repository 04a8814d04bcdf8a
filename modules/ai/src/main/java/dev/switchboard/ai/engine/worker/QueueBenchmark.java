package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.VideoSpec;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The queue's figures on loopback demo workers in a temporary folder (the user's data is not touched):
 * <ol>
 *   <li><b>Overhead</b>: with {@code queued} clips waiting for a busy video worker, image jobs are submitted one
 *       at a time to an idle image worker; the time from {@code submit} to the job being dispatched (claimed
 *       in the database, announced as running and handed to its worker thread) and to the worker receiving
 *       the request (which adds the HTTP client and the worker's HTTP server on loopback).</li>
 *   <li><b>Fairness</b>: three users queue 300, 100 and 20 jobs before the worker starts; the order it serves
 *       them in.</li>
 *   <li><b>Failover</b>: a worker dies while drawing; the time until the job reaches the other worker.</li>
 * </ol>
 */
public final class QueueBenchmark {

    private static final WorkerConfig CONFIG = new WorkerConfig(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1), 3);

    private QueueBenchmark() {
    }

    /** The overhead run: {@code probes} image jobs with {@code queued} clips waiting. */
    public static Overhead overhead(int queued, int probes) throws IOException {
        Path dir = Files.createTempDirectory("switchboard-queue-bench");
        try (DemoWorker images = DemoWorker.start(Duration.ZERO, true);
             DemoWorker video = DemoWorker.start(Duration.ofHours(1), false);
             Bench b = new Bench(dir)) {
            for (int i = 0; i < queued; i++) {
                b.pool.submit(ImageRequest.textToImage("clip " + i, "user" + (i % 3)).withVideo(new VideoSpec(1, 8)));
            }
            b.registry.add(Worker.image("bench-video", video.url(), ApiFlavour.COMFYUI)
                    .withCapabilities(EnumSet.of(WorkerCapability.VIDEO)));
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            images.onArrival(prompt -> arrived.put(prompt, System.nanoTime()));
            Map<String, Long> dispatched = new ConcurrentHashMap<>();
            b.pool.onUpdate(job -> {
                if (job.state() == JobState.RUNNING) {
                    dispatched.putIfAbsent(job.request().prompt(), System.nanoTime());
                }
            });
            b.registry.add(Worker.image("bench-image", images.url(), ApiFlavour.A1111_TXT2IMG));
            b.awaitHealthy("bench-image", "bench-video");
            long[] micros = new long[probes];
            long[] dispatchMicros = new long[probes];
            int warmUp = Math.min(50, probes / 10);
            for (int i = -warmUp; i < probes; i++) {
                String prompt = "probe " + i;
                long t0 = System.nanoTime();
                ImageJob job = b.pool.submit(new ImageRequest(prompt, "", 64, 64, 1, 1, null, "prober", 9));
                b.await(job.id(), JobState.SUCCEEDED);
                if (i >= 0) {
                    micros[i] = TimeUnit.NANOSECONDS.toMicros(arrived.get(prompt) - t0);
                    dispatchMicros[i] = TimeUnit.NANOSECONDS.toMicros(dispatched.get(prompt) - t0);
                }
            }
            int stillQueued = b.pool.queue().entries().size();
            return new Overhead(stillQueued, probes, Spread.of(dispatchMicros), Spread.of(micros));
        } finally {
            deleteTree(dir);
        }
    }

    /** The fairness run: three users, {@code ann}, {@code bob} and {@code cat} jobs, one worker. */
    public static Fairness fairness(int ann, int bob, int cat) throws IOException {
        Path dir = Files.createTempDirectory("switchboard-queue-bench");
        try (DemoWorker images = DemoWorker.start(Duration.ZERO, true);
             Bench b = new Bench(dir)) {
            BlockingQueue<String> order = new ArrayBlockingQueue<>(ann + bob + cat + 16);
            images.onArrival(order::add);
            List<String> ids = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("ann", ann);
            counts.put("bob", bob);
            counts.put("cat", cat);
            for (Map.Entry<String, Integer> user : counts.entrySet()) {
                for (int i = 0; i < user.getValue(); i++) {
                    ids.add(b.pool.submit(new ImageRequest(user.getKey() + " " + i, "", 64, 64, 1, 1, null,
                            user.getKey(), 5)).id());
                }
            }
            b.registry.add(Worker.image("bench-image", images.url(), ApiFlavour.A1111_TXT2IMG));
            for (String id : ids) {
                b.await(id, JobState.SUCCEEDED);
            }
            List<String> served = new ArrayList<>();
            order.drainTo(served);
            int window = 3 * Math.min(ann, Math.min(bob, cat));
            Map<String, Integer> firstWindow = new LinkedHashMap<>();
            Map<String, Integer> lastPosition = new LinkedHashMap<>();
            for (int i = 0; i < served.size(); i++) {
                String user = served.get(i).split(" ")[0];
                if (i < window) {
                    firstWindow.merge(user, 1, Integer::sum);
                }
                lastPosition.put(user, i + 1);
            }
            return new Fairness(counts, window, firstWindow, lastPosition, served.size());
        } finally {
            deleteTree(dir);
        }
    }

    /** The failover run, {@code runs} times: a worker dies mid-job; the time until the spare receives the job. */
    public static List<Duration> failover(int runs) throws IOException {
        List<Duration> out = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("switchboard-queue-bench");
            try (DemoWorker dying = DemoWorker.start(Duration.ofMillis(100), false);
                 DemoWorker spare = DemoWorker.start(Duration.ofMillis(5), false);
                 Bench b = new Bench(dir)) {
                BlockingQueue<Long> onDying = new ArrayBlockingQueue<>(4);
                BlockingQueue<Long> onSpare = new ArrayBlockingQueue<>(4);
                dying.onArrival(p -> onDying.add(System.nanoTime()));
                spare.onArrival(p -> onSpare.add(System.nanoTime()));
                b.registry.add(Worker.image("a-dying", dying.url(), ApiFlavour.A1111_TXT2IMG));
                b.awaitHealthy("a-dying");
                ImageJob job = b.pool.submit(new ImageRequest("failover " + run, "", 128, 128, 40, 1, null, "ann", 5));
                take(onDying);
                b.registry.add(Worker.image("b-spare", spare.url(), ApiFlavour.A1111_TXT2IMG));
                b.awaitHealthy("b-spare");
                long killed = System.nanoTime();
                dying.close();
                long reached = take(onSpare);
                b.await(job.id(), JobState.SUCCEEDED);
                out.add(Duration.ofNanos(reached - killed));
            } finally {
                deleteTree(dir);
            }
        }
        return out;
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static long take(BlockingQueue<Long> q) {
        try {
            Long v = q.poll(60, TimeUnit.SECONDS);
            if (v == null) {
                throw new IllegalStateException("the demo worker received no job within a minute");
            }
            return v;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Times from submit, in microseconds.
     *
     * @param queued clips still waiting at the end
     * @param dispatched to the job being claimed, announced as running and handed to its worker thread: the
     *        queue's own overhead
     * @param received to the worker receiving the request: the queue plus HTTP on loopback at both ends
     */
    public record Overhead(int queued, int probes, Spread dispatched, Spread received) {
    }

    /** Minimum, median, 99th percentile and maximum of a set of times in microseconds. */
    public record Spread(long minMicros, long medianMicros, long p99Micros, long maxMicros) {

        static Spread of(long[] micros) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return new Spread(sorted[0], at(sorted, 0.5), at(sorted, 0.99), sorted[sorted.length - 1]);
        }
    }

    /**
     * @param firstWindow jobs served per user among the first {@code window} (three times the smallest user's)
     * @param lastPosition the dispatch number of each user's last job
     */
    public record Fairness(Map<String, Integer> submitted, int window, Map<String, Integer> firstWindow,
                           Map<String, Integer> lastPosition, int total) {
    }

    /** A temporary database, registry and pool. */
    private static final class Bench implements AutoCloseable {
        final Database db;
        final WorkerRegistry registry;
        final WorkerPool pool;

        Bench(Path dir) {
            db = Database.open(DataDir.of(dir));
            registry = new WorkerRegistry(db, CONFIG, Clock.systemUTC(), name -> null);
            pool = new WorkerPool(db, registry, dir.resolve("images"));
        }

        void awaitHealthy(String... names) {
            for (String name : names) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!registry.health(name).isHealthy()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("worker " + name + " did not become healthy");
                    }
                    sleep();
                }
            }
        }

        void await(String id, JobState state) {
            CountDownLatch changed = new CountDownLatch(1);
            Subscription s = pool.onUpdate(j -> {
                if (j.id().equals(id) && (j.state() == state || j.state().isFinal())) {
                    changed.countDown();
                }
            });
            try {
                ImageJob job = pool.job(id).orElseThrow();
                if (job.state() != state && !job.state().isFinal()) {
                    if (!changed.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("job " + id + " did not finish within two minutes");
                    }
                    job = pool.job(id).orElseThrow();
                }
                if (job.state() != state) {
                    throw new IllegalStateException("job " + id + " ended " + job.state() + ": " + job.message());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                s.close();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted"));
            }
        }

        @Override
        public void close() {
            pool.close();
            registry.close();
            db.close();
        }
    }
}
