package dev.switchboard.calltaking.engine.scenario;

/**
 * Something that happens on the caller's side at a set time, whatever the trainee does: the intruder is heard on
 * the stairs, the patient stops breathing, the caller hangs up.
 *
 * @param atSecond seconds from the moment the call started ringing (the call log's clock)
 * @param kind     {@code escalate} (caller says {@code text}), {@code calm}, {@code new-fact} (says {@code text}
 *                 and makes {@code fact} askable) or {@code hang-up} (says {@code text}, then the line goes dead)
 * @param text     what the caller says when it happens; may be empty for {@code hang-up}
 * @param emotion  the change to the caller's emotion when it happens, -1..1
 * @param fact     the id of the {@link Reveal#AFTER_EVENT} fact this event unlocks, or several ids separated by
 *                 commas; empty when none
 */
public record ScriptedEvent(int atSecond, String kind, String text, double emotion, String fact) {

    /** The event kinds the caller engines know. */
    public static final java.util.List<String> KINDS = java.util.List.of("escalate", "calm", "new-fact", "hang-up");

    public ScriptedEvent {
        kind = kind == null ? "escalate" : kind;
        text = text == null ? "" : text;
        fact = fact == null ? "" : fact;
    }

    /** The ids in {@link #fact()}, in order; empty when the event unlocks none. */
    public java.util.List<String> facts() {
        return java.util.Arrays.stream(fact.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    }

    /** An event that unlocks no fact. */
    public ScriptedEvent(int atSecond, String kind, String text, double emotion) {
        this(atSecond, kind, text, emotion, "");
    }
}
