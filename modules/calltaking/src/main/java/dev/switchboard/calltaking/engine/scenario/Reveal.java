package dev.switchboard.calltaking.engine.scenario;

/** When the caller gives away a {@link Fact}. */
public enum Reveal {
    /** In the caller's first words, asked or not. */
    ALWAYS_OPENING,
    /** Only after the trainee asks a question the fact answers. */
    WHEN_ASKED,
    /** Only when asked while the caller's emotion is below the fact's calm threshold. */
    WHEN_CALM,
    /** Only when asked after the scripted event that names the fact has happened. */
    AFTER_EVENT
}
