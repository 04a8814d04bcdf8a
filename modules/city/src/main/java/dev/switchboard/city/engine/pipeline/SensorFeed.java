package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The raw input of one tick: scripted events queued with {@link #inject}, then the three sensor streams in
 * their configured shares, then re-sent copies of this tick's records (duplicates), with some records
 * corrupted on purpose (malformed). Deterministic for a seed and a sequence of calls.
 *
 * <p>{@link #inject} may be called from any thread; {@link #fill} only from the simulation thread.
 */
public final class SensorFeed {

    /** Kinds of damage done to a record on purpose, one per schema check. */
    private static final int CORRUPTIONS = InvalidReason.values().length;
    private static final int MAX_QUEUED_INJECTIONS = 100_000;

    private final Districts districts;
    private final PipelineConfig config;
    private final TrafficGenerator traffic;
    private final SecurityGenerator security;
    private final DisasterGenerator disaster;
    private final SplittableRandom random;
    private final double trafficShare;
    private final double securityShare;
    private final List<Injection> queued = new ArrayList<>();
    private final List<Injection> draining = new ArrayList<>();
    private int injectedTrack;
    private long lastSimMillis = -1;
    private int lastInjected;

    private record Injection(EventType type, double lat, double lon, float risk, float confidence, long sensor) {
    }

    public SensorFeed(PipelineConfig config, Districts districts) {
        this.config = Objects.requireNonNull(config, "config");
        this.districts = Objects.requireNonNull(districts, "districts");
        SplittableRandom root = new SplittableRandom(config.seed());
        PipelineConfig.Streams streams = config.streams();
        traffic = new TrafficGenerator(districts, streams.vehicles(), root.nextLong());
        security = new SecurityGenerator(districts, streams.cameras(), root.nextLong());
        disaster = new DisasterGenerator(districts, streams.stations(), root.nextLong());
        random = root.split();
        double total = streams.trafficShare() + streams.securityShare() + streams.disasterShare();
        trafficShare = streams.trafficShare() / total;
        securityShare = streams.securityShare() / total;
    }

    /**
     * Queues a scripted event (a crisis scenario's gathering, weapon, fire …) for the next tick: it enters
     * that tick's batch first, stamped with the tick's sim time, from sensor {@code sourceId} with a fresh
     * observation number (so repeated injections are not duplicates of each other), and goes through the
     * same filter and scoring as every other record.
     *
     * @throws IllegalArgumentException when risk or confidence is outside 0..1 or the sensor id is out of range
     */
    public void inject(EventType type, LatLon position, double risk, double confidence, long sourceId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        if (!(risk >= 0 && risk <= 1) || !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("risk and confidence must be within 0..1");
        }
        if (sourceId < 0 || sourceId > EventBatch.MAX_SENSOR_ID) {
            throw new IllegalArgumentException("sensor id must be within 0.." + EventBatch.MAX_SENSOR_ID);
        }
        synchronized (queued) {
            if (queued.size() >= MAX_QUEUED_INJECTIONS) {
                throw new IllegalStateException("too many injected events queued for one tick");
            }
            queued.add(new Injection(type, position.lat(), position.lon(), (float) risk, (float) confidence,
                    sourceId));
        }
    }

    /**
     * Clears {@code out} and fills it with this tick's records: the queued injections, then
     * {@code sensorEvents} generated records (including the configured share of duplicates and
     * malformed ones) with timestamps since the previous tick.
     */
    public void fill(EventBatch out, long simTimeMillis, int sensorEvents) {
        out.clear();
        synchronized (queued) {
            draining.addAll(queued);
            queued.clear();
        }
        out.ensureRoom(draining.size() + sensorEvents);
        for (Injection in : draining) {
            int ward = districts.indexAt(in.lat, in.lon);
            if (ward < 0) {
                ward = districts.nearestIndex(in.lat, in.lon);
            }
            out.add(in.type.ordinal(), EventBatch.source(in.sensor, injectedTrack++), (float) in.lat,
                    (float) in.lon, in.risk, in.confidence, simTimeMillis, EventBatch.fieldFlag(in.type), ward);
        }
        lastInjected = draining.size();
        draining.clear();

        // The first tick covers the second before it (never before sim time 0).
        long from = lastSimMillis < 0 ? Math.max(0, simTimeMillis - 1_000) : lastSimMillis;
        lastSimMillis = simTimeMillis;
        int duplicates = (int) Math.round(sensorEvents * config.duplicateRate());
        int fresh = sensorEvents - duplicates;
        int nTraffic = (int) Math.round(fresh * trafficShare);
        int nSecurity = Math.min(fresh - nTraffic, (int) Math.round(fresh * securityShare));
        int nDisaster = fresh - nTraffic - nSecurity;
        int firstGenerated = out.size();
        int trafficAt = out.claim(nTraffic);
        int securityAt = out.claim(nSecurity);
        int disasterAt = out.claim(nDisaster);
        Runnable others = () -> {
            security.generateAt(out, securityAt, nSecurity, from, simTimeMillis);
            disaster.generateAt(out, disasterAt, nDisaster, from, simTimeMillis);
        };
        Runnable vehicles = () -> traffic.generateAt(out, trafficAt, nTraffic, from, simTimeMillis);
        if (config.threads() > 1 && sensorEvents >= SecondCore.MIN_RECORDS) {
            // Each stream has its own random numbers and its own records: the same output on one thread or two.
            SecondCore.both(others, vehicles);
        } else {
            vehicles.run();
            others.run();
        }
        SplittableRandom r = random;
        if (fresh > 0) {
            for (int d = 0; d < duplicates; d++) {
                out.addCopy(out, firstGenerated + r.nextInt(fresh));
            }
        }
        int generated = out.size() - firstGenerated;
        int malformed = (int) Math.round(sensorEvents * config.malformedRate());
        if (generated > 0) {
            for (int m = 0; m < malformed; m++) {
                corrupt(out, firstGenerated + r.nextInt(generated), r.nextInt(CORRUPTIONS), simTimeMillis, r);
            }
        }
    }

    /** How many injected events the last {@link #fill} put first in the batch. */
    public int lastInjected() {
        return lastInjected;
    }

    /** Damages record {@code i} so that it fails the schema check {@code kind} (an {@link InvalidReason}). */
    private static void corrupt(EventBatch b, int i, int kind, long now, SplittableRandom r) {
        switch (InvalidReason.values()[kind]) {
            case UNKNOWN_TYPE -> b.setType(i, r.nextBoolean() ? -1 - r.nextInt(100) : 12 + r.nextInt(1000));
            case BAD_SOURCE -> b.setSource(i, -1 - r.nextLong(1L << 40));
            case BAD_LATITUDE -> b.setLat(i, r.nextBoolean() ? Float.NaN : 90.5f + (float) r.nextDouble() * 100);
            case BAD_LONGITUDE -> b.setLon(i, r.nextBoolean() ? Float.NaN : -180.5f - (float) r.nextDouble() * 100);
            case OUTSIDE_CITY -> {
                b.setLat(i, 0f);
                b.setLon(i, 0f);
            }
            case BAD_RISK -> b.setRisk(i, r.nextBoolean() ? Float.NaN : 1.01f + (float) r.nextDouble());
            case BAD_CONFIDENCE -> b.setConfidence(i, 1.01f + (float) r.nextDouble());
            case BAD_TIME -> b.setTime(i, r.nextBoolean() ? -1 - r.nextInt(1000) : now + 1 + r.nextInt(60_000));
            case FLAG_MISMATCH -> b.setFlags(i, (byte) (b.flags(i) ^ EventBatch.FLAG_F51_WEAPON
                    ^ EventBatch.FLAG_F70_EARTHQUAKE));
            default -> throw new IllegalStateException();
        }
    }

    public TrafficGenerator traffic() {
        return traffic;
    }

    public SecurityGenerator security() {
        return security;
    }

    public DisasterGenerator disaster() {
        return disaster;
    }
}
