package dev.switchboard.workflow.model;

import dev.switchboard.core.settings.Setting;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Settings of the workflows, kept with the others in the store; instructors change them in Settings. */
public final class WorkflowSettings {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._-]+:\\d{1,5}");

    /**
     * The Temporal service new workflow runs go to, {@code host:port}; empty (the default) keeps them on this
     * workstation's own engine. {@code --temporal} and {@code SWITCHBOARD_TEMPORAL} override it.
     */
    public static final Setting<String> TEMPORAL_ADDRESS = new Setting<>("workflow.temporal.address", "",
            String::strip, Function.identity(), v -> {
                if (!v.isEmpty() && !ADDRESS.matcher(v).matches()) {
                    throw new IllegalArgumentException("The Temporal address must be host:port (e.g. localhost:7233),"
                            + " or empty for this workstation's own engine; was '" + v + "'");
                }
            });

    /** The Temporal namespace; {@code default} unless the service keeps the centre's workflows in another. */
    public static final Setting<String> TEMPORAL_NAMESPACE = Setting.ofString("workflow.temporal.namespace",
            "default");

    /** The task queue this workstation's worker takes its workflow tasks from. */
    public static final Setting<String> TEMPORAL_TASK_QUEUE = Setting.ofString("workflow.temporal.taskQueue",
            "switchboard-workflows");

    private WorkflowSettings() {
    }
}
