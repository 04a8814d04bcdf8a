package dev.switchboard.calltaking.engine.entities;

import java.util.Arrays;

/**
 * An utterance cut into word and number tokens, each with its span in the original text. Words are lower-cased
 * with apostrophes dropped ({@code He's} becomes {@code hes}, as speech recognisers write it); letters and digits
 * are split ({@code 180cm} is {@code 180}, {@code cm}); runs of Japanese characters are one token each.
 */
final class Tokens {

    final String text;
    final String lower;
    final String[] word;
    final int[] start;
    final int[] end;
    final int size;
    /** Index of the clause each token belongs to (clauses end at . , ; ? ! and at "but", "and", "so"). */
    final int[] clause;

    private Tokens(String text, String lower, String[] word, int[] start, int[] end, int size, int[] clause) {
        this.text = text;
        this.lower = lower;
        this.word = word;
        this.start = start;
        this.end = end;
        this.size = size;
        this.clause = clause;
    }

    static Tokens of(String text) {
        char[] low = new char[text.length()];
        for (int i = 0; i < low.length; i++) {
            low[i] = Character.toLowerCase(text.charAt(i));
        }
        String lower = new String(low);
        int cap = 16;
        String[] words = new String[cap];
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int[] clauses = new int[cap];
        int n = 0;
        int clause = 0;
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (i < low.length) {
            char c = low[i];
            int cls = charClass(c);
            if (cls == 0) {
                if (c == '.' || c == ',' || c == ';' || c == '?' || c == '!' || c == '\n' || c == '、' || c == '。') {
                    clause++;
                }
                i++;
                continue;
            }
            int s = i;
            sb.setLength(0);
            while (i < low.length) {
                char d = low[i];
                int dc = charClass(d);
                if (dc == cls) {
                    sb.append(d);
                    i++;
                    if (cls == 3) {
                        // one token per Japanese character: there are no spaces between words to cut at
                        break;
                    }
                } else if (cls == 1 && isApostrophe(d) && i + 1 < low.length && charClass(low[i + 1]) == 1) {
                    i++;
                } else {
                    break;
                }
            }
            String w = sb.toString();
            if (cls == 1 && (w.equals("but") || w.equals("and") || w.equals("so") || w.equals("because"))) {
                clause++;
            }
            if (n == cap) {
                cap *= 2;
                words = Arrays.copyOf(words, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                clauses = Arrays.copyOf(clauses, cap);
            }
            words[n] = w;
            starts[n] = s;
            ends[n] = i;
            clauses[n] = clause;
            n++;
            if (cls == 1 && (w.equals("but") || w.equals("and") || w.equals("so") || w.equals("because"))) {
                clause++;
            }
        }
        return new Tokens(text, lower, words, starts, ends, n, clauses);
    }

    /** The same tokens with other words (same spans and clauses): {@code words[i]} replaces {@code word[i]}. */
    Tokens withWords(String[] words) {
        return new Tokens(text, lower, words, start, end, size, clause);
    }

    /**
     * The same text with token {@code i} and the next one read as one word {@code joined} (its span covering both),
     * for each {@code i} where {@code join[i]} is set; {@code words} replaces the other words as in
     * {@link #withWords(String[])}. Linear in the number of tokens.
     */
    Tokens joined(String[] words, String[] join) {
        String[] w = new String[size];
        int[] s = new int[size];
        int[] e = new int[size];
        int[] c = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            s[n] = start[i];
            c[n] = clause[i];
            if (join[i] != null && i + 1 < size) {
                w[n] = join[i];
                e[n] = end[i + 1];
                i++;
            } else {
                w[n] = words[i];
                e[n] = end[i];
            }
            n++;
        }
        return new Tokens(text, lower, w, s, e, n, c);
    }

    /**
     * The same tokens without a speaker's fillers ("um", "uh", "erm") that stand inside a phrase, as recognisers
     * write them: "a um black male", "five or six um guys", "a gas uh fitter". "Uh huh" is an answer and stays.
     * Linear in the number of tokens.
     */
    Tokens withoutFillers() {
        int drop = 0;
        for (int i = 0; i < size; i++) {
            drop += filler(i) ? 1 : 0;
        }
        if (drop == 0) {
            return this;
        }
        int n = size - drop;
        String[] w = new String[n];
        int[] s = new int[n];
        int[] e = new int[n];
        int[] c = new int[n];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (!filler(i)) {
                w[k] = word[i];
                s[k] = start[i];
                e[k] = end[i];
                c[k] = clause[i];
                k++;
            }
        }
        return new Tokens(text, lower, w, s, e, n, c);
    }

    private boolean filler(int i) {
        String w = word[i];
        return (w.equals("um") || w.equals("uh") || w.equals("erm") || w.equals("uhm"))
                && !is(i + 1, "huh") && !is(i + 1, "uh") && !is(i - 1, "uh") && size > 1;
    }

    /** 1 letter, 2 digit, 3 Japanese, 0 anything else (space, punctuation). */
    private static int charClass(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        if (c >= '0' && c <= '9') {
            return 2;
        }
        if (c >= 0x3040 && c <= 0x30FF || c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF) {
            return 3;
        }
        if (Character.isLetter(c)) {
            return 1;
        }
        return 0;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '`';
    }

    boolean isNumber(int i) {
        return i >= 0 && i < size && Character.isDigit(word[i].charAt(0));
    }

    String at(int i) {
        return i >= 0 && i < size ? word[i] : "";
    }

    boolean is(int i, String w) {
        return i >= 0 && i < size && word[i].equals(w);
    }

    boolean isAny(int i, java.util.Set<String> ws) {
        return i >= 0 && i < size && ws.contains(word[i]);
    }

    /** The first token that ends after character {@code offset} (binary search); {@code size} if none. */
    int firstEndingAfter(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The original text from token {@code from} to token {@code to} (exclusive). */
    String span(int from, int to) {
        return text.substring(start[from], end[to - 1]);
    }

    /** Characters strictly between two adjacent tokens. */
    String gap(int left, int right) {
        return text.substring(end[left], start[right]);
    }

    /** Characters between token {@code i - 1} and token {@code i}; empty for the first token or past the end. */
    String gapBefore(int i) {
        return i <= 0 || i >= size ? "" : text.substring(end[i - 1], start[i]);
    }

    /** Tokens {@code from..to} (exclusive) joined with single spaces. */
    String join(int from, int to, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(sep);
            }
            sb.append(word[i]);
        }
        return sb.toString();
    }
}
