package dev.switchboard.studio.engine.factory;

import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.Architecture;
import dev.switchboard.studio.model.factory.ArchitecturePattern;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out the architecture: the pattern (one the intent names, else the usual one for the application type),
 * the components in layers from the outside in, how they relate, the directory structure of the stack and the
 * interface contracts between the layers.
 */
public final class ArchitectureScaffolder {

    private static final Map<String, ArchitecturePattern> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("hexagonal", ArchitecturePattern.HEXAGONAL);
        NAMED.put("ports and adapters", ArchitecturePattern.HEXAGONAL);
        NAMED.put("clean architecture", ArchitecturePattern.CLEAN);
        NAMED.put("event-driven", ArchitecturePattern.EVENT_DRIVEN);
        NAMED.put("event driven", ArchitecturePattern.EVENT_DRIVEN);
        NAMED.put("serverless", ArchitecturePattern.SERVERLESS);
        NAMED.put("lambda", ArchitecturePattern.SERVERLESS);
        NAMED.put("microservice", ArchitecturePattern.MICROSERVICES);
        NAMED.put("mvc", ArchitecturePattern.MVC);
        NAMED.put("model-view-controller", ArchitecturePattern.MVC);
        NAMED.put("layered", ArchitecturePattern.LAYERED);
        NAMED.put("n-tier", ArchitecturePattern.LAYERED);
        NAMED.put("monolith", ArchitecturePattern.MONOLITH);
    }

    private ArchitectureScaffolder() {
    }

    /** The pattern and the reason for it. */
    public static Map.Entry<ArchitecturePattern, String> choose(Intent intent) {
        String lower = intent.text().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ArchitecturePattern> e : NAMED.entrySet()) {
            if (lower.contains(e.getKey())) {
                return Map.entry(e.getValue(), "the intent asks for it (\"" + e.getKey() + "\")");
            }
        }
        ArchitecturePattern p = switch (intent.app()) {
            case API -> ArchitecturePattern.LAYERED;
            case MICROSERVICE -> ArchitecturePattern.MICROSERVICES;
            case WEB, DESKTOP -> ArchitecturePattern.MVC;
            case MOBILE -> ArchitecturePattern.CLEAN;
            case CLI -> ArchitecturePattern.MONOLITH;
        };
        return Map.entry(p, "it is the usual pattern for this kind of application (" + intent.app().label() + ")");
    }

    public static Architecture scaffold(Intent intent, ArchitecturePattern pattern, String why, String basePackage,
                                        List<String> stack) {
        List<Architecture.Component> components = new ArrayList<>();
        List<Architecture.Relation> relations = new ArrayList<>();
        List<String> entities = intent.entities().stream().map(Evidence::value).toList();
        String client = intent.app() == AppType.CLI ? "Command line" : intent.app() == AppType.API
                || intent.app() == AppType.MICROSERVICE ? "API clients" : "User interface";
        components.add(new Architecture.Component(client, 0, "client", "what users or other systems use"));
        switch (pattern) {
            case MICROSERVICES -> {
                components.add(new Architecture.Component("API gateway", 1, "gateway", "routes, authenticates"));
                relations.add(new Architecture.Relation(client, "API gateway", "calls"));
                for (String e : entities) {
                    String svc = e + " service";
                    components.add(new Architecture.Component(svc, 2, "service", "owns " + Names.plural(e)));
                    components.add(new Architecture.Component(e + " store", 3, "database", "the service's own data"));
                    relations.add(new Architecture.Relation("API gateway", svc, "routes to"));
                    relations.add(new Architecture.Relation(svc, e + " store", "stores in"));
                }
                if (intent.features().stream().anyMatch(f -> f.value().equals("notifications"))) {
                    components.add(new Architecture.Component("Notification service", 2, "service", "sends alerts"));
                    components.add(new Architecture.Component("Message broker", 3, "broker", "events between "
                            + "services"));
                    relations.add(new Architecture.Relation("Notification service", "Message broker", "consumes"));
                    entities.forEach(e -> relations.add(new Architecture.Relation(e + " service", "Message broker",
                            "publishes")));
                }
            }
            case EVENT_DRIVEN -> {
                components.add(new Architecture.Component("Command handlers", 1, "producer", "accept requests, "
                        + "publish events"));
                components.add(new Architecture.Component("Event bus", 2, "broker", "delivers events in order"));
                components.add(new Architecture.Component("Projections", 3, "consumer", "build read models"));
                components.add(new Architecture.Component("Event store", 4, "database", "every event, append-only"));
                relations.add(new Architecture.Relation(client, "Command handlers", "sends commands"));
                relations.add(new Architecture.Relation("Command handlers", "Event bus", "publishes"));
                relations.add(new Architecture.Relation("Event bus", "Projections", "delivers"));
                relations.add(new Architecture.Relation("Command handlers", "Event store", "appends"));
            }
            case SERVERLESS -> {
                components.add(new Architecture.Component("API gateway", 1, "gateway", "routes to functions"));
                relations.add(new Architecture.Relation(client, "API gateway", "calls"));
                for (String e : entities) {
                    components.add(new Architecture.Component(e + " functions", 2, "function", "create, get, list"));
                    relations.add(new Architecture.Relation("API gateway", e + " functions", "invokes"));
                    relations.add(new Architecture.Relation(e + " functions", "Managed database", "stores in"));
                }
                components.add(new Architecture.Component("Managed database", 3, "database", "serverless storage"));
            }
            case HEXAGONAL -> layers(components, relations, client, List.of("HTTP adapter", "Application ports",
                    "Domain core", "Persistence adapter"), List.of("driving adapter", "port", "domain",
                    "driven adapter"));
            case CLEAN -> layers(components, relations, client, List.of("Controllers", "Use cases", "Entities",
                    "Gateways"), List.of("interface adapter", "use case", "entity", "gateway"));
            case MVC -> layers(components, relations, client, List.of("Controllers", "Models", "Repositories"),
                    List.of("controller", "model", "repository"));
            case MONOLITH -> layers(components, relations, client, List.of("Application", "Storage"),
                    List.of("application", "storage"));
            case LAYERED -> layers(components, relations, client, List.of("API layer", "Service layer",
                    "Domain layer", "Repository layer"), List.of("api", "service", "domain", "repository"));
        }
        String path = "src/main/java/" + basePackage.replace('.', '/');
        String test = "src/test/java/" + basePackage.replace('.', '/');
        List<String> dirs = new ArrayList<>(List.of(path + "/domain", path + "/service", path + "/api",
                path + "/infrastructure", test + "/domain", test + "/service", test + "/api", "docs", "infra"));
        if (intent.app() == AppType.WEB || intent.app() == AppType.MOBILE) {
            dirs.add("frontend/src");
        }
        List<Architecture.Contract> contracts = new ArrayList<>();
        for (String e : entities) {
            contracts.add(new Architecture.Contract(e + "Repository", "domain", List.of(e + " save(" + e + " "
                    + Names.lowerFirst(e) + ")", "Optional<" + e + "> findById(String id)", "List<" + e
                    + "> findAll()")));
            contracts.add(new Architecture.Contract(e + "Service", "service", List.of(e + " create(String name)",
                    e + " get(String id)", "List<" + e + "> list()", e + " changeStatus(String id, String status)")));
            contracts.add(new Architecture.Contract("HTTP /api/" + Names.plural(e), "api", List.of("GET /api/"
                    + Names.plural(e), "POST /api/" + Names.plural(e), "GET /api/" + Names.plural(e) + "/{id}",
                    "PUT /api/" + Names.plural(e) + "/{id}/status")));
        }
        return new Architecture(pattern, why, components, relations, dirs, contracts, stack);
    }

    private static void layers(List<Architecture.Component> components, List<Architecture.Relation> relations,
                               String client, List<String> names, List<String> kinds) {
        String previous = client;
        for (int i = 0; i < names.size(); i++) {
            components.add(new Architecture.Component(names.get(i), i + 1, kinds.get(i), kinds.get(i)));
            relations.add(new Architecture.Relation(previous, names.get(i), i == 0 ? "calls" : "uses"));
            previous = names.get(i);
        }
    }
}
