package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Checks a read definition as a whole before anything runs: ids used twice, {@code dependsOn} targets that do not
 * exist, cycles (with the tasks on them, found by JGraphT), unknown task types, parameters a type refuses, and
 * expressions that do not parse or reach for what they may not.
 */
final class WorkflowChecker {

    private final String file;
    private final TaskTypes types;
    private final Expressions expressions;
    private final List<Problem> problems;

    WorkflowChecker(String file, TaskTypes types, Expressions expressions, List<Problem> problems) {
        this.file = file;
        this.types = types;
        this.expressions = expressions;
        this.problems = problems;
    }

    void check(WorkflowDefinition def) {
        Set<String> all = new HashSet<>();
        def.allTasks().forEach(t -> {
            if (!all.add(t.id())) {
                problems.add(new Problem(file, t.line(), "tasks." + t.id(), "the id '" + t.id()
                        + "' is used by two tasks"));
            }
        });
        Map<String, List<TaskSpec>> lists = new java.util.LinkedHashMap<>();
        lists.put("tasks", def.tasks());
        lists.put("onFailure", def.onFailure());
        lists.put("finally", def.finallyTasks());
        lists.forEach((name, tasks) -> {
            checkGraph(name, tasks);
            for (int i = 0; i < tasks.size(); i++) {
                checkTask(name + "[" + i + "]", tasks.get(i), all);
            }
        });
    }

    private void checkGraph(String list, List<TaskSpec> tasks) {
        Map<String, TaskSpec> byId = new HashMap<>();
        tasks.forEach(t -> byId.putIfAbsent(t.id(), t));
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        byId.keySet().forEach(graph::addVertex);
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec t = tasks.get(i);
            for (String dep : t.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    problems.add(new Problem(file, t.line(), list + "[" + i + "].dependsOn", "'" + dep
                            + "' is not a task of " + list + suggestion(dep, byId.keySet())));
                } else if (dep.equals(t.id())) {
                    problems.add(new Problem(file, t.line(), list + "[" + i + "].dependsOn", "a task cannot depend"
                            + " on itself"));
                } else {
                    graph.addEdge(dep, t.id());
                }
            }
        }
        List<List<String>> cycles = new TarjanSimpleCycles<>(graph).findSimpleCycles();
        Set<Set<String>> reported = new HashSet<>();
        for (List<String> cycle : cycles) {
            if (!reported.add(new HashSet<>(cycle))) {
                continue;
            }
            List<String> path = new ArrayList<>(cycle);
            path.add(cycle.get(0));
            TaskSpec first = byId.get(cycle.get(0));
            problems.add(new Problem(file, first.line(), list, "a cycle: " + String.join(" → ", path)
                    + " (each waits for the next; remove one of these dependsOn)"));
        }
    }

    private void checkTask(String path, TaskSpec t, Set<String> ids) {
        TaskType type = types.find(t.type()).orElse(null);
        if (type == null) {
            problems.add(new Problem(file, t.line(), path + ".type", "unknown task type '" + t.type() + "'"
                    + suggestion(t.type(), types.all().keySet()) + " (known: "
                    + String.join(", ", types.all().keySet()) + ")"));
        } else {
            Map<String, Object> fixed = new HashMap<>();
            t.with().forEach((k, v) -> fixed.put(k, Expressions.isTemplate(v) ? "${…}" : v));
            for (String p : type.check(fixed)) {
                problems.add(new Problem(file, t.line(), path + ".with." + p.replaceFirst(":.*", ""),
                        p.replaceFirst("^[^:]*: ", "")));
            }
        }
        if (t.when() != null) {
            expressions.check(t.when(), ids).forEach(p -> problems.add(new Problem(file, t.line(), path + ".when",
                    "'" + t.when() + "' " + p)));
        }
        if (t.forEach() != null) {
            String items = t.forEach().items().strip();
            String expr = items.startsWith("${") && items.endsWith("}") ? items.substring(2, items.length() - 1)
                    : items;
            expressions.check(expr, ids).forEach(p -> problems.add(new Problem(file, t.line(),
                    path + ".forEach.items", "'" + items + "' " + p)));
        }
        checkValues(path + ".with", t.with(), ids, t.line());
        if (t.compensate() != null) {
            checkTask(path + ".compensate", t.compensate(), ids);
        }
    }

    private void checkValues(String path, Object value, Set<String> ids, int line) {
        if (value instanceof String s && s.contains("${")) {
            expressions.checkTemplate(s, ids).forEach(p -> problems.add(new Problem(file, line, path,
                    "'" + s + "' " + p)));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> checkValues(path + "." + k, v, ids, line));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                checkValues(path + "[" + i + "]", l.get(i), ids, line);
            }
        }
    }

    private static String suggestion(String wrong, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? " (did you mean '" + best + "'?)"
                : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
