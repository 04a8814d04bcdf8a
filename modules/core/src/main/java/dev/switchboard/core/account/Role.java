package dev.switchboard.core.account;

/** What a person at the workstation is allowed to do. */
public enum Role {
    /** Takes calls and works exercises; sees only their own sessions. */
    TRAINEE("Trainee"),
    /** Reviews, grades and signs off sessions of all trainees. */
    SUPERVISOR("Supervisor"),
    /** Everything a supervisor can, plus accounts, scenarios, workflows and the audit log. */
    INSTRUCTOR("Instructor");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }
}
