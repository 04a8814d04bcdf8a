package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.switchboard.app.Shell;
import dev.switchboard.city.engine.GlobalRegistry;
import dev.switchboard.city.engine.JavaFxInEngine;
import dev.switchboard.city.engine.KnowsApp;
import dev.switchboard.city.engine.RouteTable;
import dev.switchboard.city.model.District;
import dev.switchboard.places.ReachesUpIntoCity;
import dev.switchboard.review.engine.ReadsCityModel;
import dev.switchboard.review.engine.ReadsPlaces;
import dev.switchboard.review.ui.ReachesIntoCity;
import dev.switchboard.studio.engine.JobQueue;
import dev.switchboard.studio.model.Job;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void javafxInAnEngineIsAViolation() {
        assertThat(violations(ArchitectureRules.NO_JAVAFX_OUTSIDE_UI, JavaFxInEngine.class, RouteTable.class))
                .contains("JavaFxInEngine").doesNotContain("RouteTable");
    }

    @Test
    void aCapabilityMayReadAnotherModelButNotItsEngine() {
        // The city classes are not imported: as in a real module, they are known only by name.
        String report = violations(ArchitectureRules.CAPABILITIES_INDEPENDENT,
                ReachesIntoCity.class, ReadsCityModel.class, Shell.class);
        assertThat(report).contains("review reaches into city").contains("ReachesIntoCity")
                .doesNotContain("ReadsCityModel").doesNotContain("Shell");
    }

    @Test
    void sharedModulesNeverDependOnACapabilityButCapabilitiesMayUseThem() {
        String report = violations(ArchitectureRules.SHARED_MODULES_BELOW_CAPABILITIES, ReachesUpIntoCity.class,
                ReadsPlaces.class, District.class);
        assertThat(report).contains("ReachesUpIntoCity").doesNotContain("ReadsPlaces");
        assertThat(violations(ArchitectureRules.CAPABILITIES_INDEPENDENT, ReadsPlaces.class)).isEmpty();
    }

    @Test
    void onlyTheAppMayDependOnTheApp() {
        assertThat(violations(ArchitectureRules.ONLY_APP_SEES_EVERY_MODULE, KnowsApp.class, Shell.class))
                .contains("KnowsApp").doesNotContain("<dev.switchboard.app.Shell> depends");
    }

    @Test
    void modelAndEngineDependingOnEachOtherIsACycle() {
        assertThat(violations(ArchitectureRules.NO_PACKAGE_CYCLES, Job.class, JobQueue.class, District.class))
                .contains("Cycle").contains("studio");
    }

    @Test
    void aPublicStaticGetInstanceIsAViolation() {
        assertThat(violations(ArchitectureRules.NO_GLOBAL_SERVICE_LOCATORS, GlobalRegistry.class, RouteTable.class))
                .contains("GlobalRegistry.getInstance()");
    }

    @Test
    void everyRuleSaysWhy() {
        assertThat(ArchitectureRules.ALL).allSatisfy(rule -> assertThat(rule.getDescription()).contains("because"));
    }

    @Test
    void rulesPassWhenTheirPackagesDoNotExist() {
        JavaClasses onlyModel = new ClassFileImporter().importClasses(District.class);
        ArchitectureRules.check(onlyModel);
    }

    @Test
    void checkAllReportsEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> ArchitectureRules.check(new ClassFileImporter().importPackages("dev.switchboard")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JavaFxInEngine")
                .hasMessageContaining("ReachesIntoCity")
                .hasMessageContaining("KnowsApp")
                .hasMessageContaining("ReachesUpIntoCity")
                .hasMessageContaining("Cycle")
                .hasMessageContaining("getInstance");
    }

    @Test
    void checkAllRefusesARootPackageWithoutClasses() {
        assertThatThrownBy(() -> ArchitectureRules.checkAll("dev.switchboard.nosuchmodule"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No production classes found under dev.switchboard.nosuchmodule");
    }

    private static String violations(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
        return result.hasViolation() ? result.getFailureReport().toString() : "";
    }
}
