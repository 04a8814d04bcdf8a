package dev.switchboard.studio.engine.factory;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.text.Counts;
import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.GeneratorKind;
import dev.switchboard.studio.model.factory.GeneratorReport;
import dev.switchboard.studio.model.factory.Specification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * The five generators of the seed, run in parallel (one virtual thread each), each reporting its progress as it
 * writes files. For the {@code java-maven} stack the backend (domain, service and API layers on the JDK's HTTP
 * server), the tests (JUnit 5, every layer) and the documentation are real: the project compiles and its tests
 * pass. The frontend (React) and the infrastructure (Dockerfile, Kubernetes) are structural outlines, and their
 * reports say so. Files are only ever created: a run writes into its own new folder.
 */
public final class CodeGenerators {

    /** The stacks the factory generates. */
    public static final List<String> STACKS = List.of("java-maven");

    private CodeGenerators() {
    }

    /**
     * Checks the stack name.
     *
     * @throws InputException naming {@code stack} for one the factory does not know
     */
    public static String stack(String name) {
        String s = name == null || name.isBlank() ? "java-maven" : name.strip();
        if (!STACKS.contains(s)) {
            throw InputException.field("stack", "'" + s + "' is not a stack the factory generates; it knows "
                    + String.join(", ", STACKS));
        }
        return s;
    }

    /**
     * Runs the generators into {@code folder}.
     *
     * @param progress called with each generator and its progress 0..1, from the generators' threads
     */
    static List<GeneratorReport> run(FactoryContext ctx, Path folder, BiConsumer<GeneratorKind, Double> progress) {
        Map<GeneratorKind, Generator> generators = new LinkedHashMap<>();
        generators.put(GeneratorKind.BACKEND, CodeGenerators::backend);
        generators.put(GeneratorKind.FRONTEND, CodeGenerators::frontend);
        generators.put(GeneratorKind.INFRASTRUCTURE, CodeGenerators::infrastructure);
        generators.put(GeneratorKind.QA, CodeGenerators::tests);
        generators.put(GeneratorKind.DOCUMENTATION, CodeGenerators::documentation);
        Map<GeneratorKind, Future<GeneratorReport>> running = new EnumMap<>(GeneratorKind.class);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            generators.forEach((kind, g) -> running.put(kind, threads.submit(() -> {
                progress.accept(kind, 0.0);
                Output out = g.make(ctx);
                List<String> written = new ArrayList<>();
                int i = 0;
                for (Map.Entry<String, String> file : out.files().entrySet()) {
                    write(folder, file.getKey(), file.getValue());
                    written.add(file.getKey());
                    progress.accept(kind, (double) ++i / out.files().size());
                }
                progress.accept(kind, 1.0);
                return new GeneratorReport(kind, out.real(), written, out.note());
            })));
        }
        List<GeneratorReport> reports = new ArrayList<>();
        for (Future<GeneratorReport> f : running.values()) {
            try {
                reports.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while generating", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return reports;
    }

    private static void write(Path folder, String relative, String text) {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalStateException("A generated path leaves the run's folder: " + relative);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Output backend(FactoryContext ctx) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> model = ctx.model();
        files.put("pom.xml", Templates.render("java-maven/pom.xml.mustache", model));
        for (Map<String, Object> e : ctx.entities()) {
            String type = (String) e.get("Entity");
            Map<String, Object> m = ctx.model(e);
            files.put(ctx.sourcePath("domain", type), Templates.render("java-maven/Entity.java.mustache", m));
            files.put(ctx.sourcePath("domain", type + "Repository"),
                    Templates.render("java-maven/EntityRepository.java.mustache", m));
            files.put(ctx.sourcePath("infrastructure", "InMemory" + type + "Repository"),
                    Templates.render("java-maven/InMemoryEntityRepository.java.mustache", m));
            files.put(ctx.sourcePath("service", type + "Service"),
                    Templates.render("java-maven/EntityService.java.mustache", m));
            files.put(ctx.sourcePath("api", type + "Handler"),
                    Templates.render("java-maven/EntityHandler.java.mustache", m));
        }
        files.put(ctx.sourcePath("service", "NotFoundException"),
                Templates.render("java-maven/NotFoundException.java.mustache", model));
        files.put(ctx.sourcePath("api", "Json"), Templates.render("java-maven/Json.java.mustache", model));
        files.put(ctx.sourcePath("api", "ApiServer"), Templates.render("java-maven/ApiServer.java.mustache", model));
        files.put(ctx.sourcePath("", "Application"), Templates.render("java-maven/Application.java.mustache", model));
        return new Output(files, true, "Java 21 Maven project: domain, service and API layers for "
                + Counts.of(ctx.entities().size(), "record type", "record types"));
    }

    private static Output tests(FactoryContext ctx) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map<String, Object> e : ctx.entities()) {
            String type = (String) e.get("Entity");
            Map<String, Object> m = ctx.model(e);
            files.put(ctx.testPath("domain", type + "Test"),
                    Templates.render("java-maven/EntityTest.java.mustache", m));
            files.put(ctx.testPath("service", type + "ServiceTest"),
                    Templates.render("java-maven/EntityServiceTest.java.mustache", m));
        }
        files.put(ctx.testPath("api", "ApiServerTest"), Templates.render("java-maven/ApiServerTest.java.mustache",
                ctx.model()));
        files.put("docs/test-plan.md", "# Test plan\n\nCoverage target: " + ctx.spec().coverageTarget() + " %.\n\n"
                + "- Domain: every record refuses an empty name and an unknown status.\n"
                + "- Service: create, get, list and status changes; unknown ids are not found.\n"
                + "- API: each resource over HTTP on loopback, with 201, 200, 400 and 404 answers.\n");
        return new Output(files, true, "JUnit 5 tests of the domain, service and API layers");
    }

    private static Output frontend(FactoryContext ctx) {
        AppType app = ctx.intent().app();
        if (app != AppType.WEB && app != AppType.MOBILE && app != AppType.DESKTOP) {
            return new Output(Map.of(), false, "not needed: the intent asks for no user interface ("
                    + app.label() + ")");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("frontend/package.json", Templates.render("structural/package.json.mustache", ctx.model()));
        files.put("frontend/src/App.jsx", Templates.render("structural/App.jsx.mustache", ctx.model()));
        return new Output(files, false, "React outline over the API (structural: not built or tested here)");
    }

    private static Output infrastructure(FactoryContext ctx) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("infra/Dockerfile", Templates.render("structural/Dockerfile.mustache", ctx.model()));
        files.put("infra/k8s/deployment.yaml", Templates.render("structural/deployment.yaml.mustache", ctx.model()));
        return new Output(files, false, "Dockerfile and Kubernetes deployment with an HPA (structural: not built or "
                + "applied here)");
    }

    private static Output documentation(FactoryContext ctx) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder spec = new StringBuilder("# Specification: " + ctx.spec().title() + "\n\n");
        for (Specification.Section s : Specification.Section.values()) {
            spec.append(ctx.spec().sections().get(s)).append('\n');
        }
        files.put("docs/specification.md", spec.toString());
        files.put("docs/architecture.md", ArchitectureExport.markdown(ctx.architecture()));
        files.put("docs/architecture.json", ArchitectureExport.json(ctx.architecture()));
        files.put("docs/architecture.yaml", ArchitectureExport.yaml(ctx.architecture()));
        files.put("docs/api.md", ctx.spec().sections().get(Specification.Section.API));
        Map<String, Object> model = ctx.model();
        boolean ui = ctx.intent().app() == AppType.WEB || ctx.intent().app() == AppType.MOBILE
                || ctx.intent().app() == AppType.DESKTOP;
        model.put("generators", List.of(
                Map.of("label", "Backend (domain, service, API)", "state", "real: compiles, tests pass"),
                Map.of("label", "Tests (JUnit 5)", "state", "real"),
                Map.of("label", "Documentation", "state", "real"),
                Map.of("label", "Frontend", "state", ui ? "structural outline (React), not built" : "not needed"),
                Map.of("label", "Infrastructure", "state", "structural outline (Docker, Kubernetes), not applied")));
        files.put("README.md", Templates.render("structural/README.md.mustache", model));
        return new Output(files, true, "README, specification, architecture (Markdown, JSON, YAML) and API docs");
    }

    @FunctionalInterface
    private interface Generator {
        Output make(FactoryContext ctx);
    }

    private record Output(Map<String, String> files, boolean real, String note) {
    }
}
