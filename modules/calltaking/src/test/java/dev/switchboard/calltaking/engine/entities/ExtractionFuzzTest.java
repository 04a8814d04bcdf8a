package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No input may crash extraction: random characters, word soup from the extractor's own vocabulary, every prefix
 * and suffix of the labelled utterances, and very long inputs. Each result must be well formed (span equals the
 * input at start..end, ordered) and, for a sample of the inputs, the same when asked twice. Seeded, so a failure
 * repeats; the failing input is printed.
 */
class ExtractionFuzzTest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789        .,;:?!'’`-–—/()+#@\"\n\t"
            + "丁目番地号区渋谷新宿あいう品川ー、。é\u0000\u00a0\u200b\ud83d\ude00\ud800";
    private static final String[] WORDS = {"um", "uh", "huh", "erm", "nearly", "almost", "Fire", "Lake", "Road",
        "hall", "case", "1998", "back", "march", "when", "little", "last", "earlier", "scanner", "video", "games",
        "sleeper", "heavy", "just", "only", "one's", "hes", "Shooters", "bar", "unconscious", "nothing's", "told",
        "he", "she", "is", "not", "no", "breathing", "bleeding", "knife", "gun",
        "shot", "dead", "four", "are", "one", "down", "fire", "smoke", "smoking", "water", "rising", "gas", "mask",
        "black", "white", "male", "about", "like", "fifty", "six", "foot", "two", "inches", "tall", "wearing",
        "hoodie", "jeans", "heading", "north", "toward", "the", "red", "honda", "civic", "plate", "abc", "1234",
        "7", "x", "r", "b", "chome", "ban", "go", "2-21-1", "shibuya", "ku", "ebisu", "station", "and", "meiji",
        "dori", "corner", "of", "090", "1234", "5678", "zero", "nine", "oh", "double", "plus", "81", "?", ".", ",",
        "yes", "yeah", "nope", "i", "dont", "know", "if", "maybe", "think", "any", "weapons", "a", "man", "guy",
        "in", "his", "thirties", "years", "old", "180", "cm", "feet", "big", "it", "was", "shinagawa", "300",
        "品川", "あ", "12-34", "丁目", "番", "号", "2", "21", "99999999999999999999", "-", "fists", "car", "van",
        "filling", "up", "with", "completely", "people", "injured", "we've", "got", "5'10", "6'2\"", "f-150",
        "know", "knows", "wheeze", "scream", "laye", "ones", "as", "Larry", "for", "Paul", "L", "P", "passed", "creek",
        "river", "over", "bank", "came", "spoke", "current", "stop", "won't", "think", "lips", "kinda", "couple",
        "both", "whole", "bunch", "what", "does", "look", "hood", "choking", "me", "raccoon", "busted", "lip",
        "gasps", "everybody's", "touch", "wires", "ankles", "em", "them", "sounds", "weird", "real", "heavy", "us",
        "bottled", "deep", "fell", "before", "near", "nobody", "goes", "paramedic", "I'm", "eighty", "eight",
        "boulevard", "theres", "pedestrian", "normally", "turned", "off", "banks", "jumped", "bruises", "hundreds",
        "tattoo", "shop", "pajamas", "my", "wife's", "hit", "took", "purse", "third", "youngest", "head", "you're",
        "bathroom", "dog", "ran", "gown", "flannel", "patient", "collapsed", "talking", "awake", "for", "New",
        "Jersey", "suspect's", "guy's"};

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    @Test
    void theIssuesCrashIsGone() {
        String text = "the flames are about 150 feet in the air. it is big.";
        List<ExtractedEntity> es = check(text, null);
        assertThat(es).extracting(ExtractedEntity::type).contains(EntityType.HAZARD);
        check("it is big", null);
        check("he is tall", null);
        check("2丁目99999999999999番", null);
    }

    @Test
    void randomCharacters() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n = 0; n < 2000; n++) {
            int len = rnd.nextInt(1, 120);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            check(sb.toString(), n % 3 == 0 ? "is he breathing?" : null);
        }
    }

    @Test
    void wordSoupFromTheExtractorsVocabulary() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n = 0; n < 2500; n++) {
            int len = rnd.nextInt(1, 25);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                if (k > 0) {
                    sb.append(rnd.nextInt(8) == 0 ? ", " : rnd.nextInt(12) == 0 ? "-" : " ");
                }
                sb.append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            String previous = rnd.nextBoolean() ? null : WORDS[rnd.nextInt(WORDS.length)] + " "
                    + WORDS[rnd.nextInt(WORDS.length)] + "?";
            check(sb.toString(), previous);
        }
    }

    @Test
    void everyPrefixAndSuffixOfTheLabelledUtterances() {
        List<LabelledUtterance> all = new ArrayList<>(LabelledUtterance.bundled());
        List<LabelledUtterance> noisy = SpeechNoise.apply(LabelledUtterance.bundled());
        for (int k = 0; k < noisy.size(); k += 3) {
            all.add(noisy.get(k));
        }
        for (LabelledUtterance u : all) {
            String s = u.text();
            for (int k = 0; k <= s.length(); k++) {
                check(s.substring(0, k), u.context());
                check(s.substring(k), null);
            }
        }
    }

    @Test
    void longInputsWithoutPunctuationFinish() {
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(3);
        while (sb.length() < 100_000) {
            sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
        }
        List<ExtractedEntity> es = check(sb.toString(), null);
        assertThat(es).isNotEmpty();
        check("a".repeat(100_000), null);
        check("1".repeat(100_000), null);
        check("1-".repeat(50_000), null);
        check("丁目".repeat(50_000), null);
        check("? ".repeat(50_000), null);
    }

    @Test
    void timeGrowsLinearlyWithTheLength() {
        List<LabelledUtterance> noisy = SpeechNoise.apply(LabelledUtterance.bundled());
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(4);
        while (sb.length() < 200_000) {
            sb.append(noisy.get(rnd.nextInt(noisy.size())).text()).append(' ');
        }
        String small = sb.substring(0, 25_000);
        String large = sb.substring(0, 200_000);
        for (int warm = 0; warm < 3; warm++) {
            extractor.find(small, null);
        }
        long best = Long.MAX_VALUE;
        long bestLarge = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            extractor.find(small, null);
            long t1 = System.nanoTime();
            extractor.find(large, null);
            long t2 = System.nanoTime();
            best = Math.min(best, t1 - t0);
            bestLarge = Math.min(bestLarge, t2 - t1);
        }
        // eight times the text: linear is about 8x; quadratic would be 64x. Generous for a loaded machine.
        assertThat(bestLarge).as("200k chars %d ms vs 25k chars %d ms", bestLarge / 1_000_000, best / 1_000_000)
                .isLessThan(24 * best + 200_000_000L);
    }

    private List<ExtractedEntity> check(String text, String previous) {
        List<ExtractedEntity> es;
        try {
            es = extractor.find(text, previous);
        } catch (RuntimeException e) {
            throw new AssertionError("extraction failed on " + quote(text) + " after " + quote(previous), e);
        }
        int lastStart = -1;
        for (ExtractedEntity e : es) {
            assertThat(e.end()).as("end within %s", quote(text)).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(e.start(), e.end())).as("span in %s", quote(text)).isEqualTo(e.text());
            assertThat(e.start()).as("order in %s", quote(text)).isGreaterThanOrEqualTo(lastStart);
            assertThat(e.value()).as("value in %s", quote(text)).isNotNull();
            lastStart = e.start();
        }
        if (text.hashCode() % 8 == 0) {
            assertThat(extractor.find(text, previous)).as("same twice: %s", quote(text)).isEqualTo(es);
        }
        return es;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
