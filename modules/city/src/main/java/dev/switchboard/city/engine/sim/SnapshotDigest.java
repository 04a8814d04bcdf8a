package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.PipelineStats;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over the contents of a run's snapshots, to show that a seed replays exactly. Everything the
 * simulation decides goes in (units, incidents, critical events, heat, counts, recommendations, summary); wall
 * time measurements (the pipeline's nanoseconds) stay out. Not thread-safe.
 */
public final class SnapshotDigest {

    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(8);
    private long snapshots;

    public SnapshotDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Adds one snapshot. */
    public SnapshotDigest add(CitySnapshot s) {
        snapshots++;
        putLong(s.tick());
        putLong(s.simTime().millis());
        putBoolean(s.autopilot());
        putString(s.situation());
        for (UnitView u : s.units()) {
            putString(u.id());
            putString(u.state().name());
            putDouble(u.position().lat());
            putDouble(u.position().lon());
            putDouble(u.headingDegrees());
            putString(u.incidentId());
        }
        for (IncidentView i : s.incidents()) {
            putString(i.id());
            putString(i.title());
            putString(i.state().name());
            putLong(i.priority());
            putString(String.join(",", i.unitIds()));
            putDouble(i.position().lat());
            putDouble(i.position().lon());
        }
        for (CriticalEvent e : s.critical()) {
            putLong(e.id());
            putString(e.type().name());
            putLong(e.sourceId());
            putDouble(e.score());
            putDouble(e.position().lat());
            putDouble(e.position().lon());
        }
        for (float f : s.heat()) {
            putLong(Float.floatToIntBits(f));
        }
        PipelineStats p = s.stats();
        putLong(p.generated());
        putLong(p.malformed());
        putLong(p.duplicates());
        putLong(p.passedFilter());
        putLong(p.aboveThreshold());
        putLong(p.topK());
        for (Recommendation r : s.recommendations()) {
            putString(r.id());
            putString(r.incidentId());
            putString(CitySimulation.describe(r.command()));
            putString(r.unitId());
            putDouble(r.etaSeconds());
            putString(r.source());
        }
        return this;
    }

    public long snapshots() {
        return snapshots;
    }

    /** The digest so far, as 64 hex digits; adding more afterwards continues from here. */
    public String hex() {
        try {
            MessageDigest copy = (MessageDigest) sha.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putString(String s) {
        if (s == null) {
            putLong(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putLong(bytes.length);
        sha.update(bytes);
    }

    private void putDouble(double d) {
        putLong(Double.doubleToLongBits(d));
    }

    private void putBoolean(boolean b) {
        sha.update((byte) (b ? 1 : 0));
    }

    private void putLong(long v) {
        buffer.clear();
        buffer.putLong(v);
        sha.update(buffer.array());
    }
}
