package dev.switchboard.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps a module's {@code messages.properties} and its code in step: every key the code names exists,
 * every key in the file is used, and no text with arguments has a lone apostrophe (a {@link java.text.MessageFormat}
 * pattern drops it and shows everything up to the next one as written, placeholders included: "scenario's time
 * targets ... {0}" showed as "scenarios time targets ... {0}").
 *
 * <p>A key counts as used when it appears as a whole Java string literal ({@code "shell.login.title"})
 * or as a {@code %shell.login.title} resource reference in FXML. Keys built at run time by
 * concatenation are not seen; name each key in full so that tools and readers can find it.
 */
public final class MessageBundleCheck {

    /** A placeholder of a {@link java.text.MessageFormat} pattern: {@code {0}}, {@code {1,number}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    /** What a message key looks like: lower-case start, at least one dot. */
    public static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");

    private static final Pattern FXML_REFERENCE =
            Pattern.compile("(?<=[\"'>\\s])%([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)");

    private MessageBundleCheck() {
    }

    /**
     * Checks {@code propertiesFile} against the .java and .fxml files under {@code sourceRoot}.
     *
     * @param keyPrefix the module's key prefix without the dot, e.g. {@code uikit}; a literal or
     *                  reference starting with it that is not in the file is reported missing
     * @throws AssertionError listing missing keys with the files that name them and unused keys
     */
    public static void assertKeysMatch(Path sourceRoot, Path propertiesFile, String keyPrefix) {
        Properties texts = read(propertiesFile);
        Set<String> defined = new TreeSet<>(texts.stringPropertyNames());
        Map<String, Set<String>> referenced = referencedKeys(sourceRoot);
        Set<String> loneQuotes = new TreeSet<>();
        for (String key : defined) {
            String text = texts.getProperty(key);
            if (PLACEHOLDER.matcher(text).find() && text.replace("''", "").indexOf('\'') >= 0) {
                loneQuotes.add(key);
            }
        }

        Map<String, Set<String>> missing = new TreeMap<>();
        String prefix = keyPrefix + ".";
        referenced.forEach((key, files) -> {
            if (key.startsWith(prefix) && !defined.contains(key)) {
                missing.put(key, files);
            }
        });
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(referenced.keySet());

        if (missing.isEmpty() && unused.isEmpty() && loneQuotes.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("Message keys of " + propertiesFile + " and the code under "
                + sourceRoot + " do not match.");
        if (!missing.isEmpty()) {
            report.append("\nMissing from ").append(propertiesFile.getFileName()).append(':');
            missing.forEach((key, files) -> report.append("\n  ").append(key).append("  (used in ")
                    .append(String.join(", ", files)).append(')'));
        }
        if (!unused.isEmpty()) {
            report.append("\nUnused in ").append(propertiesFile.getFileName()).append(':');
            unused.forEach(key -> report.append("\n  ").append(key));
        }
        if (!loneQuotes.isEmpty()) {
            report.append("\nTexts with arguments whose apostrophe would vanish (write it twice: '') in ")
                    .append(propertiesFile.getFileName()).append(':');
            loneQuotes.forEach(key -> report.append("\n  ").append(key));
        }
        throw new AssertionError(report.toString());
    }

    private static Properties read(Path propertiesFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + propertiesFile, e);
        }
        return properties;
    }

    /** Every key-shaped literal or reference under {@code sourceRoot}, with the files (relative) naming it. */
    private static Map<String, Set<String>> referencedKeys(Path sourceRoot) {
        Map<String, Set<String>> keys = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sourceRoot, e);
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            String name = sourceRoot.relativize(file).toString();
            List<String> found = file.toString().endsWith(".java") ? javaStringLiterals(text) : fxmlReferences(text);
            for (String candidate : found) {
                if (KEY.matcher(candidate).matches()) {
                    keys.computeIfAbsent(candidate, k -> new TreeSet<>()).add(name);
                }
            }
        }
        return keys;
    }

    private static List<String> fxmlReferences(String text) {
        List<String> references = new ArrayList<>();
        Matcher matcher = FXML_REFERENCE.matcher(text);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }

    /**
     * The contents of the ordinary string literals in Java source, skipping comments, character
     * literals and text blocks so that a quote inside them does not throw the scan off.
     */
    static List<String> javaStringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'', null);
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i = skipQuoted(source, i, '"', literal);
                literals.add(literal.toString());
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Skips the literal opening at {@code start}; collects its raw contents into {@code into} if given. */
    private static int skipQuoted(String source, int start, char quote, StringBuilder into) {
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                if (into != null) {
                    into.append(c).append(source.charAt(i + 1));
                }
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                if (into != null) {
                    into.append(c);
                }
                i++;
            }
        }
        return i;
    }
}
