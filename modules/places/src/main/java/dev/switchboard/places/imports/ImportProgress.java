package dev.switchboard.places.imports;

/** Receives progress of a long import, e.g. to print it; called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    /** Progress that goes nowhere. */
    ImportProgress NONE = (stage, detail) -> { };

    /**
     * @param stage  what is being read, e.g. {@code roads}
     * @param detail how far it got, e.g. {@code 120000 ways read}
     */
    void step(String stage, String detail);
}
