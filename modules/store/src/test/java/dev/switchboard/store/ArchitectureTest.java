package dev.switchboard.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.testkit.AbstractArchitectureTest;
import dev.switchboard.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.store");
    }

    @Test
    void storeServesEveryModuleAndKnowsNone() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ArchitectureRules.CAPABILITIES.stream()
                        .map(c -> ArchitectureRules.ROOT + "." + c + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage(ArchitectureRules.ROOT + ".uikit..")
                .because("capabilities implement their repositories on top of store, not the other way round")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.switchboard.store"));
    }
}
