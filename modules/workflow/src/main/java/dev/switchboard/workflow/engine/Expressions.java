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

/**
 * Conditions ({@code when}) and parameter values ({@code ${…}}) through Apache Commons JEXL with a sandbox: no
 * method calls, no {@code new}, no loops, no assignments, no lambdas, no pragmas, only the names {@code inputs},
 * {@code tasks}, {@code item}, {@code index}, {@code run} and {@code event}, and permissions that let the
 * engine touch only maps, lists, text, numbers and booleans (no reflection, class loading, files, network or
 * processes) on top. Expressions read the data they are given and
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
        this.jexl = new JexlBuilder()
                .features(features)
                .permissions(new DataOnly())
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
            return plain(jexl.createExpression(expression).evaluate(context(vars)));
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

    /** JEXL's array literals and sets as lists, so outputs stay JSON-like. */
    private static Object plain(Object value) {
        if (value != null && value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(plain(java.lang.reflect.Array.get(value, i)));
            }
            return out;
        }
        if (value instanceof java.util.Set<?> set) {
            return new ArrayList<>(set);
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

    /**
     * What an expression may touch: maps, lists, text, numbers and booleans, through their public methods other
     * than those that reach the class or the outside (getClass, wait, notify…); no constructors, no fields, no other
     * class. JEXL uses these to read a map's key or a list's size; expressions themselves cannot call methods.
     */
    private static final class DataOnly implements JexlPermissions {
        private static final Set<String> REFUSED = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode",
                "describeConstable", "resolveConstantDesc", "chars", "codePoints");

        @Override
        public boolean allow(Class<?> c) {
            return c != null && (Map.class.isAssignableFrom(c) || java.util.Collection.class.isAssignableFrom(c)
                    || c == String.class || Number.class.isAssignableFrom(c) || c == Boolean.class
                    || c == Character.class || c == Object.class || c.isArray() || java.util.Iterator.class
                    .isAssignableFrom(c) || c == Map.Entry.class);
        }

        @Override
        public boolean allow(java.lang.reflect.Constructor<?> c) {
            return false;
        }

        @Override
        public boolean allow(java.lang.reflect.Field f) {
            return false;
        }

        @Override
        public boolean allow(java.lang.reflect.Method m) {
            return m != null && allow(m.getDeclaringClass()) && !REFUSED.contains(m.getName());
        }

        @Override
        public boolean allow(Package p) {
            return p != null && (p.getName().equals("java.util") || p.getName().equals("java.lang"));
        }

        @Override
        public JexlPermissions compose(String... src) {
            return this;
        }
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
