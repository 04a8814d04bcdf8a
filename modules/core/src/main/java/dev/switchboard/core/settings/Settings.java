package dev.switchboard.core.settings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to the workstation's settings. Reads are served from memory; writes are checked,
 * stored at once and announced to listeners on the writing thread. A stored value that no longer
 * parses is logged with its key and the default is used instead. Thread-safe.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final SettingsStore store;
    private final Map<String, String> values;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public Settings(SettingsStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.values = new ConcurrentHashMap<>(store.loadAll());
    }

    /** The stored value of {@code setting}, or its default when none is stored or it is invalid. */
    public <T> T get(Setting<T> setting) {
        String text = values.get(setting.key());
        if (text == null) {
            return setting.defaultValue();
        }
        try {
            T value = setting.parse().apply(text);
            setting.check().accept(value);
            return value;
        } catch (IllegalArgumentException e) {
            LOG.warn("Setting {} has an invalid stored value '{}' ({}); using the default {}",
                    setting.key(), text, e.getMessage(), setting.defaultValue());
            return setting.defaultValue();
        }
    }

    /**
     * Checks and stores {@code value}.
     *
     * @throws IllegalArgumentException with a message naming the setting when the value is out of range
     */
    public <T> void set(Setting<T> setting, T value) {
        Objects.requireNonNull(value, setting.key());
        setting.check().accept(value);
        String text = setting.format().apply(value);
        store.save(setting.key(), text);
        values.put(setting.key(), text);
        for (Consumer<String> listener : listeners) {
            listener.accept(setting.key());
        }
    }

    /** Calls {@code listener} with the key of each setting changed after this call. */
    public void addListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }
}
