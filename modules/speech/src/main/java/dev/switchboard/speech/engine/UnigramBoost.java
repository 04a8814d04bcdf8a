package dev.switchboard.speech.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Rewrites {@code grFst} in place.
     *
     * @param domainCounts how often each word occurs in the domain corpus
     * @param beta         scale of the log ratio
     * @param maxBoost     largest cost reduction in nats
     * @return how many distinct words were boosted
     */
    static int apply(Path grFst, Map<String, Integer> domainCounts, double beta, double maxBoost) throws IOException {
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
        if (spare < 0 || spare > 8 || futures > Integer.MAX_VALUE) {
            throw new IOException(grFst + " does not have the n-gram FST layout (" + spare + " bytes left over)");
        }
        int unigrams = unigramCount(b, data + (int) futureBitmap);

        double total = domainCounts.values().stream().mapToLong(Integer::longValue).sum();
        int maxId = words.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        float[] boost = new float[maxId + 1];
        int boosted = 0;
        int wordsAt = data + (int) futureWords;
        int costsAt = data + (int) futureCosts;
        for (int i = 0; i < unigrams; i++) {
            int id = b.getInt(wordsAt + 4 * i);
            Integer count = domainCounts.get(words.get(id));
            if (count != null && total > 0) {
                double general = Math.exp(-b.getFloat(costsAt + 4 * i));
                double ratio = Math.log(count / total / general);
                double nats = Math.min(maxBoost, beta * ratio);
                if (nats > 0 && id >= 0 && id <= maxId) {
                    boost[id] = (float) nats;
                    boosted++;
                }
            }
        }
        for (int i = 0; i < futures; i++) {
            int id = b.getInt(wordsAt + 4 * i);
            if (id >= 0 && id <= maxId && boost[id] > 0) {
                int at = costsAt + 4 * i;
                b.putFloat(at, Math.max(0f, b.getFloat(at) - boost[id]));
            }
        }
        Files.write(grFst, b.array());
        return boosted;
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
