package dev.switchboard.studio.engine.factory;

import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.ArchitecturePattern;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.SecurityLevel;
import dev.switchboard.studio.model.factory.Specification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the five sections of the specification from JMustache templates, and works out the figures the
 * validation framework checks: complexity from what the application must do, scalability from the users and
 * availability asked for, the security level from the data it holds, the service count from the pattern and the
 * coverage target from what the intent says about tests.
 */
public final class SpecificationWriter {

    /** The statuses every generated record moves through. */
    static final List<String> STATUSES = List.of("OPEN", "ACTIVE", "CLOSED");

    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d,.]*)\\s*(k|thousand|million)?");

    private SpecificationWriter() {
    }

    public static Specification write(Intent intent, ArchitecturePattern pattern, List<String> stack) {
        int scalability = scalability(intent);
        SecurityLevel security = security(intent);
        int services = services(intent, pattern);
        int coverage = coverage(intent);
        double complexity = complexity(intent, pattern, security);
        List<Map<String, String>> requirements = requirements(intent, security);
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Evidence e : intent.entities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.value());
            m.put("lower", Names.lowerFirst(e.value()));
            m.put("plural", Names.plural(e.value()));
            m.put("path", Names.plural(e.value()));
            m.put("statuses", String.join(", ", STATUSES));
            entities.add(m);
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("name", intent.name());
        ctx.put("purpose", "The " + intent.app().label().toLowerCase(Locale.ROOT) + " \"" + intent.name()
                + "\", as asked: \"" + intent.text() + "\"");
        ctx.put("entities", entities);
        ctx.put("features", intent.features().stream().map(f -> capital(f.value()) + " (from \"" + f.words() + "\")")
                .toList());
        ctx.put("requirements", requirements);
        ctx.put("constraints", intent.constraints().isEmpty() ? List.of()
                : List.of(Map.of("list", intent.constraints())));
        ctx.put("app", intent.app().label());
        ctx.put("pattern", pattern.label());
        ctx.put("stack", stack);
        ctx.put("services", services);
        ctx.put("complexity", String.format(Locale.ROOT, "%.1f", complexity));
        ctx.put("scalability", scalability);
        ctx.put("security", security.label());
        ctx.put("measures", security.requiredMeasures());
        ctx.put("coverage", coverage);
        ctx.put("hasUi", intent.app() == AppType.WEB || intent.app() == AppType.MOBILE
                || intent.app() == AppType.DESKTOP);
        ctx.put("storage", intent.technologies().stream().map(Evidence::value).filter(v -> List.of("PostgreSQL",
                "MySQL", "SQLite", "MongoDB").contains(v)).findFirst().orElse("an in-memory repository behind an "
                + "interface, to be replaced by a database"));
        Map<Specification.Section, String> sections = new EnumMap<>(Specification.Section.class);
        sections.put(Specification.Section.FUNCTIONAL, Templates.render("spec/functional.mustache", ctx));
        sections.put(Specification.Section.TECHNICAL, Templates.render("spec/technical.mustache", ctx));
        sections.put(Specification.Section.API, Templates.render("spec/api.mustache", ctx));
        sections.put(Specification.Section.DATABASE, Templates.render("spec/database.mustache", ctx));
        sections.put(Specification.Section.UI_UX, Templates.render("spec/uiux.mustache", ctx));
        return new Specification(intent.name(), complexity, scalability, security, security.requiredMeasures(),
                services, coverage, requirements.stream().map(r -> r.get("id") + ": " + r.get("text")).toList(),
                sections);
    }

    /** 1 plus weights for features, entities, technologies, the pattern and strict security; one decimal. */
    static double complexity(Intent intent, ArchitecturePattern pattern, SecurityLevel security) {
        double c = 1 + 0.6 * intent.features().size() + 0.5 * intent.entities().size()
                + 0.25 * intent.technologies().size();
        c += switch (pattern) {
            case MICROSERVICES -> 2;
            case EVENT_DRIVEN -> 1.5;
            case SERVERLESS, CLEAN, HEXAGONAL -> 1;
            default -> 0;
        };
        if (security.compareTo(SecurityLevel.HIGH) >= 0) {
            c += 0.5;
        }
        return Math.round(c * 10) / 10.0;
    }

    /** From the users (100 → 3, 1,000 → 5, 10,000 → 6, 100,000 → 8, a million → 10) and availability. */
    static int scalability(Intent intent) {
        int s = 5;
        for (Evidence c : intent.constraints()) {
            String v = c.value().toLowerCase(Locale.ROOT);
            if (v.startsWith("users:")) {
                long users = number(v.substring("users:".length()));
                s = users < 200 ? 3 : users < 2_000 ? 5 : users < 20_000 ? 6 : users < 200_000 ? 8 : 10;
            } else if (v.startsWith("offline only")) {
                s = Math.min(s, 2);
            } else if (v.startsWith("high availability")) {
                s = Math.max(s, 8);
            }
        }
        if (intent.app() == AppType.MICROSERVICE) {
            s = Math.max(s, 7);
        }
        return s;
    }

    static SecurityLevel security(Intent intent) {
        SecurityLevel level = SecurityLevel.MEDIUM;
        for (Evidence c : intent.constraints()) {
            String v = c.value().toLowerCase(Locale.ROOT);
            String w = c.words().toLowerCase(Locale.ROOT);
            if (v.startsWith("compliance") && (w.contains("pci") || w.contains("hipaa"))) {
                level = max(level, SecurityLevel.CRITICAL);
            } else if (v.startsWith("sensitive data") && (w.contains("credit") || w.contains("payment")
                    || w.contains("medical") || w.contains("health") || w.contains("patient"))) {
                level = max(level, SecurityLevel.CRITICAL);
            } else if (v.startsWith("compliance") || v.startsWith("sensitive data")) {
                level = max(level, SecurityLevel.HIGH);
            } else if (v.startsWith("public data") && level == SecurityLevel.MEDIUM) {
                level = SecurityLevel.LOW;
            }
        }
        if (intent.features().stream().anyMatch(f -> f.value().equals("payments"))) {
            level = max(level, SecurityLevel.CRITICAL);
        }
        return level;
    }

    static int services(Intent intent, ArchitecturePattern pattern) {
        if (pattern != ArchitecturePattern.MICROSERVICES) {
            return 1;
        }
        int n = intent.entities().size() + 1; // one per entity, and the gateway
        if (intent.features().stream().anyMatch(f -> f.value().equals("notifications"))) {
            n++;
        }
        if (intent.features().stream().anyMatch(f -> f.value().equals("authentication"))) {
            n++;
        }
        return n;
    }

    static int coverage(Intent intent) {
        int target = 80;
        for (Evidence c : intent.constraints()) {
            String v = c.value().toLowerCase(Locale.ROOT);
            if (v.startsWith("no tests")) {
                target = 0;
            } else if (v.startsWith("test coverage:")) {
                target = (int) Math.min(100, number(v.substring("test coverage:".length())));
            }
        }
        return target;
    }

    private static List<Map<String, String>> requirements(Intent intent, SecurityLevel security) {
        List<Map<String, String>> out = new ArrayList<>();
        int n = 1;
        for (Evidence e : intent.entities()) {
            out.add(Map.of("id", String.format(Locale.ROOT, "FR-%02d", n++), "text", "Users create, list, view and "
                    + "change the status of " + Names.plural(e.value()) + "."));
        }
        for (Evidence f : intent.features()) {
            out.add(Map.of("id", String.format(Locale.ROOT, "FR-%02d", n++), "text", capital(f.value())
                    + " as asked (\"" + f.words() + "\")."));
        }
        int s = 1;
        for (String m : security.requiredMeasures()) {
            out.add(Map.of("id", String.format(Locale.ROOT, "SR-%02d", s++), "text", capital(m) + "."));
        }
        return out;
    }

    private static SecurityLevel max(SecurityLevel a, SecurityLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long number(String text) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.find()) {
            return 0;
        }
        double v;
        try {
            v = Double.parseDouble(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        if (unit.equals("k") || unit.equals("thousand")) {
            v *= 1_000;
        } else if (unit.equals("million")) {
            v *= 1_000_000;
        }
        return (long) v;
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
