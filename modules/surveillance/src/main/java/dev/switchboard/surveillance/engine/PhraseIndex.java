package dev.switchboard.surveillance.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The distinct descriptions' embeddings in an HNSW graph of their own: a small Lucene index (a few thousand
 * documents however many events) beside the events' index, merged into one segment once the vectors are in, so a
 * nearest-description search is one graph walk rather than one per segment of a million-event index. Thread-safe.
 */
final class PhraseIndex implements AutoCloseable {

    static final String PHRASE = "phrase";
    private static final String VECTOR = "vec";

    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Set<Integer> indexed = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();

    private PhraseIndex(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                SortedNumericDocValues ids = leaf.reader().getSortedNumericDocValues(PHRASE);
                if (ids != null) {
                    while (ids.nextDoc() != SortedNumericDocValues.NO_MORE_DOCS) {
                        indexed.add((int) ids.nextValue());
                    }
                }
            }
        } finally {
            searchers.release(s);
        }
    }

    static PhraseIndex open(Path dir) throws IOException {
        return new PhraseIndex(dir);
    }

    boolean has(int phraseId) {
        return indexed.contains(phraseId);
    }

    /** Changes whenever descriptions become searchable, so results kept for a question can be checked. */
    long version() {
        return version.get();
    }

    int size() {
        return indexed.size();
    }

    /** Adds the vectors of descriptions not in the index yet; searchable after {@link #refresh()}. */
    void add(Map<Integer, float[]> vectors) {
        try {
            for (Map.Entry<Integer, float[]> e : vectors.entrySet()) {
                if (indexed.add(e.getKey())) {
                    Document d = new Document();
                    d.add(new IntField(PHRASE, e.getKey(), Field.Store.NO));
                    d.add(new KnnFloatVectorField(VECTOR, e.getValue(), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(d);
                    added.set(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add description vectors to the index in " + dir, e);
        }
    }

    void refresh() {
        try {
            if (added.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
                version.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the description index in " + dir, e);
        }
    }

    /** Commits, first merging into one segment (one graph) when the vectors came in several batches. */
    void commit() {
        try {
            IndexSearcher s = searchers.acquire();
            int segments;
            try {
                segments = s.getIndexReader().leaves().size();
            } finally {
                searchers.release(s);
            }
            if (segments > 1) {
                writer.forceMerge(1);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            version.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the description index in " + dir, e);
        }
    }

    /** The nearest descriptions to a vector, best first, with their similarity (0..1). */
    record Nearest(int[] ids, float[] similarities) {
        static final Nearest NONE = new Nearest(new int[0], new float[0]);
    }

    /** The {@code k} descriptions nearest {@code vector}, only among {@code among} when it is not null. */
    Nearest nearest(float[] vector, int k, Collection<Integer> among) {
        if (among != null && among.isEmpty()) {
            return Nearest.NONE;
        }
        IndexSearcher s = acquire();
        try {
            Query filter = among == null ? new MatchAllDocsQuery()
                    : IntField.newSetQuery(PHRASE, among.stream().mapToInt(Integer::intValue).toArray());
            TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k);
            int[] ids = new int[top.scoreDocs.length];
            float[] sims = new float[top.scoreDocs.length];
            int n = 0;
            var leaves = s.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
                SortedNumericDocValues dv = leaf.reader().getSortedNumericDocValues(PHRASE);
                if (dv == null || !dv.advanceExact(sd.doc - leaf.docBase)) {
                    continue;
                }
                ids[n] = (int) dv.nextValue();
                sims[n] = sd.score;
                n++;
            }
            return new Nearest(java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(sims, n));
        } catch (IOException e) {
            throw new UncheckedIOException("Description search failed in " + dir, e);
        } finally {
            release(s);
        }
    }

    long bytesOnDisk() {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total;
        } catch (IOException e) {
            return 0;
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
            writer.commit();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PhraseIndex.class).warn("Closing the description index failed", e);
        }
    }
}
