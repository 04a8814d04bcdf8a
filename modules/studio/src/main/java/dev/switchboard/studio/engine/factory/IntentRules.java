package dev.switchboard.studio.engine.factory;

import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.IntentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an intent with keyword rules, offline and deterministic: the intent type and application type from their
 * usual words, technologies, features and constraints from tables of phrasings, and the things the application
 * keeps from the nouns after "manage", "track", "for" and the like. Every value keeps the words it came from.
 */
public final class IntentRules {

    /** The longest intent accepted; a paragraph or two says what to build. */
    public static final int MAX_CHARS = 20_000;

    private static final Map<IntentType, Pattern> TYPES = new LinkedHashMap<>();
    private static final Map<AppType, Pattern> APPS = new LinkedHashMap<>();
    private static final Map<String, Pattern> TECHNOLOGIES = new LinkedHashMap<>();
    private static final Map<String, Pattern> FEATURES = new LinkedHashMap<>();
    private static final Map<String, Pattern> CONSTRAINTS = new LinkedHashMap<>();
    private static final Pattern ENTITY_LIST = Pattern.compile("\\b(?:manage|manages|managing|track|tracks|tracking"
            + "|store|stores|storing|record|records|recording|list|lists|schedule|schedules|book|books|handle|handles"
            + "|organise|organize|catalogue|catalog|register|registers|log|logs|monitor|monitors|assign|assigns"
            + "|for|of)\\s+((?:(?:the|their|our|all|new|its|his|her)\\s+)?[a-z][a-z-]*(?:\\s*(?:,|and|&|or)\\s*"
            + "(?:the\\s+)?[a-z][a-z-]*){0,4})");
    private static final Set<String> NOT_ENTITIES = Set.of("a", "an", "the", "and", "or", "it", "them", "users",
            "user", "people", "everyone", "data", "information", "app", "application", "api", "apis", "service",
            "services", "system", "tool", "web", "mobile", "desktop", "cli", "microservice", "microservices",
            "java", "python", "react", "docker", "kubernetes", "postgres", "postgresql", "mysql", "sqlite", "redis",
            "kafka", "rest", "graphql", "search", "authentication", "login", "reports", "reporting", "notifications",
            "alerts", "export", "uploads", "payments", "dashboard", "maps", "analytics", "real-time", "each", "every",
            "example", "instance", "testing", "tests", "documentation", "feature", "features", "component", "me",
            "us", "you", "small", "large", "simple", "basic", "team", "teams", "thousands", "hundreds", "millions",
            "offline", "less", "more", "than", "under", "over", "in", "on", "at", "to", "by", "from", "via", "with",
            "for", "of", "into", "that", "which", "where", "when", "who", "per", "some", "any", "many", "much",
            "stored", "using", "based", "built", "written", "email", "emails", "sms", "push");

    /** Java's keywords and literals: a generated type named so would not compile as a variable. */
    private static final Set<String> JAVA_WORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "sealed", "permits", "true", "false", "null");
    /** Names the generated project uses itself, or that java.lang and java.util hold. */
    private static final Set<String> TAKEN = Set.of("Json", "Application", "Api", "ApiServer", "Handler", "Service",
            "Repository", "Test", "Override", "List", "Map", "Optional", "Objects", "Pattern", "Matcher", "String",
            "Object", "Integer", "Long", "System", "Thread", "Exception", "Error", "Record", "Math", "Character",
            "NotFoundException", "Iterable", "Runtime", "Process", "Class", "Enum", "Void", "Boolean");

    static {
        TYPES.put(IntentType.GENERATE_TESTS, Pattern.compile("\\b(?:write|generate|add|create)\\s+(?:unit\\s+|"
                + "integration\\s+)?tests?\\b|\\btest suite\\b"));
        TYPES.put(IntentType.GENERATE_DOCUMENTATION, Pattern.compile("\\b(?:document|documentation|write (?:a|the) "
                + "readme|api docs)\\b"));
        TYPES.put(IntentType.REFACTOR, Pattern.compile("\\b(?:refactor|restructure|split up|migrate)\\b"));
        TYPES.put(IntentType.GENERATE_COMPONENT, Pattern.compile("\\b(?:generate|create|build|make|write)\\s+(?:a|an|"
                + "the)?\\s*(?:\\w+\\s+)?(?:component|module|widget|class|library)\\b"));
        TYPES.put(IntentType.ADD_FEATURE, Pattern.compile("\\b(?:add|extend|implement|support)\\b(?!.*\\b(?:new|"
                + "create|build)\\b)"));
        TYPES.put(IntentType.CREATE_APPLICATION, Pattern.compile("\\b(?:create|build|make|develop|write|design|"
                + "set up|start|need|want|generate)\\b"));
        APPS.put(AppType.MICROSERVICE, Pattern.compile("\\bmicro-?services?\\b"));
        APPS.put(AppType.MOBILE, Pattern.compile("\\b(?:mobile|android|ios|iphone|phone app|smartphone)\\b"));
        APPS.put(AppType.DESKTOP, Pattern.compile("\\b(?:desktop|javafx|swing|electron|windows app)\\b"));
        APPS.put(AppType.CLI, Pattern.compile("\\b(?:cli|command[- ]line|terminal|shell tool|console tool)\\b"));
        APPS.put(AppType.API, Pattern.compile("\\b(?:api|apis|rest|restful|graphql|grpc|endpoints?|backend service|"
                + "web service|server)\\b"));
        APPS.put(AppType.WEB, Pattern.compile("\\b(?:web ?app|website|web application|web site|dashboard|portal|"
                + "browser|front-?end|single[- ]page|spa)\\b"));
        tech("Java", "java(?!script)");
        tech("Spring Boot", "spring(?: boot)?");
        tech("Python", "python");
        tech("FastAPI", "fastapi");
        tech("Flask", "flask");
        tech("Django", "django");
        tech("TypeScript", "typescript|ts");
        tech("JavaScript", "javascript|js");
        tech("Node.js", "node(?:\\.?js)?");
        tech("Express", "express(?:\\.js)?");
        tech("React", "react");
        tech("Vue", "vue(?:\\.js)?");
        tech("Angular", "angular");
        tech("Svelte", "svelte");
        tech("PostgreSQL", "postgres(?:ql)?");
        tech("MySQL", "mysql|mariadb");
        tech("SQLite", "sqlite");
        tech("MongoDB", "mongo(?:db)?");
        tech("Redis", "redis");
        tech("Kafka", "kafka");
        tech("RabbitMQ", "rabbitmq|rabbit");
        tech("Docker", "docker|containers?");
        tech("Kubernetes", "kubernetes|k8s");
        tech("Terraform", "terraform");
        tech("AWS", "aws|amazon web services|lambda");
        tech("Google Cloud", "gcp|google cloud|cloud run");
        tech("Azure", "azure");
        tech("GraphQL", "graphql");
        tech("gRPC", "grpc");
        tech("JavaFX", "javafx");
        tech("Go", "golang");
        tech("Rust", "rust");
        tech(".NET", "\\.net|c#|csharp");
        tech("Maven", "maven");
        tech("Gradle", "gradle");
        tech("JUnit", "junit");
        tech("OAuth 2", "oauth2?|openid|oidc|sso");
        feature("authentication", "log ?in|sign ?in|sign ?up|authenticat\\w*|accounts?|passwords?");
        feature("roles and permissions", "roles?|permissions?|admins?|access control");
        feature("search", "search\\w*|find|filter\\w*|look ?up");
        feature("notifications", "notif\\w*|alerts?|e-?mails?|sms|push messages?");
        feature("reports", "reports?|reporting|statistics|charts?");
        feature("dashboard", "dashboards?|overview page");
        feature("file attachments", "uploads?|attachments?|photos?|files?");
        feature("payments", "payments?|billing|checkout|invoices?");
        feature("messaging", "chat|messag\\w+");
        feature("maps and locations", "maps?|geolocation|gps|locations?|addresses");
        feature("scheduling", "schedul\\w*|calendar|bookings?|appointments?|shifts?");
        feature("export", "export\\w*|csv|pdf|download");
        feature("audit log", "audit\\w*|history of changes|change log");
        feature("real-time updates", "real-?time|live updates?|websockets?");
        feature("offline use", "offline|without (?:a |an )?(?:internet|network|connection)");
        feature("multiple languages", "multi-?lingual|translations?|i18n|languages");
        feature("status workflow", "status(?:es)?|workflow|approv\\w+|assign\\w*");
        constraint("users", "(\\d[\\d,.]*\\s*(?:k|thousand|million)?)\\s+"
                + "(?:concurrent\\s+|active\\s+|daily\\s+)?users");
        constraint("offline only", "offline|air-?gapped|no internet");
        constraint("response time", "(?:respond|response|latency)\\w*\\s+(?:with)?in\\s+(?:under\\s+)?(\\d+\\s*m?s)|"
                + "under\\s+(\\d+\\s*m?s)");
        constraint("compliance", "gdpr|hipaa|pci(?:[- ]dss)?|sox|iso ?27001");
        constraint("sensitive data", "personal data|medical|health records?|patients?|credit cards?|payment data|"
                + "police|criminal records?|sensitive");
        constraint("public data", "public(?:ly)? (?:data|information|read-only)|read-only");
        constraint("no authentication", "no (?:login|authentication|accounts?|passwords?)|without (?:login|"
                + "authentication|accounts?)|anonymous");
        constraint("test coverage", "(\\d{1,3})\\s*%\\s*(?:test )?coverage|coverage (?:of )?(\\d{1,3})\\s*%");
        constraint("no tests", "no tests|without tests|skip (?:the )?tests");
        constraint("service limit", "(?:at most|no more than|max(?:imum)?(?: of)?)\\s+(\\d+)\\s+services");
        constraint("high availability", "high(?:ly)? availab\\w+|99\\.9\\d*\\s*%|fail-?over|scal(?:e|able) "
                + "(?:out|horizontally)");
        constraint("deadline", "(?:in|within)\\s+(\\d+\\s+(?:days?|weeks?|months?))");
        constraint("budget", "low[- ]cost|cheap|small budget|free tier|open[- ]source only");
    }

    private IntentRules() {
    }

    private static void tech(String name, String regex) {
        TECHNOLOGIES.put(name, Pattern.compile("(?<![\\w.])(?:" + regex + ")(?![\\w])"));
    }

    private static void feature(String name, String regex) {
        FEATURES.put(name, Pattern.compile("\\b(?:" + regex + ")\\b"));
    }

    private static void constraint(String name, String regex) {
        CONSTRAINTS.put(name, Pattern.compile("\\b(?:" + regex + ")"));
    }

    /**
     * Checks the text and reads it.
     *
     * @throws InputException naming the field {@code intent}: empty, too long, or nothing recognised
     */
    public static Intent read(String text) {
        String t = check(text);
        String lower = t.toLowerCase(Locale.ROOT);
        Evidence appWords = first(APPS, lower, t);
        AppType app = appWords == null ? null : AppType.valueOf(appWords.value());
        List<Evidence> technologies = all(TECHNOLOGIES, lower, t);
        List<Evidence> features = all(FEATURES, lower, t);
        List<Evidence> constraints = constraints(lower, t);
        Evidence typeWords = first(TYPES, lower, t);
        if (typeWords == null && app == null && features.isEmpty() && technologies.isEmpty()) {
            String shown = t.length() > 60 ? t.substring(0, 60) + "…" : t;
            throw InputException.field("intent", "no application, feature or component recognised in '" + shown
                    + "'; say what to build, e.g. 'Create a REST API to track incidents and units'");
        }
        IntentType type = typeWords == null ? IntentType.CREATE_APPLICATION : IntentType.valueOf(typeWords.value());
        if (app == null) {
            app = technologies.stream().anyMatch(e -> e.value().equals("React") || e.value().equals("Vue")
                    || e.value().equals("Angular")) ? AppType.WEB : AppType.API;
            appWords = new Evidence(app.name(), "");
        }
        List<Evidence> entities = entities(lower, t);
        String name = name(t, entities, app);
        return new Intent(type, typeWords == null ? new Evidence(type.name(), "") : typeWords, app, appWords, name,
                technologies, features, constraints, entities, "rules", t);
    }

    /**
     * The intent stripped, or an {@link InputException} naming {@code intent} when it is empty or too long.
     */
    public static String check(String text) {
        if (text == null || text.isBlank()) {
            throw InputException.field("intent", "must not be empty; describe what to build, e.g. 'Create a REST "
                    + "API to track incidents and units'");
        }
        String t = text.strip();
        if (t.length() > MAX_CHARS) {
            throw InputException.field("intent", String.format(Locale.ROOT, "is %,d characters; at most %,d are "
                    + "read (a paragraph or two says what to build)", t.length(), MAX_CHARS));
        }
        return t;
    }

    /** The things an application keeps, as Java type names (Incident, Unit), from the intent; at least "Item". */
    static List<Evidence> entities(String lower, String original) {
        Map<String, Evidence> found = new LinkedHashMap<>();
        Matcher m = ENTITY_LIST.matcher(lower);
        while (m.find() && found.size() < 4) {
            for (String raw : m.group(1).split("\\s*(?:,|\\band\\b|&|\\bor\\b)\\s*")) {
                String word = raw.replaceAll("^(?:the|their|our|all|new|its|his|her)\\s+", "").strip();
                if (word.isEmpty() || NOT_ENTITIES.contains(word) || word.length() < 3) {
                    continue;
                }
                String type = typeName(singular(word));
                if (!type.isEmpty() && !found.containsKey(type) && found.size() < 4) {
                    found.put(type, new Evidence(type, words(original, m.start(), m.end())));
                }
            }
        }
        if (found.isEmpty()) {
            found.put("Item", new Evidence("Item", ""));
        }
        return List.copyOf(found.values());
    }

    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** "fire-truck" → "FireTruck"; empty for a Java keyword or anything not a plain word. */
    static String typeName(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("[-_ ]+")) {
            if (!part.matches("[a-z][a-z0-9]*")) {
                return "";
            }
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String name = out.toString();
        return JAVA_WORDS.contains(name.toLowerCase(Locale.ROOT)) || TAKEN.contains(name) ? "" : name;
    }

    private static String name(String t, List<Evidence> entities, AppType app) {
        Matcher called = Pattern.compile("\\b(?:called|named)\\s+[\"']?([A-Za-z][\\w -]{1,30}?)[\"']?(?:[,.;]|$|\\s"
                + "(?:that|which|to|for|with))").matcher(t);
        if (called.find()) {
            return called.group(1).strip();
        }
        String what = switch (app) {
            case API -> "service";
            case MICROSERVICE -> "platform";
            case CLI -> "tool";
            case MOBILE -> "app";
            case WEB, DESKTOP -> "manager";
        };
        return entities.get(0).value() + " " + what;
    }

    /** The first entry of the table (ordered most specific first) whose pattern occurs in the text. */
    private static <K extends Enum<K>> Evidence first(Map<K, Pattern> table, String lower, String original) {
        for (Map.Entry<K, Pattern> e : table.entrySet()) {
            Matcher m = e.getValue().matcher(lower);
            if (m.find()) {
                return new Evidence(e.getKey().name(), words(original, m.start(), m.end()));
            }
        }
        return null;
    }

    private static List<Evidence> all(Map<String, Pattern> table, String lower, String original) {
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : table.entrySet()) {
            Matcher m = e.getValue().matcher(lower);
            if (m.find()) {
                out.add(new Evidence(e.getKey(), words(original, m.start(), m.end())));
            }
        }
        return out;
    }

    private static List<Evidence> constraints(String lower, String original) {
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : CONSTRAINTS.entrySet()) {
            Matcher m = e.getValue().matcher(lower);
            if (m.find()) {
                String value = e.getKey();
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        value = value + ": " + m.group(g).strip();
                        break;
                    }
                }
                out.add(new Evidence(value, words(original, m.start(), m.end())));
            }
        }
        return out;
    }

    /** The clause around a match: from the previous to the next comma, semicolon or full stop, at most 80 chars. */
    static String words(String original, int start, int end) {
        int from = start;
        while (from > 0 && ",;.!?\n".indexOf(original.charAt(from - 1)) < 0 && start - from < 40) {
            from--;
        }
        if (from > 0 && ",;.!?\n".indexOf(original.charAt(from - 1)) < 0) {
            // Stopped by the length limit inside the clause: start at a whole word.
            int space = original.indexOf(' ', from);
            from = space < 0 || space >= start ? from : space + 1;
        }
        int to = end;
        while (to < original.length() && ",;.!?\n".indexOf(original.charAt(to)) < 0 && to - end < 40) {
            to++;
        }
        if (to < original.length() && ",;.!?\n".indexOf(original.charAt(to)) < 0) {
            int space = original.lastIndexOf(' ', to);
            to = space <= end ? to : space;
        }
        return original.substring(from, to).strip();
    }
}
