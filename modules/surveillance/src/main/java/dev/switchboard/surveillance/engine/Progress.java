package dev.switchboard.surveillance.engine;

/** Receives progress of long work (generating, indexing, embedding, rebuilding); called from background threads. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is running, in words ("indexing", "embedding descriptions", "rebuilding the index")
     * @param total 0 when not known
     */
    void update(String stage, long done, long total);
}
