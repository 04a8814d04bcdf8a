package dev.switchboard.studio.engine.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.core.error.InputException;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.model.factory.ArchitecturePattern;
import dev.switchboard.studio.model.factory.FactoryRun;
import dev.switchboard.studio.model.factory.GeneratorKind;
import dev.switchboard.studio.model.factory.GeneratorReport;
import dev.switchboard.studio.model.factory.SecurityLevel;
import dev.switchboard.studio.model.factory.Specification;
import dev.switchboard.studio.model.factory.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline end to end without building the result (GeneratedProjectBuildTest builds it). */
class ApplicationFactoryTest {

    @TempDir
    Path dir;

    private Database db;
    private ApplicationFactory factory;

    @BeforeEach
    void open() {
        db = TestDatabases.open(DataDir.of(dir.resolve("data")));
        factory = new ApplicationFactory(new IntentReader(null), new FactoryRuns(db.jdbi()), dir.resolve("runs"),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRunWritesSpecificationArchitectureAndCodeAndIsKept() throws Exception {
        Map<GeneratorKind, Double> progress = new ConcurrentHashMap<>();

        FactoryRun run = factory.run("Create a web app to manage vehicles and drivers with search, for 3,000 users",
                "java-maven", false, "aiko", null, progress::put);

        assertThat(progress).hasSize(5).allSatisfy((k, v) -> assertThat(v).isEqualTo(1.0));
        assertThat(run.architecture().pattern()).isEqualTo(ArchitecturePattern.MVC);
        assertThat(run.specification().sections()).containsKeys(Specification.Section.values());
        assertThat(run.specification().sections().get(Specification.Section.API))
                .contains("| POST | /api/vehicles |").contains("/api/drivers/{id}/status");
        assertThat(run.specification().sections().get(Specification.Section.FUNCTIONAL))
                .contains("Search (from \"").contains("drivers with search\")");
        assertThat(run.violations()).isEmpty();
        assertThat(run.generators()).filteredOn(GeneratorReport::real).extracting(GeneratorReport::kind)
                .containsExactlyInAnyOrder(GeneratorKind.BACKEND, GeneratorKind.QA, GeneratorKind.DOCUMENTATION);
        assertThat(run.generators()).filteredOn(g -> g.kind() == GeneratorKind.FRONTEND).first()
                .satisfies(g -> assertThat(g.real()).isFalse()).satisfies(g -> assertThat(g.files()).isNotEmpty());
        assertThat(run.files()).contains("pom.xml", "README.md", "docs/architecture.yaml",
                "src/main/java/dev/generated/vehiclemanager/domain/Vehicle.java",
                "src/test/java/dev/generated/vehiclemanager/api/ApiServerTest.java");
        for (String f : run.files()) {
            assertThat(run.folder().resolve(f)).isRegularFile();
        }
        // The exports parse back.
        assertThat(new ObjectMapper().readTree(run.folder().resolve("docs/architecture.json").toFile())
                .path("pattern").asText()).isEqualTo("MVC");
        assertThat(new ObjectMapper(new YAMLFactory()).readTree(run.folder().resolve("docs/architecture.yaml")
                .toFile()).path("components").size()).isEqualTo(run.architecture().components().size());

        FactoryRun reopened = factory.runs().find(run.id()).orElseThrow();
        assertThat(reopened).isEqualTo(run);
        assertThat(factory.runs().list(10)).extracting(FactoryRuns.Summary::id).containsExactly(run.id());
    }

    @Test
    void theValidationFrameworkExplainsEachViolation() {
        FactoryRun run = factory.run("Build microservices for orders, invoices, customers and products with payments, "
                + "notifications, login, search, reports, export, chat and a dashboard, for 50 users, no tests, "
                + "no login required", "java-maven", false, "aiko", null, (k, p) -> { });

        assertThat(run.specification().security()).isEqualTo(SecurityLevel.CRITICAL);
        assertThat(run.specification().securityMeasures()).contains("multi-factor authentication", "authentication");
        assertThat(run.violations()).extracting(Violation::rule).contains("complexity ≤ 10",
                "test coverage ≥ 70 %", "security level Critical requires authentication");
        assertThat(run.violations()).allSatisfy(v -> assertThat(v.fix()).isNotBlank());
        assertThat(run.specification().services()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void tooFewUsersBreakTheScalabilityRule() {
        FactoryRun run = factory.run("Create an API to track keys for 40 users", "java-maven", false, "aiko", null,
                (k, p) -> { });

        assertThat(run.specification().scalability()).isEqualTo(3);
        assertThat(run.violations()).extracting(Violation::rule).containsExactly("scalability ≥ 5");
    }

    @Test
    void runsAreComparedAndRunAgain() {
        FactoryRun first = factory.run("Create an API to track incidents", "java-maven", false, "aiko", null,
                (k, p) -> { });
        FactoryRun second = factory.run("Create an API to track incidents and units with search", "java-maven", false,
                "aiko", null, (k, p) -> { });

        ApplicationFactory.Comparison c = ApplicationFactory.compare(first, second);
        assertThat(c.changes()).anyMatch(l -> l.startsWith("records: [Incident] → [Incident, Unit]"));
        assertThat(c.onlyInSecond()).anyMatch(f -> f.endsWith("/domain/Unit.java"));
        assertThat(c.changedFiles()).contains("docs/api.md");

        FactoryRun again = factory.rerun(first.id(), "aiko", (k, p) -> { });
        assertThat(again.id()).isNotEqualTo(first.id());
        ApplicationFactory.Comparison same = ApplicationFactory.compare(first, again);
        assertThat(same.changes()).isEmpty();
        assertThat(same.changedFiles()).isEmpty();
        assertThat(same.onlyInFirst()).isEmpty();
    }

    @Test
    void aStackItDoesNotKnowAndAFolderWithFilesAreRefused() throws Exception {
        assertThatThrownBy(() -> factory.run("Create an API to track incidents", "node-express", false, "aiko", null,
                (k, p) -> { })).isInstanceOf(InputException.class).hasMessageContaining("stack")
                .hasMessageContaining("java-maven");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> factory.run("Create an API to track incidents", "java-maven", false, "aiko", used,
                (k, p) -> { })).isInstanceOf(InputException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(used.resolve("keep.txt"))).isEqualTo("mine");
    }
}
