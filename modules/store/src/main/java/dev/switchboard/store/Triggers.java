package dev.switchboard.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The triggers that keep the event log append-only, as the migrations created them. Anyone who can write the file
 * can drop them, so {@code db check} compares what the database holds with this list: a trigger missing, altered or
 * added on {@code event_log} is reported.
 */
final class Triggers {

    /** Name to SQL, exactly as {@code V1__init.sql} creates them (compared with whitespace and case folded). */
    static final Map<String, String> EXPECTED = expected();

    private Triggers() {
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("event_log_no_update", """
                CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
                BEGIN
                    SELECT RAISE(ABORT, 'event_log is append-only: UPDATE is not allowed');
                END""");
        m.put("event_log_no_delete", """
                CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
                BEGIN
                    SELECT RAISE(ABORT, 'event_log is append-only: DELETE is not allowed');
                END""");
        return m;
    }

    /** What differs from {@link #EXPECTED}, one line each; empty when the triggers are in place. */
    static List<String> problems(Handle h) {
        Map<String, String> found = new LinkedHashMap<>();
        h.createQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event_log' "
                        + "ORDER BY name")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        List<String> out = new ArrayList<>();
        EXPECTED.forEach((name, sql) -> {
            String have = found.remove(name);
            if (have == null) {
                out.add("trigger " + name + " is missing: the event log can be " + (name.endsWith("update")
                        ? "edited" : "deleted from") + " without the database refusing");
            } else if (!normal(have).equals(normal(sql))) {
                out.add("trigger " + name + " was altered: " + normal(have));
            }
        });
        found.keySet().forEach(name -> out.add("trigger " + name + " on event_log was added; the program has no "
                + "such trigger"));
        return out;
    }

    private static String normal(String sql) {
        return sql.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
