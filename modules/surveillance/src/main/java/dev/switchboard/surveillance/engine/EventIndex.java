package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Aggregates;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The search index beside the store: one Lucene index holding an event document per camera event (BM25 over its
 * description and attributes, filters on camera, ward, type, behaviour, colour, plate, confidence, time, time of
 * day and position); the distinct descriptions' embeddings sit in an HNSW graph of their own ({@link PhraseIndex}).
 * Semantic search finds the nearest descriptions and ranks the events that carry them; hybrid search fuses the
 * keyword and semantic rankings by a weighted combination of their normalised scores ({@link Fusion}). Always
 * rebuildable from the {@link EventStore}. Thread-safe; searches see what was added once {@link #refresh()} ran.
 */
public final class EventIndex implements AutoCloseable {

    /** How many candidates each ranker gives to the fusion. */
    static final int CANDIDATES = 100;
    /**
     * How many nearest descriptions semantic search takes among those the filtered events carry, when the nearest
     * overall ({@link #NEAREST_OVERALL}) are too rare among them.
     */
    static final int NEAREST_PHRASES = 48;
    /** How many nearest descriptions overall a question's semantic search starts from (kept per question). */
    static final int NEAREST_OVERALL = 256;
    /** Weight of the keyword score inside the semantic list of a hybrid search: it only breaks ties. */
    static final float TIE_BREAK = 0.001f;
    /** How many of the semantic ranking the keyword tie-break reorders before the list is cut. */
    static final int TIE_POOL = 10 * CANDIDATES;

    private static final String PHRASE = PhraseIndex.PHRASE;
    private static final String LAST_ID = "lastEventId";
    /** The layout of the documents; an index of another layout is rebuilt from the store. */
    private static final String LAYOUT_KEY = "layout";
    private static final String LAYOUT = "2";
    private static final Query EVENTS = new MatchAllDocsQuery();

    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final QueryBuilder queries = new QueryBuilder(analyzer);
    private final PhraseIndex phrases;
    private final Map<VectorKey, CachedNearest> nearestCache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VectorKey, CachedNearest> eldest) {
            return size() > 256;
        }
    };
    private volatile long lastEventId;

    private EventIndex(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(48);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        lastEventId = Long.parseLong(data.getOrDefault(LAST_ID, "0"));
        if (writer.getDocStats().maxDoc > 0 && !LAYOUT.equals(data.get(LAYOUT_KEY))) {
            close();
            throw new IOException("the index in " + dir + " has an older layout");
        }
        this.phrases = PhraseIndex.open(dir.resolve("phrases"));
    }

    /**
     * Opens the index in {@code dir}, creating it when absent.
     *
     * @throws IOException when it cannot be opened (corrupt, too new, locked): the caller rebuilds it
     */
    public static EventIndex open(Path dir) throws IOException {
        return new EventIndex(dir);
    }

    /** Deletes the index files in {@code dir} (a derived copy of the store) so it can be rebuilt. */
    public static void delete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        delete(dir.resolve("phrases"));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** The highest event id indexed and committed (or added since). */
    public long lastEventId() {
        return lastEventId;
    }

    /** Whether the description with this id has its vector in the index. */
    public boolean hasPhrase(int phraseId) {
        return phrases.has(phraseId);
    }

    // ---- writing

    /** Adds events; searchable after the next {@link #refresh()}. */
    public void add(Collection<StoredEvent> events) {
        try {
            long max = lastEventId;
            for (StoredEvent s : events) {
                writer.addDocument(document(s));
                max = Math.max(max, s.event().id());
            }
            lastEventId = max;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add events to the search index in " + dir, e);
        }
    }

    /** Adds the vectors of distinct descriptions (those not in the index yet). */
    public void addPhrases(Map<Integer, float[]> vectors) {
        phrases.add(vectors);
    }

    /** Commits the description vectors (merged into one graph); for the end of a round of embedding. */
    public void commitPhrases() {
        phrases.commit();
    }

    /** Makes what was added searchable (near-real-time, without a commit). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
            phrases.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the search index in " + dir, e);
        }
    }

    /** Commits to disk with the highest event id indexed, so a restart resumes from there. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastEventId), LAYOUT_KEY, LAYOUT).entrySet());
            writer.commit();
            searchers.maybeRefresh();
            if (phrases != null) {
                phrases.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the search index in " + dir, e);
        }
    }

    private static Document document(StoredEvent s) {
        CameraEvent e = s.event();
        Document d = new Document();
        d.add(new LongField("id", e.id(), Field.Store.YES));
        d.add(new TextField("text", text(e), Field.Store.NO));
        d.add(new IntField(PHRASE, s.phraseId(), Field.Store.NO));
        d.add(new LongField("time", e.at().toEpochMilli(), Field.Store.NO));
        d.add(new IntField("minute", CityTime.minuteOfDay(e.at()), Field.Store.NO));
        d.add(new IntField("camera", e.camera(), Field.Store.NO));
        d.add(new KeywordField("ward", e.wardId(), Field.Store.NO));
        d.add(new KeywordField("type", e.type().code(), Field.Store.NO));
        d.add(new KeywordField("behaviour", e.behaviour().code(), Field.Store.NO));
        if (!e.attributes().colour().isEmpty()) {
            d.add(new KeywordField("colour", e.attributes().colour(), Field.Store.NO));
        }
        if (!e.attributes().plate().isEmpty()) {
            d.add(new KeywordField("plate", plateKey(e.attributes().plate()), Field.Store.NO));
            d.add(new KeywordField("plate", serialKey(e.attributes().plate()), Field.Store.NO));
        }
        d.add(new FloatField("conf", (float) e.confidence(), Field.Store.NO));
        d.add(new LatLonPoint("pos", e.position().lat(), e.position().lon()));
        if (e.incidentId() != null) {
            d.add(new KeywordField("incident", e.incidentId(), Field.Store.NO));
        }
        return d;
    }

    /** What keyword search reads: the description, the type and the attributes, the camera and its ward. */
    static String text(CameraEvent e) {
        return e.description() + " " + e.type().label() + " " + Descriptions.attributeWords(e.attributes()) + " "
                + e.cameraName();
    }

    /** A plate as a key: lower case, letters and digits only ({@code nerima500a1234}). */
    public static String plateKey(String plate) {
        return plate.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The plate's serial number alone ({@code 12-34} → {@code 1234}): what a witness usually remembers. */
    public static String serialKey(String plate) {
        int dash = plate.lastIndexOf('-');
        if (dash < 2) {
            return plateKey(plate);
        }
        return plateKey(plate.substring(Math.max(0, dash - 2)));
    }

    // ---- reading

    /** One ranked list of event ids with scores. */
    public record Ranked(long[] ids, float[] scores, long totalMatches) {
    }

    /**
     * Runs {@code q} in its mode. {@code queryVector} is the question's embedding (null when there is none: semantic
     * search then has nothing to rank and returns nothing); {@code similarVector} the vector of the event a
     * "similar to" query names.
     */
    public Ranked search(EventQuery q, float[] queryVector) {
        IndexSearcher s = acquire();
        try {
            Query filter = filter(q);
            long total = s.count(filter);
            Query keyword = q.text().isEmpty() ? null : queries.createBooleanQuery("text", q.text(), Occur.SHOULD);
            Query semantic = queryVector == null || q.mode() == EventQuery.Mode.KEYWORD ? null
                    : semantic(queryVector, q.similarTo());
            if (keyword == null && semantic == null || total == 0) {
                return newestFirst(s, filter, total, q.limit());
            }
            TopDocs kw = keyword == null || q.mode() == EventQuery.Mode.VECTOR && semantic != null ? null
                    : s.search(and(keyword, filter), CANDIDATES, byScoreThenTime(), true);
            TopDocs vec = semantic == null ? null : semanticList(s, semantic, filter, kw);
            if (vec != null && vec.scoreDocs.length < q.limit() && total > vec.scoreDocs.length) {
                // The filtered events rarely carry any of the question's nearest descriptions (a narrow type, say):
                // rank the descriptions they do carry instead.
                Query among = semanticAmongPresent(s, queryVector, q.similarTo(), filter);
                if (among != null) {
                    vec = semanticList(s, among, filter, kw);
                }
            }
            TopDocs result = kw == null ? vec : vec == null ? kw : Fusion.fuse(kw, vec, q.limit());
            if (result.scoreDocs.length == 0 && q.hasFilters()) {
                // Neither ranker found the words among the filtered events: the filters alone, newest first.
                return newestFirst(s, filter, total, q.limit());
            }
            return ranked(s, result, total, q.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /**
     * The semantic ranking. With a keyword ranking beside it (hybrid), events that share a description (every red
     * sedan driving north has the same one) are ordered by their keyword score, scaled far below the similarity, so
     * the one whose plate or camera the question names comes first among equals.
     */
    private static TopDocs semanticList(IndexSearcher s, Query semantic, Query filter, TopDocs keyword)
            throws IOException {
        if (keyword == null || keyword.scoreDocs.length == 0) {
            return s.search(and(semantic, filter), CANDIDATES, byScoreThenTime(), true);
        }
        TopDocs wide = s.search(and(semantic, filter), TIE_POOL, byScoreThenTime(), true);
        Map<Integer, Float> bm25 = new HashMap<>();
        for (ScoreDoc d : keyword.scoreDocs) {
            bm25.put(d.doc, d.score);
        }
        ScoreDoc[] docs = wide.scoreDocs.clone();
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new ScoreDoc(docs[i].doc, docs[i].score + TIE_BREAK * bm25.getOrDefault(docs[i].doc, 0f));
        }
        // Stable: among equal scores the newest stays first.
        java.util.Arrays.sort(docs, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(wide.totalHits, java.util.Arrays.copyOf(docs, Math.min(CANDIDATES, docs.length)));
    }

    private Ranked newestFirst(IndexSearcher s, Query filter, long total, int limit) throws IOException {
        TopDocs top = s.search(filter, limit, new Sort(new SortedNumericSortField("time", SortField.Type.LONG,
                true)));
        return ranked(s, top, total, limit);
    }

    private static Sort byScoreThenTime() {
        return new Sort(SortField.FIELD_SCORE, new SortedNumericSortField("time", SortField.Type.LONG, true));
    }

    /**
     * Events whose description is one of the {@link #NEAREST_OVERALL} nearest to {@code vector}, each scored by that
     * nearness (read from its description id), or null when no description is near. The nearest descriptions are
     * found once per question and kept.
     */
    private Query semantic(float[] vector, long excludeId) {
        return carrying(nearestOverall(vector), excludeId);
    }

    /** Like {@link #semantic} among the descriptions that the filtered events carry. */
    private Query semanticAmongPresent(IndexSearcher s, float[] vector, long excludeId, Query filter)
            throws IOException {
        Set<Integer> present = new java.util.HashSet<>();
        s.search(filter, new PhraseIds(present));
        return carrying(phrases.nearest(vector, NEAREST_PHRASES, present), excludeId);
    }

    private static Query carrying(PhraseIndex.Nearest nearest, long excludeId) {
        if (nearest.ids().length == 0) {
            return null;
        }
        Query carrying = new FunctionScoreQuery(IntField.newSetQuery(PHRASE, nearest.ids()),
                new PhraseScores(nearest.ids(), nearest.similarities()));
        if (excludeId >= 0) {
            carrying = new BooleanQuery.Builder().add(carrying, Occur.MUST)
                    .add(LongField.newExactQuery("id", excludeId), Occur.MUST_NOT).build();
        }
        return carrying;
    }

    /** The nearest descriptions of a question's vector, kept while no description is added. */
    private PhraseIndex.Nearest nearestOverall(float[] vector) {
        VectorKey key = new VectorKey(vector);
        long version = phrases.version();
        synchronized (nearestCache) {
            CachedNearest c = nearestCache.get(key);
            if (c != null && c.version == version) {
                return c.nearest;
            }
        }
        PhraseIndex.Nearest n = phrases.nearest(vector, NEAREST_OVERALL, null);
        synchronized (nearestCache) {
            nearestCache.put(key, new CachedNearest(version, n));
        }
        return n;
    }

    private record CachedNearest(long version, PhraseIndex.Nearest nearest) {
    }

    /** A vector as a map key, by value. */
    private record VectorKey(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VectorKey k && java.util.Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(v);
        }
    }

    private static Query and(Query scoring, Query filter) {
        return new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private Ranked ranked(IndexSearcher s, TopDocs top, long total, int limit) throws IOException {
        int n = Math.min(limit, top.scoreDocs.length);
        long[] ids = new long[n];
        float[] scores = new float[n];
        StoredFields stored = s.storedFields();
        for (int i = 0; i < n; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            ids[i] = stored.document(sd.doc).getField("id").numericValue().longValue();
            scores[i] = Float.isNaN(sd.score) ? 0 : sd.score;
        }
        return new Ranked(ids, scores, total);
    }

    /** The filters of {@code q} as one Lucene query (events only). */
    Query filter(EventQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(EVENTS, Occur.FILTER);
        if (!q.cameras().isEmpty()) {
            b.add(IntField.newSetQuery("camera", q.cameras().stream().mapToInt(Integer::intValue).toArray()),
                    Occur.FILTER);
        }
        if (!q.wards().isEmpty()) {
            b.add(KeywordField.newSetQuery("ward", q.wards().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!q.types().isEmpty()) {
            b.add(KeywordField.newSetQuery("type", q.types().stream().map(t -> new BytesRef(t.code())).toList()),
                    Occur.FILTER);
        }
        if (!q.behaviours().isEmpty()) {
            b.add(KeywordField.newSetQuery("behaviour", q.behaviours().stream()
                    .map(t -> new BytesRef(t.code())).toList()), Occur.FILTER);
        }
        if (!q.colours().isEmpty()) {
            b.add(KeywordField.newSetQuery("colour", q.colours().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!q.plate().isEmpty()) {
            BooleanQuery.Builder plate = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            plate.add(KeywordField.newExactQuery("plate", plateKey(q.plate())), Occur.SHOULD);
            plate.add(KeywordField.newExactQuery("plate", serialKey(q.plate())), Occur.SHOULD);
            b.add(plate.build(), Occur.FILTER);
        }
        if (q.minConfidence() > 0) {
            b.add(FloatField.newRangeQuery("conf", (float) q.minConfidence(), 1f), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            b.add(LongField.newRangeQuery("time", from, to), Occur.FILTER);
        }
        if (q.hours() != null) {
            EventQuery.HourWindow h = q.hours();
            if (h.wraps()) {
                b.add(new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                        .add(IntField.newRangeQuery("minute", h.startMinute(), 1439), Occur.SHOULD)
                        .add(IntField.newRangeQuery("minute", 0, h.endMinute() - 1), Occur.SHOULD).build(),
                        Occur.FILTER);
            } else {
                b.add(IntField.newRangeQuery("minute", h.startMinute(), h.endMinute() - 1), Occur.FILTER);
            }
        }
        if (q.near() != null) {
            b.add(LatLonPoint.newDistanceQuery("pos", q.near().centre().lat(), q.near().centre().lon(),
                    q.near().radiusMeters()), Occur.FILTER);
        }
        if (q.incidentId() != null) {
            b.add(KeywordField.newExactQuery("incident", q.incidentId()), Occur.FILTER);
        }
        return b.build();
    }

    /** How many events match the filters of {@code q} (its text ignored). */
    public long count(EventQuery q) {
        IndexSearcher s = acquire();
        try {
            return s.count(filter(q));
        } catch (IOException e) {
            throw new UncheckedIOException("Count failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /** How many events carry any of these descriptions. */
    public long countPhrases(Collection<Integer> phraseIds) {
        if (phraseIds.isEmpty()) {
            return 0;
        }
        IndexSearcher s = acquire();
        try {
            return s.count(IntField.newSetQuery(PHRASE, phraseIds.stream().mapToInt(Integer::intValue).toArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Count failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /** Counts by hour, day, ward, type, behaviour and camera of the events matching the filters of {@code q}. */
    public Aggregates aggregate(EventQuery q) {
        IndexSearcher s = acquire();
        try {
            return s.search(filter(q), new AggregateManager());
        } catch (IOException e) {
            throw new UncheckedIOException("Aggregation failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /** One sighting of a plate. */
    public record Sighting(long id, int camera, long timeMillis) {
    }

    /** Every event with a plate among those matching the filters of {@code q}, grouped by full plate. */
    public Map<String, java.util.List<Sighting>> plates(EventQuery q) {
        IndexSearcher s = acquire();
        Map<String, java.util.List<Sighting>> out = new HashMap<>();
        try {
            Query filter = new BooleanQuery.Builder().add(filter(q), Occur.FILTER)
                    .add(new org.apache.lucene.search.FieldExistsQuery("plate"), Occur.FILTER).build();
            s.search(filter, new VisitManager((ctx, doc) -> {
                SortedSetDocValues plates = ctx.plates;
                if (plates != null && plates.advanceExact(doc)) {
                    String longest = "";
                    for (int i = 0; i < plates.docValueCount(); i++) {
                        String v = plates.lookupOrd(plates.nextOrd()).utf8ToString();
                        if (v.length() > longest.length()) {
                            longest = v;
                        }
                    }
                    out.computeIfAbsent(longest, k -> new java.util.ArrayList<>()).add(new Sighting(ctx.id(doc),
                            (int) ctx.camera(doc), ctx.time(doc)));
                }
            }));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading plates failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /**
     * Counts of matching events per camera and hour slot: {@code counts.get(camera)[h]} is the number in the hour
     * starting {@code fromMillis + h} hours, for {@code hours} slots.
     */
    public Map<Integer, int[]> hourly(EventQuery q, long fromMillis, int hours) {
        IndexSearcher s = acquire();
        Map<Integer, int[]> out = new HashMap<>();
        try {
            s.search(filter(q.withRange(java.time.Instant.ofEpochMilli(fromMillis),
                    java.time.Instant.ofEpochMilli(fromMillis + hours * 3_600_000L))), new VisitManager((ctx, doc) -> {
                        int slot = (int) ((ctx.time(doc) - fromMillis) / 3_600_000L);
                        if (slot >= 0 && slot < hours) {
                            out.computeIfAbsent((int) ctx.camera(doc), k -> new int[hours])[slot]++;
                        }
                    }));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Counting failed in the index " + dir, e);
        } finally {
            release(s);
        }
    }

    /** The time of the newest event, or -1 when there is none. */
    public long latestMillis() {
        IndexSearcher s = acquire();
        try {
            TopDocs top = s.search(EVENTS, 1, new Sort(new SortedNumericSortField("time", SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) {
                return -1;
            }
            Object v = ((org.apache.lucene.search.FieldDoc) top.scoreDocs[0]).fields[0];
            return ((Number) v).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    /** Doc values of one segment, for visitors. */
    private static final class Leaf {
        SortedNumericDocValues idValues;
        SortedNumericDocValues timeValues;
        SortedNumericDocValues cameraValues;
        SortedSetDocValues plates;

        long id(int doc) throws IOException {
            return idValues != null && idValues.advanceExact(doc) ? idValues.nextValue() : -1;
        }

        long time(int doc) throws IOException {
            return timeValues != null && timeValues.advanceExact(doc) ? timeValues.nextValue() : -1;
        }

        long camera(int doc) throws IOException {
            return cameraValues != null && cameraValues.advanceExact(doc) ? cameraValues.nextValue() : -1;
        }
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(Leaf leaf, int doc) throws IOException;
    }

    /** Calls a visitor for every matching document, single-threaded. */
    private static final class VisitManager implements CollectorManager<SimpleCollector, Void> {
        private final Visitor visitor;

        VisitManager(Visitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public SimpleCollector newCollector() {
            return new SimpleCollector() {
                private final Leaf leaf = new Leaf();

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    var r = context.reader();
                    leaf.idValues = r.getSortedNumericDocValues("id");
                    leaf.timeValues = r.getSortedNumericDocValues("time");
                    leaf.cameraValues = r.getSortedNumericDocValues("camera");
                    leaf.plates = r.getSortedSetDocValues("plate");
                }

                @Override
                public void collect(int doc) throws IOException {
                    visitor.visit(leaf, doc);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
        }
    }

    /** The number of event documents. */
    public long size() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** Size of the index files on disk, in bytes. */
    public long bytesOnDisk() {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total + phrases.bytesOnDisk();
        } catch (IOException e) {
            return -1;
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (phrases != null) {
                commit();
                phrases.close();
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EventIndex.class).warn("Closing the search index failed", e);
        }
    }

    /** Reads the phrase ids of the phrase documents. */
    private static final class PhraseIds implements CollectorManager<SimpleCollector, Void> {
        private final Set<Integer> into;

        PhraseIds(Set<Integer> into) {
            this.into = into;
        }

        @Override
        public SimpleCollector newCollector() {
            return new SimpleCollector() {
                private SortedNumericDocValues values;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    values = context.reader().getSortedNumericDocValues(PHRASE);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (values != null && values.advanceExact(doc)) {
                        into.add((int) values.nextValue());
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
        }
    }

    /** Counts per hour, day, ward, type, behaviour and camera from the doc values of the matching events. */
    private static final class AggregateManager implements CollectorManager<AggregateManager.Counter, Aggregates> {

        static final class Counter extends SimpleCollector {
            final long[] hours = new long[24];
            final Map<Long, Long> days = new HashMap<>();
            final Map<String, Long> wards = new HashMap<>();
            final Map<String, Long> types = new HashMap<>();
            final Map<String, Long> behaviours = new HashMap<>();
            final Map<Integer, Long> cameras = new HashMap<>();
            long total;
            private SortedNumericDocValues time;
            private SortedNumericDocValues minute;
            private SortedNumericDocValues camera;
            private SortedSetDocValues ward;
            private SortedSetDocValues type;
            private SortedSetDocValues behaviour;
            private final Map<Long, String> wardTerms = new HashMap<>();
            private final Map<Long, String> typeTerms = new HashMap<>();
            private final Map<Long, String> behaviourTerms = new HashMap<>();

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                var r = context.reader();
                time = r.getSortedNumericDocValues("time");
                minute = r.getSortedNumericDocValues("minute");
                camera = r.getSortedNumericDocValues("camera");
                ward = r.getSortedSetDocValues("ward");
                type = r.getSortedSetDocValues("type");
                behaviour = r.getSortedSetDocValues("behaviour");
                wardTerms.clear();
                typeTerms.clear();
                behaviourTerms.clear();
            }

            @Override
            public void collect(int doc) throws IOException {
                total++;
                if (minute != null && minute.advanceExact(doc)) {
                    hours[(int) minute.nextValue() / 60]++;
                }
                if (time != null && time.advanceExact(doc)) {
                    // Local day number: Tokyo has no daylight saving, so a fixed offset of nine hours is exact.
                    long day = Math.floorDiv(time.nextValue() + 9 * 3_600_000L, 86_400_000L);
                    days.merge(day, 1L, Long::sum);
                }
                if (camera != null && camera.advanceExact(doc)) {
                    cameras.merge((int) camera.nextValue(), 1L, Long::sum);
                }
                term(ward, doc, wardTerms, wards);
                term(type, doc, typeTerms, types);
                term(behaviour, doc, behaviourTerms, behaviours);
            }

            private static void term(SortedSetDocValues dv, int doc, Map<Long, String> cache, Map<String, Long> into)
                    throws IOException {
                if (dv != null && dv.advanceExact(doc)) {
                    long ord = dv.nextOrd();
                    String t = cache.get(ord);
                    if (t == null) {
                        t = dv.lookupOrd(ord).utf8ToString();
                        cache.put(ord, t);
                    }
                    into.merge(t, 1L, Long::sum);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Aggregates reduce(Collection<Counter> collectors) {
            long total = 0;
            long[] hours = new long[24];
            Map<String, Long> days = new TreeMap<>();
            Map<String, Long> wards = new HashMap<>();
            Map<String, Long> types = new HashMap<>();
            Map<String, Long> behaviours = new HashMap<>();
            Map<Integer, Long> cameras = new HashMap<>();
            for (Counter c : collectors) {
                total += c.total;
                for (int h = 0; h < 24; h++) {
                    hours[h] += c.hours[h];
                }
                c.days.forEach((d, n) -> days.merge(LocalDate.ofEpochDay(d).toString(), n, Long::sum));
                c.wards.forEach((k, n) -> wards.merge(k, n, Long::sum));
                c.types.forEach((k, n) -> types.merge(k, n, Long::sum));
                c.behaviours.forEach((k, n) -> behaviours.merge(k, n, Long::sum));
                c.cameras.forEach((k, n) -> cameras.merge(k, n, Long::sum));
            }
            return new Aggregates(total, hours, days, wards, types, behaviours, cameras);
        }
    }
}
