package dev.switchboard.city.engine.pipeline;

import java.util.Objects;

/**
 * Settings of one {@link EventPipeline}: the seed, the sensor streams, how many duplicates and malformed
 * records to generate on purpose, and the filter and top-K parameters. Immutable; start from
 * {@link #defaults()} and change what differs.
 *
 * @param seed all randomness (sensor placement, events, duplicates, malformed records) derives from it
 * @param streams sensor counts and each stream's share of a tick's events
 * @param duplicateRate share of generated records that re-send a recent record (0..0.9)
 * @param malformedRate share of generated records corrupted on purpose (0..0.9)
 * @param topK how many critical events to keep per tick (1..10,000)
 * @param threshold lowest score kept (0..1, inclusive)
 * @param dedupWindowMillis same source and type within this sim-time window is a duplicate
 * @param maxEventsPerTick the most generated events a tick may ask for
 * @param scoring importance table and freshness horizon
 * @param dedupRule which records count as the same within the window
 * @param threads how many threads generate, filter and score a tick (1..{@value #MAX_THREADS}); the
 *                output is the same for any number, only the time differs
 */
public record PipelineConfig(long seed, Streams streams, double duplicateRate, double malformedRate, int topK,
                             double threshold, long dedupWindowMillis, int maxEventsPerTick, ScoringProfile scoring,
                             DedupRule dedupRule, int threads) {

    public static final int DEFAULT_TOP_K = 200;
    public static final double DEFAULT_THRESHOLD = 0.7;
    public static final long DEFAULT_WINDOW_MILLIS = 5_000;
    public static final int DEFAULT_MAX_EVENTS_PER_TICK = 100_000;
    /** The most threads a pipeline uses: the tick splits its work in two halves. */
    public static final int MAX_THREADS = 2;

    public PipelineConfig {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(dedupRule, "dedupRule");
        rate("duplicateRate", duplicateRate);
        rate("malformedRate", malformedRate);
        if (topK < 1 || topK > 10_000) {
            throw new IllegalArgumentException("topK must be within 1..10000, was " + topK);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within 0..1, was " + threshold);
        }
        if (dedupWindowMillis < 0 || dedupWindowMillis > 3_600_000) {
            throw new IllegalArgumentException("dedup window must be within 0..1 h, was " + dedupWindowMillis);
        }
        if (maxEventsPerTick < 0 || maxEventsPerTick > 10_000_000) {
            throw new IllegalArgumentException("maxEventsPerTick must be within 0..10,000,000, was "
                    + maxEventsPerTick);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be within 1.." + MAX_THREADS + ", was " + threads);
        }
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 0.9)) {
            throw new IllegalArgumentException(name + " must be within 0..0.9, was " + value);
        }
    }

    /**
     * Seed 1, default streams, 5 % duplicates, 1 % malformed, top 200 at or above 0.7, exact re-sends dropped
     * within a 5 s window, and two threads when the machine has a second core.
     */
    public static PipelineConfig defaults() {
        return new PipelineConfig(1L, Streams.defaults(), 0.05, 0.01, DEFAULT_TOP_K, DEFAULT_THRESHOLD,
                DEFAULT_WINDOW_MILLIS, DEFAULT_MAX_EVENTS_PER_TICK, ScoringProfile.defaults(),
                DedupRule.SAME_OBSERVATION, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    public PipelineConfig withSeed(long newSeed) {
        return new PipelineConfig(newSeed, streams, duplicateRate, malformedRate, topK, threshold,
                dedupWindowMillis, maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withStreams(Streams newStreams) {
        return new PipelineConfig(seed, newStreams, duplicateRate, malformedRate, topK, threshold,
                dedupWindowMillis, maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withDuplicateRate(double rate) {
        return new PipelineConfig(seed, streams, rate, malformedRate, topK, threshold, dedupWindowMillis,
                maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withMalformedRate(double rate) {
        return new PipelineConfig(seed, streams, duplicateRate, rate, topK, threshold, dedupWindowMillis,
                maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withTopK(int k, double minScore) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, k, minScore, dedupWindowMillis,
                maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withDedupWindowMillis(long window) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, topK, threshold, window,
                maxEventsPerTick, scoring, dedupRule, threads);
    }

    public PipelineConfig withMaxEventsPerTick(int max) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, topK, threshold, dedupWindowMillis,
                max, scoring, dedupRule, threads);
    }

    public PipelineConfig withDedupRule(DedupRule rule) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, topK, threshold, dedupWindowMillis,
                maxEventsPerTick, scoring, rule, threads);
    }

    public PipelineConfig withThreads(int count) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, topK, threshold, dedupWindowMillis,
                maxEventsPerTick, scoring, dedupRule, count);
    }

    public PipelineConfig withScoring(ScoringProfile profile) {
        return new PipelineConfig(seed, streams, duplicateRate, malformedRate, topK, threshold, dedupWindowMillis,
                maxEventsPerTick, profile, dedupRule, threads);
    }

    /**
     * The three sensor streams: how many sensors each has and its share of a tick's events (shares are
     * relative, normalised to their sum).
     */
    public record Streams(int vehicles, int cameras, int stations, double trafficShare, double securityShare,
                          double disasterShare) {

        public Streams {
            count("vehicles", vehicles);
            count("cameras", cameras);
            count("stations", stations);
            share("trafficShare", trafficShare);
            share("securityShare", securityShare);
            share("disasterShare", disasterShare);
            if (trafficShare + securityShare + disasterShare <= 0) {
                throw new IllegalArgumentException("at least one stream needs a positive share");
            }
        }

        private static void count(String name, int value) {
            if (value < 1 || value > 1_000_000) {
                throw new IllegalArgumentException(name + " must be within 1..1,000,000, was " + value);
            }
        }

        private static void share(String name, double value) {
            if (!(value >= 0 && value <= 1_000_000)) {
                throw new IllegalArgumentException(name + " must be a non-negative number, was " + value);
            }
        }

        /** 5,000 vehicles, 2,500 cameras, 1,000 stations; traffic half the events, the others a quarter each. */
        public static Streams defaults() {
            return new Streams(5_000, 2_500, 1_000, 0.5, 0.25, 0.25);
        }
    }
}
