package dev.switchboard.uikit;

import dev.switchboard.core.account.Role;
import javafx.scene.layout.Pane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Small workspaces for registry tests; two of them are registered as services in the test resources. */
final class TestWorkspaces {

    private TestWorkspaces() {
    }

    /** A workspace with the given facts. */
    static Workspace of(String id, int order, Role minimum) {
        return new Fixed(id, order, minimum);
    }

    static class Fixed implements Workspace {
        private final String id;
        private final int order;
        private final Role minimum;

        Fixed(String id, int order, Role minimum) {
            this.id = id;
            this.order = order;
            this.minimum = minimum;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public Ikon icon() {
            return Material2AL.DASHBOARD;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public boolean availableTo(Role role) {
            return role.atLeast(minimum);
        }

        @Override
        public WorkspaceView create(WorkspaceContext ctx) {
            Pane pane = new Pane();
            return () -> pane;
        }
    }

    /** Registered as a service: supervisors and up. */
    public static final class Review extends Fixed {
        public Review() {
            super("review", 30, Role.SUPERVISOR);
        }

        @Override
        public Ikon icon() {
            return Material2MZ.RATE_REVIEW;
        }
    }

    /** Registered as a service: everyone. */
    public static final class Calls extends Fixed {
        public Calls() {
            super("calls", 20, Role.TRAINEE);
        }
    }

    /** Not registered; shares its id with {@link Calls}. */
    public static final class OtherCalls extends Fixed {
        public OtherCalls() {
            super("calls", 99, Role.TRAINEE);
        }
    }
}
