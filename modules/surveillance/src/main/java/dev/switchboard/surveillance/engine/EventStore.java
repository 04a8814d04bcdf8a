package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.store.Database;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CameraEvent.Attributes;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.ObjectType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The camera events in SQLite, the truth the Lucene index is rebuilt from: events with their ground truth, the
 * distinct descriptions with their embeddings, and the incidents surveillance knows. Inserts are batched in one
 * transaction per call. Thread-safe.
 */
public final class EventStore {

    private static final String EVENT_COLUMNS = "e.id, e.at_ms, e.camera, e.camera_name, e.ward, e.lat, e.lon, "
            + "e.object_type, e.behaviour, e.colour, e.clothing, e.direction, e.item_count, e.speed_kmh, e.plate, "
            + "e.confidence, e.phrase_id, e.incident_id, p.text";

    private final Database db;
    private final Map<String, Integer> phraseIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> phraseTexts = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    /** The next id on the seat's own SQLite file; guarded by writeLock. */
    private long nextId = -1;

    public EventStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, text FROM surv_phrase").map((rs, ctx) -> {
            phraseIds.put(rs.getString(2), rs.getInt(1));
            phraseTexts.put(rs.getInt(1), rs.getString(2));
            return null;
        }).list());
    }

    public Database database() {
        return db;
    }

    /** Starts a batch of generated or live events; returns its id. */
    public long newBatch(String kind, Long seed, Instant from, Instant to, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO surv_batch (kind, seed, from_ms, to_ms, events, "
                + "created_at) VALUES (:kind, :seed, :from, :to, 0, :now)").bind("kind", kind).bind("seed", seed)
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Whether a generated batch with this seed and span is stored in full. */
    public boolean hasGenerated(long seed, Instant from, Instant to) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM surv_batch WHERE kind = 'generated' AND "
                + "seed = :seed AND from_ms = :from AND to_ms = :to AND complete = 1").bind("seed", seed)
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).mapTo(Long.class).one()) > 0;
    }

    /** A generation that was interrupted (the program closed mid-way), to be resumed. */
    public record PartialBatch(long id, long seed, Instant from, Instant to, long planned, Instant lastEvent) {
    }

    /** The newest generated batch, whether complete, or empty when none was ever started. */
    public Optional<PartialBatch> lastGenerated(boolean onlyIncomplete) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT b.id, b.seed, b.from_ms, b.to_ms, b.planned, "
                + "(SELECT MAX(at_ms) FROM surv_event e WHERE e.batch_id = b.id) FROM surv_batch b WHERE b.kind = "
                + "'generated'" + (onlyIncomplete ? " AND b.complete = 0" : "") + " ORDER BY b.id DESC LIMIT 1")
                .map((rs, ctx) -> new PartialBatch(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getObject(6) == null ? null
                        : Instant.ofEpochMilli(rs.getLong(6)))).findOne());
    }

    /** Records how many events a generated batch asks for. */
    public void planBatch(long batch, long planned) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE surv_batch SET planned = :p WHERE id = :id")
                .bind("p", planned).bind("id", batch).execute());
    }

    /** Marks a generated batch as complete. */
    public void completeBatch(long batch) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE surv_batch SET complete = 1 WHERE id = :id")
                .bind("id", batch).execute());
    }

    /**
     * Stores events of a batch in one transaction, giving them increasing ids, and their ground truth. Returns
     * them as stored.
     */
    public List<StoredEvent> insert(long batch, List<EventGenerator.Generated> generated) {
        if (generated.isEmpty()) {
            return List.of();
        }
        synchronized (writeLock) {
            return db.jdbi().inTransaction(h -> {
                long[] ids = newIds(h, generated.size());
                int next = 0;
                List<StoredEvent> out = new ArrayList<>(generated.size());
                PreparedBatch events = h.prepareBatch("INSERT INTO surv_event (id, batch_id, at_ms, camera, "
                        + "camera_name, ward, lat, lon, object_type, behaviour, colour, clothing, direction, "
                        + "item_count, speed_kmh, plate, confidence, phrase_id, incident_id) VALUES (?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedBatch truth = null;
                for (EventGenerator.Generated g : generated) {
                    CameraEvent e = g.event();
                    long id = ids[next++];
                    int phrase = phraseId(h, e.description());
                    Attributes a = e.attributes();
                    events.add(id, batch, e.at().toEpochMilli(), e.camera(), e.cameraName(), e.wardId(),
                            e.position().lat(), e.position().lon(), e.type().code(), e.behaviour().code(), a.colour(),
                            a.clothing(), a.direction(), a.count(), a.speedKmh(), a.plate(), e.confidence(), phrase,
                            e.incidentId());
                    for (String tag : g.truth()) {
                        if (truth == null) {
                            truth = h.prepareBatch(
                                    "INSERT INTO surv_truth (event_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING");
                        }
                        truth.add(id, tag);
                    }
                    out.add(new StoredEvent(new CameraEvent(id, e.at(), e.camera(), e.cameraName(), e.wardId(),
                            e.position(), e.type(), a, e.behaviour(), e.confidence(), e.description(),
                            e.incidentId()), phrase));
                }
                events.execute();
                if (truth != null) {
                    truth.execute();
                }
                h.createUpdate("UPDATE surv_batch SET events = events + :n WHERE id = :id").bind("n", out.size())
                        .bind("id", batch).execute();
                return out;
            });
        }
    }

    /**
     * Ids for {@code n} new events, increasing. On a server they come from surv_event's identity sequence in one
     * round trip, so seats storing events at once never pick the same id (V24 starts the sequence after the ids
     * stored before). On the seat's own SQLite file this store is the only writer: the ids follow the highest
     * stored, counted here, as before. Called holding writeLock.
     */
    private long[] newIds(Handle h, int n) {
        long[] ids = new long[n];
        if (db.isServer()) {
            List<Long> drawn = h.createQuery("SELECT nextval(pg_get_serial_sequence('surv_event', 'id')) "
                            + "FROM generate_series(1, :n)")
                    .bind("n", n).mapTo(Long.class).list();
            for (int i = 0; i < n; i++) {
                ids[i] = drawn.get(i);
            }
            Arrays.sort(ids);
            return ids;
        }
        if (nextId < 0) {
            nextId = h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM surv_event").mapTo(Long.class).one();
        }
        for (int i = 0; i < n; i++) {
            ids[i] = nextId++;
        }
        return ids;
    }

    private int phraseId(Handle h, String text) {
        Integer id = phraseIds.get(text);
        if (id != null) {
            return id;
        }
        // Another seat on the same server may have stored the same phrase since this one read them.
        h.createUpdate("INSERT INTO surv_phrase (text) VALUES (:t) ON CONFLICT (text) DO NOTHING").bind("t", text)
                .execute();
        int created = h.createQuery("SELECT id FROM surv_phrase WHERE text = :t").bind("t", text)
                .mapTo(Integer.class).one();
        phraseIds.put(text, created);
        phraseTexts.put(created, text);
        return created;
    }

    public long count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM surv_event").mapTo(Long.class).one());
    }

    public long maxId() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM surv_event")
                .mapTo(Long.class).one());
    }

    /** The events with these ids, in the order given; ids not stored are left out. */
    public List<CameraEvent> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CameraEvent> found = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT " + EVENT_COLUMNS + " FROM surv_event e JOIN surv_phrase p ON "
                + "p.id = e.phrase_id WHERE e.id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> read(rs).event()).forEach(e -> found.put(e.id(), e)));
        List<CameraEvent> out = new ArrayList<>();
        for (Long id : ids) {
            CameraEvent e = found.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** A person one camera saw: where, when and what they looked like (for following one across cameras). */
    public record PersonSighting(long id, long timeMillis, int camera, LatLon position, String colour, String clothing,
                                 String direction) {
    }

    /**
     * People seen in {@code [fromMs, toMs)} with at least {@code minConfidence}, oldest first; read from the store
     * because the index keeps no colour or clothing beside the words.
     */
    public List<PersonSighting> people(long fromMs, long toMs, double minConfidence) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, at_ms, camera, lat, lon, colour, clothing, "
                + "direction FROM surv_event WHERE at_ms >= :from AND at_ms < :to AND object_type = :type "
                + "AND confidence >= :conf ORDER BY at_ms").bind("from", fromMs).bind("to", toMs)
                .bind("type", ObjectType.PERSON.code()).bind("conf", minConfidence)
                .map((rs, ctx) -> new PersonSighting(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        new LatLon(rs.getDouble(4), rs.getDouble(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list());
    }

    public Optional<CameraEvent> byId(long id) {
        List<CameraEvent> one = byIds(List.of(id));
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Every event with an id above {@code afterId}, in id order, {@code chunk} at a time. */
    /** The stored events with these ids, by id; ids not stored (yet) are left out. */
    public List<StoredEvent> storedByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + EVENT_COLUMNS + " FROM surv_event e JOIN "
                        + "surv_phrase p ON p.id = e.phrase_id WHERE e.id IN (<ids>) ORDER BY e.id")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> read(rs)).list());
    }

    public void forEach(long afterId, int chunk, Consumer<List<StoredEvent>> sink) {
        long last = afterId;
        while (true) {
            long from = last;
            List<StoredEvent> page = db.jdbi().withHandle(h -> h.createQuery("SELECT " + EVENT_COLUMNS
                    + " FROM surv_event e JOIN surv_phrase p ON p.id = e.phrase_id WHERE e.id > :from ORDER BY e.id "
                    + "LIMIT :n").bind("from", from).bind("n", chunk).map((rs, ctx) -> read(rs)).list());
            if (page.isEmpty()) {
                return;
            }
            sink.accept(page);
            last = page.get(page.size() - 1).event().id();
        }
    }

    private static StoredEvent read(ResultSet rs) throws SQLException {
        Attributes a = new Attributes(rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                rs.getDouble(14), rs.getString(15));
        CameraEvent e = new CameraEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3),
                rs.getString(4), rs.getString(5), new LatLon(rs.getDouble(6), rs.getDouble(7)),
                ObjectType.fromCode(rs.getString(8)), a, Behaviour.fromCode(rs.getString(9)), rs.getDouble(16),
                rs.getString(19), rs.getString(18));
        return new StoredEvent(e, rs.getInt(17));
    }

    // ---- phrases and their vectors

    /** The text of a distinct description. */
    public String phrase(int id) {
        return phraseTexts.get(id);
    }

    /** Distinct descriptions not embedded yet, by id. */
    public Map<Integer, String> phrasesWithoutVector() {
        Map<Integer, String> out = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, text FROM surv_phrase WHERE vector IS NULL ORDER BY id")
                .map((rs, ctx) -> out.put(rs.getInt(1), rs.getString(2))).list());
        return out;
    }

    /** Every embedded description's vector, by id. */
    public Map<Integer, float[]> vectors() {
        Map<Integer, float[]> out = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, vector FROM surv_phrase WHERE vector IS NOT NULL "
                + "ORDER BY id")
                .map((rs, ctx) -> out.put(rs.getInt(1), floats(rs.getBytes(2)))).list());
        return out;
    }

    /** The description id of an event, or -1 when there is no such event. */
    public int phraseOf(long eventId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT phrase_id FROM surv_event WHERE id = :id")
                .bind("id", eventId).mapTo(Integer.class).findOne().orElse(-1));
    }

    /** The vector of one description, or null when it is not embedded yet. */
    public float[] vector(int phraseId) {
        byte[] b = db.jdbi().withHandle(h -> h.createQuery("SELECT vector FROM surv_phrase WHERE id = :id")
                .bind("id", phraseId).mapTo(byte[].class).findOne().orElse(null));
        return b == null ? null : floats(b);
    }

    public long phraseCount() {
        return phraseIds.size();
    }

    /** Stores the vectors of some descriptions in one transaction. */
    public void saveVectors(Map<Integer, float[]> vectors) {
        db.jdbi().useTransaction(h -> {
            PreparedBatch b = h.prepareBatch("UPDATE surv_phrase SET vector = ? WHERE id = ?");
            vectors.forEach((id, v) -> b.add(bytes(v), id));
            b.execute();
        });
    }

    public static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    public static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    // ---- ground truth

    /** The events the generator planted under {@code tag} ({@code incident:H7-001}, {@code track:3}). */
    public List<Long> tagged(String tag) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT event_id FROM surv_truth WHERE tag = :t ORDER BY "
                + "event_id").bind("t", tag).mapTo(Long.class).list());
    }

    // ---- incidents

    public void saveIncident(IncidentRef i) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO surv_incident (id, session_id, source, title, ward, lat, "
                + "lon, at_ms, sim_ms, open) VALUES (:id, :session, :source, :title, :ward, :lat, :lon, :at, :sim, "
                + ":open) ON CONFLICT (id) DO UPDATE SET open = excluded.open, title = excluded.title")
                .bind("id", i.id()).bind("session", i.sessionId()).bind("source", i.source())
                .bind("title", i.title()).bind("ward", i.wardId()).bind("lat", i.position().lat())
                .bind("lon", i.position().lon()).bind("at", i.at().toEpochMilli()).bind("sim", i.simMillis())
                .bind("open", i.open() ? 1 : 0).execute());
    }

    public void closeIncident(String id) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE surv_incident SET open = 0 WHERE id = :id").bind("id", id)
                .execute());
    }

    /** The newest incidents first. */
    public List<IncidentRef> incidents(int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, session_id, source, title, ward, lat, lon, at_ms, "
                + "sim_ms, open FROM surv_incident ORDER BY at_ms DESC LIMIT :n").bind("n", limit)
                .map((rs, ctx) -> new IncidentRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), new LatLon(rs.getDouble(6), rs.getDouble(7)),
                        Instant.ofEpochMilli(rs.getLong(8)), rs.getLong(9), rs.getInt(10) == 1)).list());
    }

    public Optional<IncidentRef> incident(String id) {
        return incidents(Integer.MAX_VALUE).stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Records a clip attached to an incident. */
    public void attach(String incidentId, long eventId, String user, Instant at, String note) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO surv_attachment (incident_id, event_id, by_user, at, "
                + "note) VALUES (:i, :e, :u, :at, :n)").bind("i", incidentId).bind("e", eventId).bind("u", user)
                .bind("at", at.toEpochMilli()).bind("n", note).execute());
    }

    /** The events attached to an incident, oldest attachment first. */
    public List<Long> attachments(String incidentId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT event_id FROM surv_attachment WHERE incident_id = :i "
                + "ORDER BY id").bind("i", incidentId).mapTo(Long.class).list());
    }
}
