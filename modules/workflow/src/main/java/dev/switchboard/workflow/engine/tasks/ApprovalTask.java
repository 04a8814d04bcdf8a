package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.engine.Gates;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An approval gate: waits for a person of one of the named roles to approve or reject, filling in a typed form.
 * At the deadline it approves, rejects or escalates to instructors. Decisions go to the audit chain.
 */
final class ApprovalTask implements TaskType {

    static final List<String> ROLES = List.of("TRAINEE", "SUPERVISOR", "INSTRUCTOR");

    @Override
    public String name() {
        return "approval";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Approval gate", "Waits for a person to approve or reject, with a form.",
                List.of(Param.required("title", "text", "What is asked"),
                        Param.optional("message", "text", "More words for the person deciding"),
                        Param.optional("form", "list", "Fields: name, label, type (string, number, boolean, enum),"
                                + " required, default, values"),
                        Param.optional("roles", "list", "Who may decide: SUPERVISOR, INSTRUCTOR (default both)"),
                        Param.optional("deadline", "duration", "How long to wait, e.g. 10m"),
                        new Param("onDeadline", "choice", false, "At the deadline", List.of("escalate", "approve",
                                "reject")),
                        new Param("onReject", "choice", false, "A rejection fails the run, or continues with"
                                + " approved = false", List.of("fail", "continue"))), true, false);
    }

    @Override
    public List<String> check(Map<String, Object> with) {
        List<String> out = new ArrayList<>(info().checkRequired(with));
        if (with.get("roles") instanceof List<?> roles) {
            for (Object r : roles) {
                if (!ROLES.contains(String.valueOf(r))) {
                    out.add("roles: '" + r + "' is not one of " + String.join(", ", ROLES));
                }
            }
        }
        if (with.get("form") instanceof List<?> form) {
            for (Object f : form) {
                if (!(f instanceof Map<?, ?> m) || m.get("name") == null) {
                    out.add("form: each field needs a name");
                } else if (m.get("type") != null && !Gates.FIELD_TYPES.contains(m.get("type").toString())) {
                    out.add("form: field '" + m.get("name") + "' has type '" + m.get("type") + "', not one of "
                            + String.join(", ", Gates.FIELD_TYPES));
                }
            }
        } else if (with.get("form") != null) {
            out.add("form: must be a list of fields");
        }
        for (String choice : List.of("onDeadline", "onReject")) {
            Object v = with.get(choice);
            Param p = info().parameters().stream().filter(x -> x.name().equals(choice)).findFirst().orElseThrow();
            if (v != null && !p.choices().contains(v.toString())) {
                out.add(choice + ": must be one of " + String.join(", ", p.choices()));
            }
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Map<String, Object> p = ctx.params();
        List<Map<String, Object>> form = p.get("form") instanceof List<?> l
                ? l.stream().map(f -> (Map<String, Object>) f).toList() : List.of();
        List<String> roles = p.get("roles") instanceof List<?> r ? r.stream().map(String::valueOf).toList()
                : List.of("SUPERVISOR", "INSTRUCTOR");
        Duration deadline = BuiltInTasks.duration(p.get("deadline"), null);
        Instant at = deadline == null ? null : ctx.now().plus(deadline);
        return ctx.awaitApproval(new TaskContext.ApprovalRequest(BuiltInTasks.text(p.get("title"), ctx.taskKey()),
                BuiltInTasks.text(p.get("message"), ""), form, roles, at,
                BuiltInTasks.text(p.get("onDeadline"), "escalate"), BuiltInTasks.text(p.get("onReject"), "fail")));
    }
}
