package dev.switchboard.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JxltEngine;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Conditions ({@code when}) and parameter values ({@code ${…}}) through Apache Commons JEXL with a sandbox: no
 * method calls, no {@code new}, no loops, no assignments, no lambdas, no pragmas, only the names {@code inputs},
 * {@code tasks}, {@code item}, {@code index}, {@code run} and {@code event}, and JEXL's restricted permissions
 * (no reflection, class loading, files, network or processes) on top. Expressions read the data they are given and
 * compute with operators; they can call nothing. Thread-safe.
 */
public final class Expressions {

    /** The names an expression may start from. */
    public static final Set<String> ROOTS = Set.of("inputs", "tasks", "item", "index", "run", "event");

    private static final Pattern WHOLE = Pattern.compile("^\\$\\{([^{}]*)}$");
    private static final int MAX_LENGTH = 2000;

    private final JexlEngine jexl;
    private final JxltEngine templates;

    public Expressions() {
        JexlFeatures features = new JexlFeatures()
                .loops(false)
                .sideEffect(false)
                .sideEffectGlobal(false)
                .newInstance(false)
                .methodCall(false)
                .lambda(false)
                .pragma(false)
                .annotation(false)
                .register(false)
                .localVar(false)
                .script(false);
        JexlSandbox sandbox = new JexlSandbox(false, true);
        for (Class<?> allowed : List.of(Map.class, List.class, java.util.Collection.class, String.class,
                Number.class, Boolean.class, Character.class)) {
            sandbox.permissions(allowed.getName(), true, true, false, false);
        }
        this.jexl = new JexlBuilder()
                .features(features)
                .permissions(JexlPermissions.RESTRICTED)
                .sandbox(sandbox)
                .strict(true)
                .safe(true)
                .silent(false)
                .cache(1024)
                .create();
        this.templates = jexl.createJxltEngine(false);
    }

    /**
     * Checks an expression without running it.
     *
     * @param knownTasks the task ids a {@code tasks.X} reference may name
     * @return problems in words; empty when fine
     */
    public List<String> check(String expression, Set<String> knownTasks) {
        List<String> out = new ArrayList<>();
        if (expression == null || expression.isBlank()) {
            out.add("is empty");
            return out;
        }
        if (expression.length() > MAX_LENGTH) {
            out.add("is longer than " + MAX_LENGTH + " characters");
            return out;
        }
        try {
            JexlExpression parsed = jexl.createExpression(expression);
            checkVariables(((org.apache.commons.jexl3.JexlScript) parsed).getVariables(), knownTasks, out);
        } catch (JexlException e) {
            out.add(explain(e));
        } catch (ClassCastException e) {
            // Not a script-backed expression; variables cannot be listed, the parse itself succeeded.
        }
        return out;
    }

    /** Checks a parameter value that may hold {@code ${…}} parts. */
    public List<String> checkTemplate(String text, Set<String> knownTasks) {
        List<String> out = new ArrayList<>();
        if (!text.contains("${")) {
            return out;
        }
        Matcher whole = WHOLE.matcher(text.strip());
        if (whole.matches()) {
            return check(whole.group(1), knownTasks);
        }
        try {
            JxltEngine.Expression t = templates.createExpression(text);
            checkVariables(t.getVariables(), knownTasks, out);
        } catch (JexlException e) {
            out.add("not a valid ${…} template: " + firstLine(e.getMessage()));
        }
        return out;
    }

    /** Whether {@code text} holds any {@code ${…}} part. */
    public static boolean isTemplate(Object value) {
        return value instanceof String s && s.contains("${");
    }

    /**
     * Evaluates a condition.
     *
     * @throws ExpressionException naming the expression and what went wrong
     */
    public boolean test(String expression, Map<String, Object> vars) {
        Object value = evaluate(expression, vars);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return false;
        }
        throw new ExpressionException("'" + expression + "' gave " + value + ", not true or false");
    }

    /** Evaluates one expression. */
    public Object evaluate(String expression, Map<String, Object> vars) {
        try {
            return jexl.createExpression(expression).evaluate(context(vars));
        } catch (JexlException e) {
            throw new ExpressionException("'" + expression + "': " + explain(e), e);
        }
    }

    /**
     * A parameter value with its expressions worked out: {@code "${x}"} alone gives x's value as it is, text with
     * {@code ${…}} parts gives text; maps and lists are worked out item by item; anything else is returned as is.
     */
    public Object resolve(Object value, Map<String, Object> vars) {
        if (value instanceof String s) {
            if (!s.contains("${")) {
                return s;
            }
            Matcher whole = WHOLE.matcher(s.strip());
            if (whole.matches()) {
                return evaluate(whole.group(1), vars);
            }
            try {
                JxltEngine.Expression t = templates.createExpression(s);
                Object out = t.evaluate(context(vars));
                return out == null ? "" : out.toString();
            } catch (JexlException e) {
                throw new ExpressionException("'" + s + "': " + firstLine(e.getMessage()), e);
            }
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, vars)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(resolve(v, vars)));
            return out;
        }
        return value;
    }

    private static JexlContext context(Map<String, Object> vars) {
        return new MapContext(new java.util.HashMap<>(vars));
    }

    private static void checkVariables(Set<List<String>> variables, Set<String> knownTasks, List<String> out) {
        for (List<String> path : variables) {
            if (path.isEmpty()) {
                continue;
            }
            String root = path.get(0);
            if (!ROOTS.contains(root)) {
                out.add("unknown name '" + root + "': expressions may only read " + String.join(", ",
                        new java.util.TreeSet<>(ROOTS)) + " (no Java classes, files or programs)");
            } else if (root.equals("tasks") && path.size() > 1 && knownTasks != null
                    && !knownTasks.contains(path.get(1))) {
                out.add("refers to task '" + path.get(1) + "', which this workflow does not have");
            }
        }
    }

    private static String explain(JexlException e) {
        if (e instanceof JexlException.Feature) {
            return "uses something expressions may not (" + firstLine(e.getMessage()).replaceAll(".*: ", "")
                    + "): no method calls, new objects, loops or assignments";
        }
        if (e instanceof JexlException.Parsing || e instanceof JexlException.Tokenization) {
            return "is not a valid expression: " + firstLine(e.getMessage()).replaceAll("^.*?@\\d+:\\d+ ", "");
        }
        return firstLine(e.getMessage()).replaceAll("^.*?@\\d+:\\d+ ", "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "error";
        }
        String line = message.strip().lines().findFirst().orElse("error");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** An expression that cannot be worked out, with the reason in words. */
    public static final class ExpressionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ExpressionException(String message) {
            super(message);
        }

        public ExpressionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
