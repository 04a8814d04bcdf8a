package dev.switchboard.core.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed, named setting with its default and the rule a value must follow. Values are kept as text
 * so the store needs no schema change when a setting is added.
 *
 * @param key dotted name, e.g. {@code ui.theme}
 * @param defaultValue used when nothing valid is stored
 * @param parse text to value; throws {@link IllegalArgumentException} for text that is not a value
 * @param format value to text
 * @param check throws {@link IllegalArgumentException} with a user-facing reason for a value out of range
 */
public record Setting<T>(String key, T defaultValue, Function<String, T> parse, Function<T, String> format,
                         java.util.function.Consumer<T> check) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(check, "check");
    }

    /** An integer setting limited to {@code min..max}. */
    public static Setting<Integer> ofInt(String key, int defaultValue, int min, int max) {
        return new Setting<>(key, defaultValue, Integer::valueOf, String::valueOf, v -> {
            if (v < min || v > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + v);
            }
        });
    }

    public static Setting<Boolean> ofBoolean(String key, boolean defaultValue) {
        return new Setting<>(key, defaultValue, text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " must be true or false, was '" + text + "'");
            }
            return Boolean.valueOf(text);
        }, String::valueOf, v -> { });
    }

    public static Setting<String> ofString(String key, String defaultValue) {
        return new Setting<>(key, defaultValue, Function.identity(), Function.identity(), v -> { });
    }

    /** An enum setting stored by constant name, case-insensitive when read. */
    public static <E extends Enum<E>> Setting<E> ofEnum(String key, Class<E> type, E defaultValue) {
        return new Setting<>(key, defaultValue, text -> Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)),
                Enum::name, v -> { });
    }
}
