package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Aggregates;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the stored events: keeps the Lucene index in step with the store (catching up after a restart,
 * rebuilding it when it is missing or corrupt), embeds each new distinct description once in the background, and
 * answers queries. Events are searchable by keyword as soon as they are stored and semantically once their
 * description's vector arrives. Thread-safe.
 */
public final class EventSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSearch.class);
    private static final int EMBED_BATCH = 64;
    private static final int QUERY_CACHE = 256;
    /** How often a search on a server first picks up the events other seats stored. */
    private static final long OTHER_SEATS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long an id missing below the newest indexed one is looked for again before it is taken as never used. */
    private static final long HOLE_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The widest run of missing ids remembered as holes. */
    private static final int MAX_GAP = 5_000;
    /** At most this many missing ids are remembered; the oldest are let go first. */
    private static final int MAX_HOLES = 20_000;

    private final EventStore store;
    private final Path indexDir;
    private final TextEmbedder embedder;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "surveillance-embedder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, float[]> queryVectors = new LinkedHashMap<>(QUERY_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QUERY_CACHE;
        }
    };
    private final AtomicLong pendingPhrases = new AtomicLong();
    private volatile Progress progress = Progress.NONE;
    private volatile CompletableFuture<Void> embedding = CompletableFuture.completedFuture(null);
    private EventIndex index;
    private volatile boolean closed;
    /**
     * Ids below the newest indexed one that the store did not have when it was read, with when they were first
     * missed: on a server, ids come from one sequence for every seat, and a seat's events may commit after a higher
     * id of another seat's has been read. They are looked for again on each catch-up ({@link #holes()}).
     */
    private final LinkedHashMap<Long, Long> holes = new LinkedHashMap<>();
    private long otherSeatsCheckedNanos;

    /**
     * @param embedder sentence embeddings, or null to search by keyword only
     */
    public EventSearch(EventStore store, Path indexDir, TextEmbedder embedder) {
        this.store = Objects.requireNonNull(store, "store");
        this.indexDir = Objects.requireNonNull(indexDir, "indexDir");
        this.embedder = embedder;
    }

    public void setProgress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
    }

    public EventStore store() {
        return store;
    }

    /**
     * Opens the index, rebuilding it from the store when it is missing or cannot be read, and adds whatever the
     * store holds that the index does not (events stored while it was closed). Starts embedding pending
     * descriptions in the background.
     */
    public synchronized void open() {
        holes.clear();
        try {
            index = EventIndex.open(indexDir);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            // Another Switchboard (a window, or a CLI command) has the index open: never touch its files.
            throw new dev.switchboard.core.error.SwitchboardException("The camera-event index in " + indexDir
                    + " is in use by another Switchboard process.", "Close the other window or wait for the other "
                    + "command to finish, then try again.");
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index in {} cannot be read ({}); rebuilding it from the store", indexDir,
                    e.toString());
            try {
                EventIndex.delete(indexDir);
                index = EventIndex.open(indexDir);
            } catch (IOException again) {
                throw new UncheckedIOException("Cannot create the search index in " + indexDir, again);
            }
        }
        long stored = store.maxId();
        if (index.lastEventId() > stored) {
            // The index is ahead of the store (a restored backup): it no longer describes the truth.
            LOG.warn("The search index is ahead of the store; rebuilding it");
            rebuild();
            return;
        }
        catchUp();
        index.addPhrases(store.vectors());
        index.refresh();
        embedPendingInBackground();
    }

    /** Deletes the index and builds it again from the store, with progress. */
    public synchronized void rebuild() {
        if (index != null) {
            index.close();
        }
        holes.clear();
        try {
            EventIndex.delete(indexDir);
            index = EventIndex.open(indexDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the search index in " + indexDir, e);
        }
        catchUp();
        index.addPhrases(store.vectors());
        index.commit();
        embedPendingInBackground();
    }

    private void catchUp() {
        EventIndex i = index;
        int late = addNew(i, store.storedByIds(holes()));
        long from = i.lastEventId();
        long total = store.maxId() - from;
        if (total <= 0) {
            if (late > 0) {
                i.commit();
                LOG.info("Indexed {} stored events that were not yet committed at the last catch-up", late);
            }
            return;
        }
        AtomicLong done = new AtomicLong();
        store.forEach(from, 20_000, page -> {
            addNew(i, page);
            progress.update("rebuilding the search index", done.addAndGet(page.size()), total);
        });
        i.commit();
        LOG.info("Indexed {} stored events that the search index lacked", done.get() + late);
    }

    /**
     * Adds the events of {@code events} the index does not have yet: above its newest id, or one of the
     * {@link #holes} (removed then); ids skipped between the newest and these become holes. Returns how many were
     * added. Holding this object's lock.
     */
    private int addNew(EventIndex i, List<StoredEvent> events) {
        List<StoredEvent> fresh = new ArrayList<>(events.size());
        long newest = i.lastEventId();
        long now = System.nanoTime();
        for (StoredEvent e : events) {
            long id = e.event().id();
            if (id > newest) {
                // A gap above an empty index is where the ids begin, and one wider than a batch of another seat's
                // is a jump of the sequence, not events still to commit.
                if (newest > 0 && id - newest - 1 <= MAX_GAP) {
                    for (long gap = newest + 1; gap < id; gap++) {
                        holes.putIfAbsent(gap, now);
                    }
                }
                newest = id;
                fresh.add(e);
            } else if (holes.remove(id) != null) {
                fresh.add(e);
            }
        }
        while (holes.size() > MAX_HOLES) {
            holes.remove(holes.keySet().iterator().next());
        }
        if (!fresh.isEmpty()) {
            i.add(fresh);
        }
        return fresh.size();
    }

    /** The missing ids still worth looking for; those missed for longer than a minute are let go (never used). */
    private List<Long> holes() {
        long now = System.nanoTime();
        holes.values().removeIf(first -> now - first > HOLE_LIFETIME_NANOS);
        return List.copyOf(holes.keySet());
    }

    /**
     * On a training center's server, where every seat stores camera events: adds what other seats stored since the
     * last look (at most once a second), before a search reads the index. Does nothing on a seat's own file.
     */
    private synchronized void catchUpWithOtherSeats() {
        if (index == null || !store.database().isServer()) {
            return;
        }
        long now = System.nanoTime();
        if (otherSeatsCheckedNanos != 0 && now - otherSeatsCheckedNanos < OTHER_SEATS_EVERY_NANOS) {
            return;
        }
        otherSeatsCheckedNanos = now;
        catchUp();
        index.refresh();
    }

    /** Indexes events just stored: searchable by keyword at once, semantically when their vectors arrive. */
    public void ingest(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        EventIndex i = index();
        synchronized (this) {
            addNew(i, events);
        }
        i.refresh();
        boolean newPhrase = false;
        for (StoredEvent e : events) {
            if (!i.hasPhrase(e.phraseId())) {
                newPhrase = true;
                break;
            }
        }
        if (newPhrase) {
            embedPendingInBackground();
        }
    }

    /** Indexes events without refreshing: for bulk loads, which call {@link #refreshNow()} now and then. */
    public void ingestQuietly(List<StoredEvent> events) {
        EventIndex i = index();
        synchronized (this) {
            addNew(i, events);
        }
    }

    /** Makes everything added so far searchable. */
    public void refreshNow() {
        index().refresh();
    }

    /** Commits the index (after a large load, and on close). */
    public void commit() {
        index().commit();
    }

    /** Embeds the descriptions that have no vector yet, in the background; returns at once. */
    public synchronized CompletableFuture<Void> embedPendingInBackground() {
        if (embedder == null || !embedding.isDone()) {
            return embedding;
        }
        embedding = CompletableFuture.runAsync(this::embedPending, background);
        return embedding;
    }

    /** Waits until every stored description is embedded (for the CLI and the benchmark). */
    public void awaitEmbeddings(long timeout, TimeUnit unit) {
        try {
            while (true) {
                CompletableFuture<Void> f = embeddingFuture();
                f.get(timeout, unit);
                if (embedder == null || store.phrasesWithoutVector().isEmpty()) {
                    return;
                }
                embedPendingInBackground();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Embedding the descriptions did not finish: {}", e.toString());
        }
    }

    private synchronized CompletableFuture<Void> embeddingFuture() {
        return embedding;
    }

    private void embedPending() {
        Map<Integer, String> pending = store.phrasesWithoutVector();
        pendingPhrases.set(pending.size());
        List<Map.Entry<Integer, String>> all = new ArrayList<>(pending.entrySet());
        int done = 0;
        for (int i = 0; i < all.size() && !closed; i += EMBED_BATCH) {
            List<Map.Entry<Integer, String>> batch = all.subList(i, Math.min(all.size(), i + EMBED_BATCH));
            List<float[]> vectors;
            try {
                vectors = embedder.embed(batch.stream().map(Map.Entry::getValue).toList());
            } catch (RuntimeException e) {
                LOG.warn("Embedding descriptions failed; keyword search still finds them: {}", e.toString());
                return;
            }
            Map<Integer, float[]> byId = new LinkedHashMap<>();
            for (int k = 0; k < batch.size(); k++) {
                byId.put(batch.get(k).getKey(), vectors.get(k));
            }
            store.saveVectors(byId);
            EventIndex idx = index();
            idx.addPhrases(byId);
            idx.refresh();
            done += batch.size();
            pendingPhrases.set(all.size() - done);
            progress.update("embedding descriptions", done, all.size());
        }
        if (done > 0 && !closed) {
            index().commitPhrases();
        }
    }

    /** Descriptions still waiting for their vector. */
    public long pendingDescriptions() {
        return pendingPhrases.get();
    }

    /** The index for a search: on a server, first brought up to date with the events other seats stored. */
    private EventIndex searchIndex() {
        catchUpWithOtherSeats();
        return index();
    }

    private synchronized EventIndex index() {
        if (index == null) {
            throw new IllegalStateException("The search index is not open");
        }
        return index;
    }

    /** Runs a query: events with scores, best first, and how many matched. */
    public SearchResult search(EventQuery q) {
        long started = System.nanoTime();
        float[] vector = null;
        if (q.similarTo() >= 0) {
            int phrase = store.phraseOf(q.similarTo());
            vector = phrase < 0 ? null : store.vector(phrase);
            if (phrase < 0) {
                throw dev.switchboard.core.error.InputException.field("similar to", "no event "
                        + CameraEvent.ref(q.similarTo()));
            }
            if (q.text().isEmpty()) {
                q = q.withText(store.phrase(phrase));
            }
        } else if (!q.text().isEmpty() && q.mode() != EventQuery.Mode.KEYWORD) {
            vector = queryVector(q.text());
        }
        EventIndex.Ranked ranked = searchIndex().search(q, vector);
        List<Long> ids = new ArrayList<>(ranked.ids().length);
        for (long id : ranked.ids()) {
            ids.add(id);
        }
        List<CameraEvent> events = store.byIds(ids);
        List<SearchHit> hits = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            hits.add(SearchHit.of(events.get(i), Math.round(ranked.scores()[i] * 10_000) / 10_000.0));
        }
        return new SearchResult(q, hits, ranked.totalMatches(), pendingDescriptions(),
                (System.nanoTime() - started) / 1000);
    }

    /** The ids alone, for the benchmark and the evaluation. */
    public long[] rank(EventQuery q) {
        float[] vector = q.text().isEmpty() || q.mode() == EventQuery.Mode.KEYWORD ? null : queryVector(q.text());
        return searchIndex().search(q, vector).ids();
    }

    private float[] queryVector(String text) {
        if (embedder == null) {
            return null;
        }
        synchronized (queryVectors) {
            float[] v = queryVectors.get(text);
            if (v != null) {
                return v;
            }
        }
        float[] v;
        try {
            v = embedder.embed(List.of(text)).get(0);
        } catch (RuntimeException e) {
            LOG.warn("Embedding the question failed; keyword search only: {}", e.toString());
            return null;
        }
        synchronized (queryVectors) {
            queryVectors.put(text, v);
        }
        return v;
    }

    public Aggregates aggregate(EventQuery q) {
        return searchIndex().aggregate(q);
    }

    public Map<String, List<EventIndex.Sighting>> plates(EventQuery q) {
        return searchIndex().plates(q);
    }

    public Map<Integer, int[]> hourly(EventQuery q, long fromMillis, int hours) {
        return searchIndex().hourly(q, fromMillis, hours);
    }

    /** The newest event's time, or null when there are none. */
    public java.time.Instant latest() {
        long t = searchIndex().latestMillis();
        return t < 0 ? null : java.time.Instant.ofEpochMilli(t);
    }

    public long count(EventQuery q) {
        return searchIndex().count(q);
    }

    /** Events in the index. */
    public long indexed() {
        return index().size();
    }

    public long indexBytes() {
        return index().bytesOnDisk();
    }

    public Path indexDir() {
        return indexDir;
    }

    @Override
    public void close() {
        // Not interrupted: an interrupt inside Lucene's file I/O would close the index writer mid-write.
        closed = true;
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeIndex();
    }

    private synchronized void closeIndex() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
