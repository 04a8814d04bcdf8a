package dev.switchboard.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module boundaries of Switchboard as ArchUnit rules. Switchboard runs on the classpath, not as JPMS
 * modules, so these rules are what keeps the engine free of JavaFX and the capabilities apart.
 *
 * <p>Every rule allows an empty selection: a module that has no {@code engine} package yet, or a build
 * in which a capability does not exist yet, passes.
 */
public final class ArchitectureRules {

    /** Root package of every Switchboard class. */
    public static final String ROOT = "dev.switchboard";

    /** Capability modules; each owns the root package {@code dev.switchboard.<name>}. */
    public static final List<String> CAPABILITIES =
            List.of("city", "calltaking", "review", "surveillance", "workflow", "studio", "ai", "speech");

    /** Model, engine, core, store and places code runs headless (CLI, benchmarks, engine tests). */
    public static final ArchRule NO_JAVAFX_OUTSIDE_UI = noClasses()
            .that().resideInAnyPackage("..model..", "..engine..", ROOT + ".core..", ROOT + ".store..",
                    ROOT + ".places..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("model, engine, core, store and places run without a display: in the headless CLI, the "
                    + "benchmarks and plain JUnit tests")
            .allowEmptyShould(true);

    /** Core, store and places are shared by every capability, so they may not depend on any capability. */
    public static final ArchRule SHARED_MODULES_BELOW_CAPABILITIES = noClasses()
            .that().resideInAnyPackage(ROOT + ".core..", ROOT + ".store..", ROOT + ".places..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream()
                    .map(c -> ROOT + "." + c + "..").toArray(String[]::new))
            .because("the shared modules (core, store, places) sit below the capabilities: a capability may use "
                    + "them, and a shared module that reached up into one would tie every capability to it")
            .allowEmptyShould(true);

    /** A capability reaches another only through its model and events, never its engine or views. */
    public static final ArchRule CAPABILITIES_INDEPENDENT = classes()
            .that().resideInAPackage(ROOT + "..")
            .should(notReachIntoAnotherCapability())
            .because("capabilities talk through events on the EventBus and shared model records, so "
                    + "adding or changing one never breaks another")
            .allowEmptyShould(true);

    /** The app is the composition root; nothing below it may know it. */
    public static final ArchRule ONLY_APP_SEES_EVERY_MODULE = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".app..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..")
            .because("app is the one composition root that builds every service; modules receive what they "
                    + "need through constructors and the WorkspaceContext")
            .allowEmptyShould(true);

    /**
     * No cycles between the top-level packages of a module ({@code model}, {@code engine}, {@code ui},
     * {@code account}, …) nor between those of different modules. Maven already forbids cycles between
     * whole modules, so slicing at module level alone would never fail.
     */
    public static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching(ROOT + ".(*).(*)..")
            .should().beFreeOfCycles()
            .because("a cycle means neither package can be understood, tested or moved without the other; "
                    + "dependencies run ui -> engine -> model")
            .allowEmptyShould(true);

    /** Services are passed by constructor from the composition root, not fetched from a static. */
    public static final ArchRule NO_GLOBAL_SERVICE_LOCATORS = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
            .and().haveName("getInstance")
            .should().notBePublic().orShould().notBeStatic()
            .because("a static getInstance() is a hidden global that tests cannot replace; the app builds "
                    + "each service once and passes it by constructor")
            .allowEmptyShould(true);

    /** Every rule above, in the order they are reported. */
    public static final List<ArchRule> ALL = List.of(NO_JAVAFX_OUTSIDE_UI, CAPABILITIES_INDEPENDENT,
            SHARED_MODULES_BELOW_CAPABILITIES, ONLY_APP_SEES_EVERY_MODULE, NO_PACKAGE_CYCLES,
            NO_GLOBAL_SERVICE_LOCATORS);

    private ArchitectureRules() {
    }

    /**
     * Imports the production classes under {@code rootPackage} (no tests, no jars) and checks every rule.
     *
     * @throws AssertionError listing the violations of all failing rules, or when no class was found,
     *                        which usually means a misspelt root package
     */
    public static void checkAll(String rootPackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (imported.isEmpty()) {
            throw new AssertionError("No production classes found under " + rootPackage
                    + "; is the root package spelt right and compiled into target/classes?");
        }
        check(imported);
    }

    /** Checks every rule against {@code imported}, reporting all failing rules at once. */
    public static void check(JavaClasses imported) {
        List<String> reports = new ArrayList<>();
        for (ArchRule rule : ALL) {
            EvaluationResult result = rule.evaluate(imported);
            if (result.hasViolation()) {
                reports.add(result.getFailureReport().toString());
            }
        }
        if (!reports.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator() + System.lineSeparator(), reports));
        }
    }

    /** The capability that owns {@code packageName}, if any. */
    static Optional<String> capabilityOf(String packageName) {
        String prefix = ROOT + ".";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        return CAPABILITIES.contains(first) ? Optional.of(first) : Optional.empty();
    }

    /** Whether {@code packageName} lies in an {@code engine} or {@code ui} package of its capability. */
    static boolean isEngineOrUi(String packageName) {
        for (String segment : packageName.split("\\.")) {
            if (segment.equals("engine") || segment.equals("ui")) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaClass> notReachIntoAnotherCapability() {
        return new ArchCondition<>("not depend on another capability's engine or ui packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = capabilityOf(origin.getPackageName());
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<String> other = capabilityOf(target);
                    if (other.isPresent() && !other.equals(own) && isEngineOrUi(target)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                own.get() + " reaches into " + other.get() + ": " + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
