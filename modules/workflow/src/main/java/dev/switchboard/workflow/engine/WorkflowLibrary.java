package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workflows a workstation offers: the bundled ones (listed in {@code workflows/index.txt} on the class path)
 * and the {@code .yaml} files of the folders given, which override a bundled workflow of the same id. A file with
 * a mistake is left out and reported; the rest still load.
 */
public final class WorkflowLibrary {

    static final String BUNDLED = "workflows/";

    private final Map<String, WorkflowDefinition> byId = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private WorkflowLibrary() {
    }

    /** Loads the bundled workflows and those in {@code folders} (missing folders are skipped). */
    public static WorkflowLibrary load(Collection<Path> folders, TaskTypes types, Expressions expressions) {
        WorkflowLibrary lib = new WorkflowLibrary();
        for (String name : bundledNames()) {
            try (InputStream in = WorkflowLibrary.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
                if (in == null) {
                    lib.problems.add(new Problem(BUNDLED + name, 0, "", "listed in index.txt but not in the program"));
                    continue;
                }
                lib.add(BUNDLED + name, new String(in.readAllBytes(), StandardCharsets.UTF_8), types, expressions);
            } catch (IOException e) {
                lib.problems.add(new Problem(BUNDLED + name, 0, "", "cannot be read: " + e.getMessage()));
            }
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .sorted().toList()) {
                    lib.add(file.toString(), read(file, lib.problems), types, expressions);
                }
            } catch (IOException e) {
                lib.problems.add(new Problem(folder.toString(), 0, "", "cannot be listed: " + e.getMessage()));
            }
        }
        return lib;
    }

    /** The names in the bundled {@code index.txt}, in order. */
    public static List<String> bundledNames() {
        try (InputStream in = WorkflowLibrary.class.getClassLoader().getResourceAsStream(BUNDLED + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Reads one file, refusing one that is too big before reading it whole. */
    static String read(Path file, List<Problem> problems) {
        try {
            long size = Files.size(file);
            if (size > YamlNodes.MAX_BYTES) {
                problems.add(new Problem(file.toString(), 1, "", "the file is " + (size / 1024) + " KB; a workflow"
                        + " definition may be at most " + (YamlNodes.MAX_BYTES / 1024) + " KB"));
                return "";
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "", "cannot be read: " + e.getMessage()));
            return "";
        }
    }

    private void add(String file, String yaml, TaskTypes types, Expressions expressions) {
        if (yaml.isEmpty()) {
            return;
        }
        WorkflowReader.Result r = new WorkflowReader(file).read(yaml, types, expressions);
        problems.addAll(r.problems());
        r.definition().ifPresent(d -> byId.put(d.id(), d));
    }

    /** The workflows that loaded, bundled first, in order. */
    public List<WorkflowDefinition> workflows() {
        return List.copyOf(byId.values());
    }

    public Optional<WorkflowDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every mistake found, as {@code file:line: field: message}. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
