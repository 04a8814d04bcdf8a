package dev.switchboard.ai;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a GPU worker can make; a job runs only on a worker that has every capability it needs. */
public enum WorkerCapability {
    /** Still images from a prompt. */
    IMAGE("image"),
    /** Starting from a given picture: image-to-image, and image-to-video together with {@link #VIDEO}. */
    IMAGE_TO_IMAGE("image-to-image"),
    /** Short video clips from a prompt. */
    VIDEO("video");

    private final String label;

    WorkerCapability(String label) {
        this.label = label;
    }

    /** The word shown to users and kept in the database, e.g. {@code image-to-image}. */
    public String label() {
        return label;
    }

    /** The capability whose {@link #label()} is {@code text} (ignoring case), or empty. */
    public static java.util.Optional<WorkerCapability> fromLabel(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (WorkerCapability c : values()) {
            if (c.label.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** Labels joined with commas in declaration order, e.g. {@code image,image-to-image}. */
    public static String join(Set<WorkerCapability> capabilities) {
        StringBuilder out = new StringBuilder();
        for (WorkerCapability c : EnumSet.copyOf(capabilities.isEmpty() ? EnumSet.noneOf(WorkerCapability.class)
                : capabilities)) {
            out.append(out.isEmpty() ? "" : ",").append(c.label);
        }
        return out.toString();
    }
}
