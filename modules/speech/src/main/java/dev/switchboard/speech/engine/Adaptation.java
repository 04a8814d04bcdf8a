package dev.switchboard.speech.engine;

import java.util.Locale;

/**
 * How the recogniser is fitted to dispatch speech: a first-pass boost of dispatch words in the model's own
 * language model ({@link UnigramBoost}), a wider lattice (with fewer active states, to pay for it) so the n-best
 * list holds more alternatives, and a second pass that rescores that list with the dispatch language model
 * ({@link NBestRescorer}). The weights were chosen on {@link DispatchCorpus#TUNING} and {@code DispatchPhrases},
 * never on the held-out set; {@code SpeechTuningRun} (test scope) is the loop that chooses them.
 *
 * @param name         short name, part of the extracted model's folder name
 * @param boostBeta    scale of the log ratio of domain to general word probability; 0 for no first-pass boost
 * @param maxBoost     largest first-pass cost reduction of a word, in nats
 * @param latticeBeam  the decoder's lattice beam; the model's own is 2.0
 * @param beam         the decoder's search beam; 0 keeps the model's own (10.0)
 * @param maxActive    most states the decoder keeps per frame; 0 keeps the model's own (3000)
 * @param alternatives n-best list length; 0 for no second pass (the recogniser's own best with its confidences)
 * @param lmWeight     weight of the dispatch model in the second pass
 * @param wordBonus    per-word bonus in the second pass
 */
public record Adaptation(String name, double boostBeta, double maxBoost, double latticeBeam, double beam,
                         int maxActive, int alternatives, double lmWeight, double wordBonus) {

    /** The model as Vosk ships it: the baseline the adaptation is measured against. */
    public static final Adaptation NONE = new Adaptation("plain", 0, 0, 2.0, 0, 0, 0, 0, 0);

    /**
     * What the call console, {@code speech transcribe} and the bench use: lattice beam 6 and 30 alternatives with the
     * model's own search beam and active states. A cheaper setting (lattice beam 5, at most 1,500 active states, 20
     * alternatives) was tried: on the quiet machine it took no less CPU on the tuning sentences (MaryTTS CPU
     * real-time factor 0.315 against 0.293) and cost espeak-ng 0.5 points of WER, so it was not kept.
     */
    public static final Adaptation DISPATCH = new Adaptation("dispatch", 2.0, 5.0, 6.0, 0, 0, 30, 0.3, 0.0);

    /** Whether the second pass runs. */
    public boolean rescores() {
        return alternatives > 0;
    }

    /** Whether the model's language model is changed on extraction. */
    public boolean boosts() {
        return boostBeta > 0 && maxBoost > 0;
    }

    /** Everything that changes the extracted model, for its completion marker. */
    String modelSignature() {
        return String.format(Locale.ROOT, "lattice-beam=%.2f beam=%.2f max-active=%d boost=%.3f/%.3f", latticeBeam,
                beam, maxActive, boostBeta, maxBoost);
    }

    /** Short description for figures. */
    public String describe() {
        if (this.equals(NONE)) {
            return "plain model";
        }
        return String.format(Locale.ROOT, "dispatch-adapted (boost %.1f, max %.1f nats; lattice beam %.1f, "
                + "max-active %d; %d-best rescored, weight %.1f, word bonus %.1f)", boostBeta, maxBoost, latticeBeam,
                maxActive, alternatives, lmWeight, wordBonus);
    }
}
