package dev.switchboard.workflow.model;

import java.util.Objects;

/**
 * Runs a task once per item of a list: {@code items} is an expression giving the list; each copy sees
 * {@code item} and {@code index}.
 *
 * @param concurrency how many copies run at once when {@code parallel}; 0 for the workflow's limit
 */
public record ForEach(String items, boolean parallel, int concurrency) {

    public ForEach {
        Objects.requireNonNull(items, "items");
    }
}
