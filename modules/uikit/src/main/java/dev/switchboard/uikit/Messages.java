package dev.switchboard.uikit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-facing text of one module, from its {@code messages.properties}. A text without arguments is
 * returned as written (as FXML's {@code %key} shows it); a text with arguments is a {@link MessageFormat}
 * pattern, so write {@code ''} for an apostrophe there. Thread-safe.
 */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final ResourceBundle bundle;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * Loads the bundle {@code baseName} for the default locale, e.g. {@code dev.switchboard.uikit.messages}.
     *
     * @throws MissingResourceException when no such bundle is on the classpath
     */
    public static Messages load(String baseName) {
        return load(baseName, Locale.getDefault());
    }

    public static Messages load(String baseName, Locale locale) {
        return new Messages(ResourceBundle.getBundle(baseName, locale));
    }

    /** The text for {@code key} with {@code args} filled in; {@code !key!} (logged once) when it is missing. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            if (reportedMissing.add(key)) {
                LOG.warn("Message key '{}' is missing from bundle {}", key, bundle.getBaseBundleName());
            }
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /** The underlying bundle, to pass as the resources of an {@link javafx.fxml.FXMLLoader}. */
    public ResourceBundle bundle() {
        return bundle;
    }
}
