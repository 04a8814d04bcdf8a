package dev.switchboard.studio.engine.factory;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The factory's JMustache templates, from the classpath, compiled once, rendered without HTML escaping. */
final class Templates {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("");
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** Renders {@code name} (a path below this package's resource folder) with {@code context}. */
    static String render(String name, Object context) {
        return CACHE.computeIfAbsent(name, Templates::compile).execute(context);
    }

    private static Template compile(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The factory template " + name + " is missing");
            }
            return COMPILER.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
