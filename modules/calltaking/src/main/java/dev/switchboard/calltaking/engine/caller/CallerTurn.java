package dev.switchboard.calltaking.engine.caller;

import java.util.List;

/**
 * What the caller says in one turn.
 *
 * @param text          the words to speak. Text in square brackets describes a sound and is not to be spoken,
 *                      e.g. {@code [a television, someone breathing close to the phone]}; an empty text means
 *                      the caller says nothing
 * @param emotion       the caller's emotion after this turn, 0 calm .. 1 panic
 * @param revealedFacts ids of the facts this turn gave away for the first time
 * @param hungUp        the caller hung up after saying {@code text}
 * @param mode          {@code offline} (rules) or {@code llm} (a chat model wrote the text)
 */
public record CallerTurn(String text, double emotion, List<String> revealedFacts, boolean hungUp, String mode) {

    public CallerTurn {
        text = text == null ? "" : text;
        revealedFacts = revealedFacts == null ? List.of() : List.copyOf(revealedFacts);
        mode = mode == null ? "offline" : mode;
    }

    /** The text without sound descriptions in brackets: what a TTS voice should say; may be empty. */
    public String spokenText() {
        return text.replaceAll("\\[[^\\]]*\\]", " ").replaceAll("\\s+", " ").strip();
    }
}
