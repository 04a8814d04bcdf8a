package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.ImageRequest;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One attempt of a job on one worker: what the client needs to make the call, and the handle the pool
 * uses to cancel it (a user's cancel) or abandon it (the pool closing). Thread-safe.
 */
final class Attempt {

    private final String jobId;
    private final Worker worker;
    private final ImageRequest request;
    private final int number;
    private final DoubleConsumer progressSink;
    private final Sinks sinks;
    private final Instant startedAt;
    private volatile String remoteId;
    private volatile CompletableFuture<?> call;
    private volatile boolean cancelled;
    private volatile boolean abandoned;
    private double progress;

    Attempt(String jobId, Worker worker, ImageRequest request, int number, DoubleConsumer progressSink) {
        this(jobId, worker, request, number, progressSink, Sinks.NONE, null, Instant.now());
    }

    /**
     * @param resumeId the worker's id of a job it kept running across a restart, to follow instead of starting
     *                 anew; {@code null} for a fresh attempt
     */
    Attempt(String jobId, Worker worker, ImageRequest request, int number, DoubleConsumer progressSink, Sinks sinks,
            String resumeId, Instant startedAt) {
        this.jobId = jobId;
        this.worker = worker;
        this.request = request;
        this.number = number;
        this.progressSink = progressSink;
        this.sinks = sinks;
        this.remoteId = resumeId;
        this.startedAt = startedAt;
    }

    /** The worker's own id of a job to follow after a restart; null for a fresh attempt. */
    String resumeId() {
        return remoteId;
    }

    /** The worker's own id of this attempt once it gave one (its prompt id), else null. */
    String remoteId() {
        return remoteId;
    }

    /** The worker accepted the job under {@code id}: kept, so a restarted workstation can follow it. */
    void accepted(String id) {
        remoteId = id;
        sinks.remoteId().accept(id);
    }

    /** A preview picture (PNG or JPEG) of the job in progress. */
    void preview(byte[] image) {
        if (image != null && image.length > 0 && !isStopped()) {
            sinks.preview().accept(image);
        }
    }

    /** When this attempt began (for a reattached one: when the workstation reattached). */
    Instant startedAt() {
        return startedAt;
    }

    /** Whether the attempt was cancelled or abandoned. */
    boolean isStopped() {
        return cancelled || abandoned;
    }

    String jobId() {
        return jobId;
    }

    Worker worker() {
        return worker;
    }

    ImageRequest request() {
        return request;
    }

    /** 1 for the first attempt of the job. */
    int number() {
        return number;
    }

    /**
     * Waits for {@code pending}, running {@code onPoll} every {@code pollEvery} while it waits. The call is
     * aborted, and a {@code CANCELLED} failure thrown, once the attempt is cancelled or abandoned.
     */
    <T> T await(CompletableFuture<T> pending, Duration pollEvery, Runnable onPoll) throws WorkerFailure {
        call = pending;
        while (true) {
            if (isStopped()) {
                pending.cancel(true);
                throw WorkerFailure.cancelled();
            }
            try {
                return pending.get(pollEvery.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!isStopped()) {
                    onPoll.run();
                }
            } catch (CancellationException e) {
                throw WorkerFailure.cancelled();
            } catch (ExecutionException e) {
                if (isStopped()) {
                    throw WorkerFailure.cancelled();
                }
                throw WorkerFailure.connection(e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                throw WorkerFailure.cancelled();
            }
        }
    }

    /** Reports progress as the worker tells it; never goes backwards and stays below 1 until done. */
    synchronized void progress(double fraction) {
        double p = Math.min(0.99, Math.max(progress, fraction));
        if (p > progress) {
            progress = p;
            progressSink.accept(p);
        }
    }

    /** Marks the attempt cancelled by a user; its result, if one still arrives, is dropped. */
    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** The pool is closing: stop the call and write nothing more about this job. */
    void abandon() {
        abandoned = true;
        abort();
    }

    boolean isAbandoned() {
        return abandoned;
    }

    /** Aborts the HTTP call in flight, if any. */
    void abort() {
        CompletableFuture<?> c = call;
        if (c != null) {
            c.cancel(true);
        }
    }

    /** Where an attempt reports what the worker tells besides progress. */
    record Sinks(Consumer<String> remoteId, Consumer<byte[]> preview) {

        static final Sinks NONE = new Sinks(id -> { }, image -> { });
    }
}
