package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.SwitchboardException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceRegistryTest {

    @Test
    void ordersByOrderThenId() {
        WorkspaceRegistry registry = new WorkspaceRegistry(List.of(
                TestWorkspaces.of("studio", 50, Role.INSTRUCTOR),
                TestWorkspaces.of("review", 30, Role.SUPERVISOR),
                TestWorkspaces.of("city", 10, Role.TRAINEE),
                TestWorkspaces.of("calltaking", 10, Role.TRAINEE)));

        assertThat(registry.all()).extracting(Workspace::id).containsExactly("calltaking", "city", "review", "studio");
    }

    @Test
    void filtersByRoleKeepingTheOrder() {
        WorkspaceRegistry registry = new WorkspaceRegistry(List.of(
                TestWorkspaces.of("studio", 50, Role.INSTRUCTOR),
                TestWorkspaces.of("review", 30, Role.SUPERVISOR),
                TestWorkspaces.of("city", 10, Role.TRAINEE)));

        assertThat(registry.availableTo(Role.TRAINEE)).extracting(Workspace::id).containsExactly("city");
        assertThat(registry.availableTo(Role.SUPERVISOR)).extracting(Workspace::id).containsExactly("city", "review");
        assertThat(registry.availableTo(Role.INSTRUCTOR)).hasSize(3);
    }

    @Test
    void findsById() {
        WorkspaceRegistry registry = new WorkspaceRegistry(List.of(TestWorkspaces.of("city", 10, Role.TRAINEE)));

        assertThat(registry.byId("city")).map(Workspace::order).contains(10);
        assertThat(registry.byId("nowhere")).isEmpty();
    }

    @Test
    void refusesTwoWorkspacesWithOneIdNamingBothClasses() {
        List<Workspace> clash = List.of(new TestWorkspaces.Calls(), new TestWorkspaces.OtherCalls());

        assertThatThrownBy(() -> new WorkspaceRegistry(clash))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'calls'")
                .hasMessageContaining(TestWorkspaces.Calls.class.getName())
                .hasMessageContaining(TestWorkspaces.OtherCalls.class.getName());
    }

    @Test
    void loadsProvidersThroughServiceLoader() {
        WorkspaceRegistry registry = new WorkspaceRegistry(getClass().getClassLoader());

        assertThat(registry.all()).extracting(Workspace::id).containsExactly("calls", "review");
        assertThat(registry.all()).hasExactlyElementsOfTypes(TestWorkspaces.Calls.class, TestWorkspaces.Review.class);
    }
}
