package dev.switchboard.studio.engine.factory;

import dev.switchboard.studio.model.factory.Architecture;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.Specification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every generator reads: the run, the intent, the specification and the architecture, and the names of the
 * generated project (artifact, base package).
 */
record FactoryContext(String runId, Intent intent, Specification spec, Architecture architecture, String artifact,
                      String basePackage) {

    /** The template context of the whole project. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", runId);
        m.put("name", intent.name());
        m.put("intent", intent.text().replace("\n", " "));
        m.put("app", intent.app().label());
        m.put("pattern", architecture.pattern().label());
        m.put("artifact", artifact);
        m.put("pkg", basePackage);
        m.put("statuses", SpecificationWriter.STATUSES);
        m.put("entities", entities());
        m.put("firstPath", Names.plural(intent.entities().get(0).value()));
        m.put("replicas", Math.max(1, spec.scalability() / 3));
        m.put("maxReplicas", Math.max(2, spec.scalability()));
        return m;
    }

    /** The template context of one entity, over the project's. */
    Map<String, Object> model(Map<String, Object> entity) {
        Map<String, Object> m = model();
        m.putAll(entity);
        return m;
    }

    List<Map<String, Object>> entities() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : intent.entities()) {
            String type = e.value();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Entity", type);
            m.put("lower", Names.lowerFirst(type));
            m.put("plural", Names.plural(type));
            m.put("Plural", SpecificationWriter.capital(Names.plural(type)));
            m.put("path", Names.plural(type));
            m.put("prefix", type.toLowerCase(Locale.ROOT).substring(0, Math.min(3, type.length())));
            out.add(m);
        }
        return out;
    }

    String sourcePath(String layer, String type) {
        return "src/main/java/" + basePackage.replace('.', '/') + (layer.isEmpty() ? "" : "/" + layer) + "/" + type
                + ".java";
    }

    String testPath(String layer, String type) {
        return "src/test/java/" + basePackage.replace('.', '/') + "/" + layer + "/" + type + ".java";
    }
}
