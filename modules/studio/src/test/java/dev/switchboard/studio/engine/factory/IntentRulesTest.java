package dev.switchboard.studio.engine.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.IntentType;
import org.junit.jupiter.api.Test;

class IntentRulesTest {

    @Test
    void everyPartComesWithTheWordsItCameFrom() {
        Intent i = IntentRules.read("Create a REST API in Java to track incidents and units, with search and email "
                + "alerts, stored in PostgreSQL, for 5,000 users");

        assertThat(i.type()).isEqualTo(IntentType.CREATE_APPLICATION);
        assertThat(i.typeWords().words()).contains("Create a REST API");
        assertThat(i.app()).isEqualTo(AppType.API);
        assertThat(i.entities()).extracting(Evidence::value).containsExactly("Incident", "Unit");
        assertThat(i.entities().get(0).words()).contains("track incidents and units");
        assertThat(i.technologies()).extracting(Evidence::value).contains("Java", "PostgreSQL");
        assertThat(i.features()).extracting(Evidence::value).contains("search", "notifications");
        assertThat(i.features()).filteredOn(f -> f.value().equals("notifications")).first()
                .extracting(Evidence::words).asString().contains("email alerts");
        assertThat(i.constraints()).extracting(Evidence::value).contains("users: 5,000");
        assertThat(i.name()).isEqualTo("Incident service");
        assertThat(i.source()).isEqualTo("rules");
    }

    @Test
    void applicationTypesAndIntentTypesAreTold() {
        assertThat(IntentRules.read("Build a mobile app for booking shifts").app()).isEqualTo(AppType.MOBILE);
        assertThat(IntentRules.read("I need microservices for orders and payments").app())
                .isEqualTo(AppType.MICROSERVICE);
        assertThat(IntentRules.read("Make a command-line tool that lists backups").app()).isEqualTo(AppType.CLI);
        assertThat(IntentRules.read("A web dashboard of ambulances").app()).isEqualTo(AppType.WEB);
        assertThat(IntentRules.read("Write unit tests for the billing module").type())
                .isEqualTo(IntentType.GENERATE_TESTS);
        assertThat(IntentRules.read("Add export to PDF to the reports page").type()).isEqualTo(IntentType.ADD_FEATURE);
        assertThat(IntentRules.read("Generate a login component in React").type())
                .isEqualTo(IntentType.GENERATE_COMPONENT);
        assertThat(IntentRules.read("Build an app called Shift Board for nurses").name()).isEqualTo("Shift Board");
    }

    @Test
    void badIntentsAreRefusedWithTheWayOut() {
        assertThatThrownBy(() -> IntentRules.read("   ")).isInstanceOf(InputException.class)
                .hasMessageContaining("intent").hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> IntentRules.read("a".repeat(100 * 1024))).isInstanceOf(InputException.class)
                .hasMessageContaining("102,400 characters").hasMessageContaining("20,000");
        assertThatThrownBy(() -> IntentRules.read("qwzx plorb fnarg")).isInstanceOf(InputException.class)
                .hasMessageContaining("no application, feature or component recognised")
                .hasMessageContaining("e.g. 'Create a REST API");
    }

    @Test
    void javaKeywordsAndTheProjectsOwnNamesNeverBecomeTypes() {
        Intent i = IntentRules.read("Create an API to manage classes, records and int");

        assertThat(i.entities()).extracting(Evidence::value).doesNotContain("Class", "Record", "Int");
        assertThat(IntentRules.typeName("fire-truck")).isEqualTo("FireTruck");
        assertThat(IntentRules.singular("parties")).isEqualTo("party");
        assertThat(IntentRules.singular("status")).isEqualTo("status");
    }
}
