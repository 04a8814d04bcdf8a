package dev.switchboard.studio.engine.factory;

import dev.switchboard.studio.model.factory.ArchitecturePattern;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.SecurityLevel;
import dev.switchboard.studio.model.factory.Specification;
import dev.switchboard.studio.model.factory.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's validation framework: complexity at most 10, scalability at least 5, the security level's measures
 * not contradicted by the intent, 2 to 12 services for microservices (and no more than the intent allows), test
 * coverage at least 70 %. Each violation says what was found and what would fix it.
 */
public final class SpecValidator {

    public static final double MAX_COMPLEXITY = 10;
    public static final int MIN_SCALABILITY = 5;
    public static final int MIN_SERVICES = 2;
    public static final int MAX_SERVICES = 12;
    public static final int MIN_COVERAGE = 70;

    private SpecValidator() {
    }

    public static List<Violation> check(Intent intent, Specification spec, ArchitecturePattern pattern) {
        List<Violation> out = new ArrayList<>();
        if (spec.complexity() > MAX_COMPLEXITY) {
            out.add(new Violation("complexity ≤ 10", String.format(Locale.ROOT, "%.1f", spec.complexity()),
                    "split it into smaller applications, or leave out some of the " + intent.features().size()
                            + " features for a later version"));
        }
        if (spec.scalability() < MIN_SCALABILITY) {
            out.add(new Violation("scalability ≥ 5", Integer.toString(spec.scalability()), "design for at least "
                    + "1,000 users (a stateless service and a database with a connection pool) even if fewer use "
                    + "it at first, or state a higher target"));
        }
        if (spec.security().compareTo(SecurityLevel.MEDIUM) >= 0) {
            for (Evidence c : intent.constraints()) {
                if (c.value().startsWith("no authentication")) {
                    out.add(new Violation("security level " + spec.security().label() + " requires authentication",
                            "\"" + c.words() + "\"", "require sign-in, or say the data is public so the level can "
                                    + "be Low"));
                }
            }
        }
        if (pattern == ArchitecturePattern.MICROSERVICES) {
            int limit = MAX_SERVICES;
            for (Evidence c : intent.constraints()) {
                if (c.value().startsWith("service limit:")) {
                    limit = Math.min(limit, Integer.parseInt(c.value().replaceAll("\\D", "")));
                }
            }
            if (spec.services() > limit) {
                out.add(new Violation("at most " + limit + " services", Integer.toString(spec.services()),
                        "merge services that share data, or use a modular monolith"));
            } else if (spec.services() < MIN_SERVICES) {
                out.add(new Violation("at least 2 services for microservices", Integer.toString(spec.services()),
                        "use a layered monolith instead"));
            }
        }
        if (spec.coverageTarget() < MIN_COVERAGE) {
            out.add(new Violation("test coverage ≥ 70 %", spec.coverageTarget() + " %", "keep the generated tests "
                    + "and add one per requirement; the factory's Java project ships with tests for every layer"));
        }
        return out;
    }
}
