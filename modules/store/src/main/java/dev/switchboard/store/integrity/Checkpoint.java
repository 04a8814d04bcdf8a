package dev.switchboard.store.integrity;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.ChainHead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One signed checkpoint of the event log: the heads (length and last hash) of the chains that changed since the
 * checkpoint before, in a fixed text form that is what the signature covers and what is printed for a paper record.
 *
 * <pre>
 * Switchboard event-log checkpoint
 * version: 1
 * number: 12
 * taken: 2025-04-01T09:30:00Z
 * key: 3f2a-91c0-...
 * previous: (SHA-256 of checkpoint 11's text, or "none")
 * chains: 1204
 * entries: 5123977
 * changed: 2
 * 01JQ... 5150 9c1e...
 * audit 881 47aa...
 * </pre>
 *
 * @param text      the signed text
 * @param signature Ed25519 over the text's UTF-8 bytes
 * @param publicKey the signer's X.509 public key
 */
public record Checkpoint(long number, Instant taken, String keyFingerprint, String previous, int chains,
                         long entries, List<ChainHead> changed, String text, byte[] signature, byte[] publicKey) {

    static final String TITLE = "Switchboard event-log checkpoint";

    public Checkpoint {
        changed = List.copyOf(changed);
    }

    /** Builds the text of a checkpoint. */
    static String text(long number, Instant taken, String key, String previous, int chains, long entries,
                       List<ChainHead> changed) {
        StringBuilder b = new StringBuilder(64 + changed.size() * 100);
        b.append(TITLE).append('\n')
                .append("version: 1\n")
                .append("number: ").append(number).append('\n')
                .append("taken: ").append(taken).append('\n')
                .append("key: ").append(key).append('\n')
                .append("previous: ").append(previous).append('\n')
                .append("chains: ").append(chains).append('\n')
                .append("entries: ").append(entries).append('\n')
                .append("changed: ").append(changed.size()).append('\n');
        for (ChainHead h : changed) {
            b.append(h.chain().value()).append(' ').append(h.seq()).append(' ').append(h.hashHex()).append('\n');
        }
        return b.toString();
    }

    /** Reads the text back; empty when it is not a checkpoint's text. */
    static Optional<Checkpoint> parse(String text, byte[] signature, byte[] publicKey) {
        try {
            List<String> lines = text.lines().toList();
            if (lines.size() < 9 || !lines.get(0).equals(TITLE) || !lines.get(1).equals("version: 1")) {
                return Optional.empty();
            }
            long number = Long.parseLong(value(lines.get(2), "number"));
            Instant taken = Instant.parse(value(lines.get(3), "taken"));
            String key = value(lines.get(4), "key");
            String previous = value(lines.get(5), "previous");
            int chains = Integer.parseInt(value(lines.get(6), "chains"));
            long entries = Long.parseLong(value(lines.get(7), "entries"));
            int count = Integer.parseInt(value(lines.get(8), "changed"));
            if (lines.size() != 9 + count) {
                return Optional.empty();
            }
            List<ChainHead> changed = new ArrayList<>(count);
            for (String line : lines.subList(9, lines.size())) {
                String[] f = line.split(" ");
                changed.add(new ChainHead(new SessionId(f[0]), Long.parseLong(f[1]), HexFormat.of().parseHex(f[2])));
            }
            return Optional.of(new Checkpoint(number, taken, key, previous, chains, entries, changed, text,
                    signature, publicKey));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String value(String line, String name) {
        if (!line.startsWith(name + ": ")) {
            throw new IllegalArgumentException("expected " + name);
        }
        return line.substring(name.length() + 2);
    }

    /** Whether the signature is valid for the text under the public key it carries, and the key is the one named. */
    public boolean signatureValid() {
        return CheckpointKey.fingerprint(publicKey).equals(keyFingerprint)
                && CheckpointKey.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** SHA-256 of the text, hex: what the next checkpoint names as {@code previous} and a paper record keeps. */
    public String digest() {
        return digest(text);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The record to print and file: what the checkpoint covers, its digest and signature, and the key's
     * fingerprint. With these on paper, {@code switchboard log verify} run later shows whether the log still holds
     * what was anchored.
     */
    public String printable() {
        StringBuilder b = new StringBuilder();
        b.append(TITLE).append(" #").append(number).append('\n')
                .append("Taken:            ").append(taken).append('\n')
                .append("Chains covered:   ").append(chains).append(" (").append(entries).append(" entries)\n")
                .append("Chains changed:   ").append(changed.size()).append('\n')
                .append("Checkpoint SHA-256: ").append(group(digest())).append('\n')
                .append("Signed by key:    ").append(keyFingerprint).append(" (Ed25519)\n")
                .append("Signature:\n");
        String sig = Base64.getEncoder().encodeToString(signature);
        for (int i = 0; i < sig.length(); i += 44) {
            b.append("  ").append(sig, i, Math.min(sig.length(), i + 44)).append('\n');
        }
        b.append("Previous checkpoint SHA-256: ").append(previous.equals("none") ? "none" : group(previous))
                .append('\n');
        return b.toString();
    }

    private static String group(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            b.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
        }
        return b.toString();
    }
}
