package dev.switchboard.calltaking.engine.scenario;

import java.util.Objects;

/**
 * Who is calling.
 *
 * @param gender   {@code female}, {@code male} or free text; chooses nothing but the voice defaults
 * @param language {@code fluent}; {@code limited} (little English, or cannot speak freely: answers yes/no and in
 *                 single words); {@code none} (says nothing: an open line)
 * @param notes    for the instructor and the LLM caller: manner of speech, background
 */
public record Persona(String name, int age, String gender, VoiceSettings voice, String language, String notes) {

    /** The language abilities a persona may have. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("fluent", "limited", "none");

    public Persona {
        name = name == null ? "" : name;
        gender = gender == null ? "" : gender;
        voice = Objects.requireNonNullElse(voice, VoiceSettings.NEUTRAL);
        language = language == null ? "fluent" : language;
        notes = notes == null ? "" : notes;
    }

    /** Whether the caller answers only with yes/no and single words. */
    public boolean limited() {
        return "limited".equals(language);
    }

    /** Whether the caller says nothing at all (an open line). */
    public boolean silent() {
        return "none".equals(language);
    }
}
