package dev.switchboard.studio.model.factory;

import java.util.List;
import java.util.Objects;

/**
 * The high-level design: the pattern and why, the components in their layers, how they relate, the directory
 * structure and the interface contracts.
 */
public record Architecture(ArchitecturePattern pattern, String why, List<Component> components,
                           List<Relation> relations, List<String> directories, List<Contract> contracts,
                           List<String> stack) {

    public Architecture {
        Objects.requireNonNull(pattern, "pattern");
        components = List.copyOf(components);
        relations = List.copyOf(relations);
        directories = List.copyOf(directories);
        contracts = List.copyOf(contracts);
        stack = List.copyOf(stack);
    }

    /**
     * One component.
     *
     * @param layer 0 for the outermost (what users or clients touch), higher inwards; the diagram draws rows
     */
    public record Component(String name, int layer, String kind, String responsibility) {
    }

    /** An arrow of the diagram: {@code from} uses {@code to} in the way {@code kind} says ("calls", "stores in"). */
    public record Relation(String from, String to, String kind) {
    }

    /** An interface between components and its operations (Java-like signatures). */
    public record Contract(String name, String owner, List<String> operations) {

        public Contract {
            operations = List.copyOf(operations);
        }
    }
}
