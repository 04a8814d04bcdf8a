package dev.switchboard.speech.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * First-pass adaptation of the bundled recogniser's language model to dispatch speech. The small English model
 * decodes with {@code graph/Gr.fst}, an OpenFst {@code ngram} FST (a general English trigram model). Every word
 * the dispatch corpus uses more often than general English gets its cost lowered in every context by
 * {@code min(maxBoost, beta * ln(P_domain(w) / P_general(w)))} nats: the unigram-ratio scaling of minimum
 * discrimination information adaptation, kept to boosts (no word is made less likely) and left unnormalised,
 * which a Viterbi decoder does not need. Only the array of arc costs changes; the file keeps its size and layout.
 *
 * <p>The layout read here is OpenFst's {@code NGramFst} ({@code extensions/ngram/ngram-fst.h}): the FST header and
 * symbol tables, then three counts, three LOUDS bitmaps, context and future word arrays, back-off, final and
 * future costs. A file that does not add up to that layout is refused with an {@link IOException}.
 */
final class UnigramBoost {

    private static final int FST_MAGIC = 0x7eb2fdd6;
    private static final int SYMBOLS_MAGIC = 0x7eb2fb74;
    private static final int HAS_ISYMBOLS = 1;
    private static final int HAS_OSYMBOLS = 2;

    private UnigramBoost() {
    }

    /** Where the parts of an n-gram FST lie in its bytes. */
    private record Layout(ByteBuffer bytes, Map<Integer, String> words, int unigrams, int wordsAt, int costsAt,
                          long futures) {

        int word(long future) {
            return bytes.getInt(wordsAt + 4 * (int) future);
        }

        float cost(long future) {
            return bytes.getFloat(costsAt + 4 * (int) future);
        }
    }

    /**
     * Rewrites {@code grFst} in place.
     *
     * @param domainCounts how often each word occurs in the domain corpus
     * @param beta         scale of the log ratio
     * @param maxBoost     largest cost reduction in nats
     * @return how many distinct words were boosted
     */
    static int apply(Path grFst, Map<String, Integer> domainCounts, double beta, double maxBoost) throws IOException {
        Layout fst = read(grFst);
        double total = domainCounts.values().stream().mapToLong(Integer::longValue).sum();
        int maxId = fst.words().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        float[] boost = new float[maxId + 1];
        int boosted = 0;
        for (int i = 0; i < fst.unigrams(); i++) {
            int id = fst.word(i);
            Integer count = domainCounts.get(fst.words().get(id));
            if (count != null && total > 0 && id >= 0 && id <= maxId) {
                double general = Math.exp(-fst.cost(i));
                double nats = Math.min(maxBoost, beta * Math.log(count / total / general));
                if (nats > 0) {
                    boost[id] = (float) nats;
                    boosted++;
                }
            }
        }
        ByteBuffer b = fst.bytes();
        for (long i = 0; i < fst.futures(); i++) {
            int id = fst.word(i);
            if (id >= 0 && id <= maxId && boost[id] > 0) {
                int at = fst.costsAt() + 4 * (int) i;
                b.putFloat(at, Math.max(0f, b.getFloat(at) - boost[id]));
            }
        }
        Files.write(grFst, b.array());
        return boosted;
    }

    /** The cost (negative natural log probability) of each of {@code words} with no history; for tests. */
    static Map<String, Float> unigramCosts(Path grFst, Collection<String> words) throws IOException {
        Layout fst = read(grFst);
        Map<String, Float> out = new HashMap<>();
        for (int i = 0; i < fst.unigrams(); i++) {
            String w = fst.words().get(fst.word(i));
            if (words.contains(w)) {
                out.put(w, fst.cost(i));
            }
        }
        return out;
    }

    private static Layout read(Path grFst) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(grFst)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != FST_MAGIC) {
            throw new IOException(grFst + " is not an OpenFst file");
        }
        String type = string(b);
        string(b);
        b.getInt();
        int flags = b.getInt();
        b.getLong();
        b.getLong();
        b.getLong();
        b.getLong();
        if (!"ngram".equals(type)) {
            throw new IOException(grFst + " is a '" + type + "' FST, not an n-gram FST");
        }
        Map<Integer, String> words = new HashMap<>();
        if ((flags & HAS_ISYMBOLS) != 0) {
            symbols(b, words);
        }
        if ((flags & HAS_OSYMBOLS) != 0) {
            symbols(b, new HashMap<>());
        }
        if (words.isEmpty()) {
            throw new IOException(grFst + " carries no word list");
        }
        int data = b.position();
        long states = b.getLong();
        long futures = b.getLong();
        long finals = b.getLong();
        long off = 24 + bitmapBytes(2 * states + 1);
        long futureBitmap = off;
        off += bitmapBytes(futures + states + 1) + bitmapBytes(states);
        off += (states + 1) * 4;
        long futureWords = off;
        off += futures * 4;
        off = (off + 3) & ~3L;
        off += (states + 1) * 4 + finals * 4;
        long futureCosts = off;
        off += futures * 4;
        long spare = b.capacity() - (data + off);
        if (spare < 0 || spare > 8 || futures > Integer.MAX_VALUE / 4) {
            throw new IOException(grFst + " does not have the n-gram FST layout (" + spare + " bytes left over)");
        }
        return new Layout(b, words, unigramCount(b, data + (int) futureBitmap), data + (int) futureWords,
                data + (int) futureCosts, futures);
    }

    /** The root (empty history) state's futures are the ones before the second zero of the future bitmap. */
    private static int unigramCount(ByteBuffer b, int bitmapAt) throws IOException {
        if ((b.get(bitmapAt) & 1) != 0) {
            throw new IOException("the n-gram FST's future bitmap does not start with a state boundary");
        }
        for (int bit = 1; bit < Integer.MAX_VALUE; bit++) {
            if ((b.get(bitmapAt + (bit >> 3)) >> (bit & 7) & 1) == 0) {
                return bit - 1;
            }
        }
        throw new IOException("the n-gram FST's future bitmap has no second state");
    }

    private static long bitmapBytes(long bits) {
        return (bits + 63) / 64 * 8;
    }

    private static void symbols(ByteBuffer b, Map<Integer, String> into) throws IOException {
        if (b.getInt() != SYMBOLS_MAGIC) {
            throw new IOException("bad symbol table in the n-gram FST");
        }
        string(b);
        b.getLong();
        long n = b.getLong();
        for (long i = 0; i < n; i++) {
            String symbol = string(b);
            into.put((int) b.getLong(), symbol);
        }
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
