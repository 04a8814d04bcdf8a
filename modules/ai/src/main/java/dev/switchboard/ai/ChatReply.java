package dev.switchboard.ai;

import java.util.Objects;

/** A complete answer and where it came from. */
public record ChatReply(String text, Provenance provenance) {

    public ChatReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provenance, "provenance");
    }
}
