package dev.switchboard.studio.model.generation;

import dev.switchboard.core.event.DomainEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Posted by the studio when an instructor offers a generated picture or clip to another workspace: as a scenario
 * image, a camera still for surveillance, or an attachment of an incident. The workspace that owns the target
 * listens for it; the studio imports none of them.
 *
 * @param target what it is for, e.g. an incident's reference; empty when the use needs none
 * @param file the picture (for a clip, its still when it has one, else the clip)
 * @param sha256 the file's SHA-256, so the receiver can check what it got
 */
public record GalleryItemUsed(GalleryUse use, String jobId, String target, Path file, String mediaType, String sha256,
                              String prompt, String usedBy, Instant at) implements DomainEvent {

    public GalleryItemUsed {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(at, "at");
        target = target == null ? "" : target;
    }
}
