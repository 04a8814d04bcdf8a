package dev.switchboard.store.integrity;

import dev.switchboard.core.id.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A note on a key's checkpoint chain, signed with that key when its seat moved to a server: the chains it names
 * stayed in the seat's own file (the seat's audit trail, when the server already had one), so the checkpoints before
 * the note no longer vouch for the server's chains of those names.
 *
 * <pre>
 * Switchboard event-log checkpoints moved
 * version: 1
 * key: 3f2a-91c0-...
 * last: (SHA-256 of the last checkpoint before the note)
 * left on the seat: 1
 * audit
 * </pre>
 */
record MovedNote(String keyFingerprint, String last, List<SessionId> left, String text, byte[] signature,
                 byte[] publicKey) {

    static final String TITLE = "Switchboard event-log checkpoints moved";

    MovedNote {
        left = List.copyOf(left);
    }

    static String text(String key, String last, List<SessionId> left) {
        StringBuilder b = new StringBuilder(TITLE).append('\n')
                .append("version: 1\n")
                .append("key: ").append(key).append('\n')
                .append("last: ").append(last).append('\n')
                .append("left on the seat: ").append(left.size()).append('\n');
        left.forEach(c -> b.append(c.value()).append('\n'));
        return b.toString();
    }

    /** Reads the text back; empty when it is not a note's text. */
    static Optional<MovedNote> parse(String text, byte[] signature, byte[] publicKey) {
        try {
            List<String> lines = text.lines().toList();
            if (lines.size() < 5 || !lines.get(0).equals(TITLE) || !lines.get(1).equals("version: 1")
                    || !lines.get(2).startsWith("key: ") || !lines.get(3).startsWith("last: ")
                    || !lines.get(4).startsWith("left on the seat: ")) {
                return Optional.empty();
            }
            int count = Integer.parseInt(lines.get(4).substring("left on the seat: ".length()));
            if (lines.size() != 5 + count) {
                return Optional.empty();
            }
            List<SessionId> left = new ArrayList<>();
            lines.subList(5, lines.size()).forEach(l -> left.add(new SessionId(l)));
            return Optional.of(new MovedNote(lines.get(2).substring(5), lines.get(3).substring(6), left, text,
                    signature, publicKey));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the signature is valid for the text under the public key it carries, and the key is the one named. */
    boolean signatureValid() {
        return CheckpointKey.fingerprint(publicKey).equals(keyFingerprint)
                && CheckpointKey.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), signature);
    }
}
