package dev.switchboard.store.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.ChainHead;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the event log: a checkpoint records the head of every chain that changed since the one before, signed
 * with the installation's {@link CheckpointKey}, on the log's own {@link #CHAIN} chain (and so in every backup
 * taken after it). A chain whose entries were later deleted from the end, or rewritten from an edited row on with
 * all hashes recomputed, no longer has the anchored hash at the anchored length; {@link #verify()} says which.
 *
 * <p>Taken at clean exit, before every backup, every few minutes in the window, and by
 * {@code switchboard log checkpoint}. A checkpoint never blesses damage: a chain that is shorter than, or differs
 * from, what an earlier checkpoint anchored keeps its old anchor (and is logged). Thread-safe.
 */
public final class Checkpoints {

    /** The system chain that holds the checkpoints. */
    public static final SessionId CHAIN = new SessionId("checkpoints");
    /** The entry type of a checkpoint. */
    public static final String TYPE = "log.checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLog log;
    private final CheckpointKey key;
    private final Clock clock;

    public Checkpoints(EventLog log, CheckpointKey key, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The installation's key, e.g. to print its fingerprint. */
    public CheckpointKey key() {
        return key;
    }

    /** How a checkpoint is stored as an entry's payload. */
    record Stored(String text, String signature, String publicKey) {
    }

    /**
     * Signs a checkpoint of every chain that changed since the newest one.
     *
     * @return the new checkpoint; empty when no chain changed
     */
    public synchronized Optional<Checkpoint> take() {
        List<Checkpoint> earlier = all();
        Map<SessionId, ChainHead> anchored = anchored(earlier);
        List<ChainHead> changed = new ArrayList<>();
        int chains = 0;
        long entries = 0;
        for (ChainHead head : log.heads()) {
            if (head.chain().equals(CHAIN)) {
                continue;
            }
            chains++;
            entries += head.seq();
            ChainHead before = anchored.get(head.chain());
            if (before == null) {
                changed.add(head);
            } else if (before.seq() != head.seq() || !Arrays.equals(before.hash(), head.hash())) {
                if (head.seq() < before.seq()
                        || !log.hashAt(head.chain(), before.seq()).map(h -> Arrays.equals(h, before.hash()))
                        .orElse(false)) {
                    LOG.error("Chain {} no longer holds what checkpoint anchored at entry {}; its anchor is kept",
                            head.chain(), before.seq());
                    continue;
                }
                changed.add(head);
            }
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        long number = previous == null ? 1 : previous.number() + 1;
        String text = Checkpoint.text(number, clock.instant().truncatedTo(ChronoUnit.SECONDS), key.fingerprint(),
                previous == null ? "none" : previous.digest(), chains, entries, changed);
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        Stored stored = new Stored(text, Base64.getEncoder().encodeToString(signature),
                Base64.getEncoder().encodeToString(key.publicKey()));
        try {
            log.append(new AppendRequest(CHAIN, 0, TYPE, JSON.writeValueAsString(stored)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checkpoint always serializes", e);
        }
        Checkpoint taken = Checkpoint.parse(text, signature, key.publicKey()).orElseThrow();
        LOG.info("Checkpoint #{}: {} chains ({} changed), {} entries", number, chains, changed.size(), entries);
        return Optional.of(taken);
    }

    /** Every checkpoint in the log, oldest first; entries that are not readable checkpoints are skipped. */
    public List<Checkpoint> all() {
        List<Checkpoint> out = new ArrayList<>();
        for (EventLogEntry e : log.readType(CHAIN, TYPE)) {
            parse(e).ifPresent(out::add);
        }
        return out;
    }

    /** The newest checkpoint, if any. */
    public Optional<Checkpoint> newest() {
        List<Checkpoint> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Checks the checkpoints and the log against them: every signature, the link of each checkpoint to the one
     * before, the signing key (the installation's own, the same throughout), and every anchored head: the chain
     * must still be at least that long and hold that hash at that length.
     */
    public List<IntegrityProblem> verify() {
        List<IntegrityProblem> problems = new ArrayList<>();
        List<EventLogEntry> entries = log.readType(CHAIN, TYPE);
        String previousDigest = "none";
        String firstKey = null;
        Map<SessionId, List<ChainHead>> anchors = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (EventLogEntry e : entries) {
            Optional<Checkpoint> parsed = parse(e);
            if (parsed.isEmpty()) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, e.seq(),
                        "entry " + e.seq() + " of the checkpoints is not a readable checkpoint"));
                continue;
            }
            Checkpoint c = parsed.get();
            if (!c.signatureValid()) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, e.seq(),
                        "checkpoint #" + c.number() + " has an invalid signature"));
                continue;
            }
            if (firstKey == null) {
                firstKey = c.keyFingerprint();
            } else if (!firstKey.equals(c.keyFingerprint())) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, e.seq(),
                        "checkpoint #" + c.number() + " is signed with another key (" + c.keyFingerprint()
                                + ") than the checkpoints before it (" + firstKey + ")"));
                firstKey = c.keyFingerprint();
            }
            if (!c.previous().equals(previousDigest)) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, e.seq(),
                        "checkpoint #" + c.number() + " does not follow the checkpoint before it (one was removed "
                                + "or replaced)"));
            }
            previousDigest = c.digest();
            for (ChainHead h : c.changed()) {
                anchors.computeIfAbsent(h.chain(), k -> new ArrayList<>()).add(h);
            }
        }
        if (firstKey != null && !firstKey.equals(key.fingerprint())) {
            problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, 0,
                    "the newest checkpoints are signed with key " + firstKey + ", not with this installation's key "
                            + key.fingerprint()));
        }
        Map<SessionId, Long> lengths = new LinkedHashMap<>();
        for (ChainHead h : log.heads()) {
            lengths.put(h.chain(), h.seq());
        }
        for (Map.Entry<SessionId, List<ChainHead>> chain : anchors.entrySet()) {
            // Newest anchor first: the longest length is the one a truncation falls short of.
            List<ChainHead> heads = chain.getValue();
            for (int i = heads.size() - 1; i >= 0; i--) {
                ChainHead h = heads.get(i);
                Optional<byte[]> now = log.hashAt(h.chain(), h.seq());
                long length = lengths.getOrDefault(h.chain(), 0L);
                if (now.isEmpty()) {
                    problems.add(IntegrityProblem.of(length == 0 ? IntegrityProblem.Kind.DELETED
                                    : IntegrityProblem.Kind.TRUNCATED, h.chain(), h.seq(), length == 0
                            ? "the chain was deleted: a checkpoint anchored " + h.seq() + " entries"
                            : "the chain was cut: a checkpoint anchored " + h.seq() + " entries, " + length
                                    + " are left"));
                    break;
                }
                if (!Arrays.equals(now.get(), h.hash())) {
                    problems.add(IntegrityProblem.of(IntegrityProblem.Kind.REWRITTEN, h.chain(), h.seq(),
                            "the chain was rewritten: entry " + h.seq() + " no longer has the hash a checkpoint "
                                    + "anchored"));
                    break;
                }
            }
        }
        return problems;
    }

    private static Map<SessionId, ChainHead> anchored(List<Checkpoint> checkpoints) {
        Map<SessionId, ChainHead> state = new LinkedHashMap<>();
        for (Checkpoint c : checkpoints) {
            if (!c.signatureValid()) {
                continue;
            }
            for (ChainHead h : c.changed()) {
                ChainHead known = state.get(h.chain());
                if (known == null || h.seq() >= known.seq()) {
                    state.put(h.chain(), h);
                }
            }
        }
        return state;
    }

    private static Optional<Checkpoint> parse(EventLogEntry e) {
        try {
            Stored s = JSON.readValue(e.payload(), Stored.class);
            return Checkpoint.parse(s.text(), Base64.getDecoder().decode(s.signature()),
                    Base64.getDecoder().decode(s.publicKey()));
        } catch (JsonProcessingException | RuntimeException ex) {
            LOG.warn("Checkpoint entry {} does not parse: {}", e.seq(), ex.getMessage());
            return Optional.empty();
        }
    }
}
