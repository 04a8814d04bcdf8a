package dev.switchboard.store.integrity;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.ChainHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A seat's checkpoints as they go onto a server ({@code db migrate --to}): each signing key's checkpoints, unchanged
 * (text, signature, public key), onto that key's own chain ({@link Checkpoints#chainOf}), where they verify as they
 * did on the seat; their links name the texts' digests, not the chain. When a chain the checkpoints anchored stays
 * on the seat (its audit trail, when the server already has one), a note signed with the seat's key says so, so the
 * server's chain of that name is not reported as rewritten; without the key that signed them, that is named as a
 * problem instead.
 */
public final class CheckpointTransfer {

    /** One seat entry of the checkpoints chain, as read from the seat's file. */
    public record SeatEntry(long seq, long simMillis, long wallMillis, String payload) {
    }

    /** One row to write on the server, in order per chain. */
    public record Row(SessionId chain, long simMillis, long wallMillis, String type, String payload) {
    }

    private final List<Row> rows;
    private final List<String> problems;

    private CheckpointTransfer(List<Row> rows, List<String> problems) {
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /**
     * Plans the transfer.
     *
     * @param entries    the seat's {@link Checkpoints#CHAIN} entries of type {@link Checkpoints#TYPE}, in order
     * @param leftOnSeat the chains that are not copied to the server
     * @param seatKey    the seat's key, asked for only when a note must be signed
     * @param nowMillis  the note's wall time
     */
    public static CheckpointTransfer of(List<SeatEntry> entries, Set<SessionId> leftOnSeat,
                                        Supplier<CheckpointKey> seatKey, long nowMillis) {
        Map<SessionId, List<Row>> byChain = new LinkedHashMap<>();
        Map<SessionId, Checkpoint> lastOf = new LinkedHashMap<>();
        Map<SessionId, Set<SessionId>> leftOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        SessionId current = null;
        for (SeatEntry e : entries) {
            Optional<Checkpoint> c = Checkpoints.parsePayload(e.payload());
            if (c.isPresent()) {
                current = Checkpoints.chainOf(c.get().keyFingerprint());
                lastOf.put(current, c.get());
                for (ChainHead h : c.get().changed()) {
                    if (leftOnSeat.contains(h.chain())) {
                        leftOf.computeIfAbsent(current, k -> new TreeSet<>((a, b) -> a.value().compareTo(b.value())))
                                .add(h.chain());
                    }
                }
            }
            // An unreadable entry goes along with the key before it, so the server reports it as the seat did.
            SessionId chain = current != null ? current : Checkpoints.CHAIN;
            byChain.computeIfAbsent(chain, k -> new ArrayList<>())
                    .add(new Row(chain, e.simMillis(), e.wallMillis(), Checkpoints.TYPE, e.payload()));
        }
        CheckpointKey key = null;
        for (Map.Entry<SessionId, Set<SessionId>> left : leftOf.entrySet()) {
            Checkpoint last = lastOf.get(left.getKey());
            key = key != null ? key : seatKey.get();
            if (!key.fingerprint().equals(last.keyFingerprint())) {
                problems.add("The checkpoints signed with key " + last.keyFingerprint() + " anchor "
                        + String.join(", ", left.getValue().stream().map(SessionId::value).toList())
                        + ", which stays on the seat, and this seat no longer has that key to sign so: 'log verify' "
                        + "on the server reports it as rewritten; the seat's own file still verifies it.");
                continue;
            }
            List<SessionId> chains = List.copyOf(left.getValue());
            String text = MovedNote.text(key.fingerprint(), last.digest(), chains);
            byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
            byChain.get(left.getKey()).add(new Row(left.getKey(), 0, nowMillis, Checkpoints.MOVED_TYPE,
                    Checkpoints.payload(text, signature, key.publicKey())));
        }
        List<Row> rows = new ArrayList<>();
        byChain.values().forEach(rows::addAll);
        return new CheckpointTransfer(rows, problems);
    }

    /** The rows to write, chain by chain, each chain's in order. */
    public List<Row> rows() {
        return rows;
    }

    /** The checkpoint chains the rows go on. */
    public List<SessionId> chains() {
        return rows.stream().map(Row::chain).distinct().toList();
    }

    /** What will not verify on the server as it did on the seat, in words. */
    public List<String> problems() {
        return problems;
    }
}
