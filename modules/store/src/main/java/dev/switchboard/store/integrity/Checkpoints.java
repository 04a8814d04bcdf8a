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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the event log: a checkpoint records the head of every chain that changed since the one before, signed
 * with the installation's {@link CheckpointKey}, on a checkpoint chain of the log itself (and so in every backup
 * taken after it). A chain whose entries were later deleted from the end, or rewritten from an edited row on with
 * all hashes recomputed, no longer has the anchored hash at the anchored length; {@link #verify()} says which.
 *
 * <p>A seat's own file has one checkpoint chain, {@link #CHAIN}. On a server shared by many seats each seat signs
 * with its own key, so each key has a chain of its own, {@code checkpoints-<fingerprint>} ({@link #chainOf}): every
 * chain is signed by one key throughout and linked checkpoint to checkpoint, and the anchors of all of them are
 * checked against the log. A seat's checkpoint also anchors the other seats' checkpoint chains, so one seat's
 * chain cannot be cut or rewritten without the others noticing. {@link #signers()} lists the keys seen, to be
 * compared with each seat's {@code switchboard log key}.
 *
 * <p>Taken at clean exit, before every backup, every few minutes in the window, and by
 * {@code switchboard log checkpoint}. A checkpoint never blesses damage: a chain that is shorter than, or differs
 * from, what an earlier checkpoint anchored keeps its old anchor (and is logged). Thread-safe; on a server two
 * processes with the same key take their checkpoints one after the other (an advisory lock on the chain).
 */
public final class Checkpoints {

    /** The chain that holds the checkpoints in a seat's own file. */
    public static final SessionId CHAIN = new SessionId("checkpoints");
    /** The entry type of a checkpoint. */
    public static final String TYPE = "log.checkpoint";
    /** The entry type of a {@link MovedNote}: chains that stayed on a seat when it moved to a server. */
    public static final String MOVED_TYPE = "log.checkpoints.moved";
    /** How a key's own checkpoint chain on a server begins; the key's fingerprint follows. */
    static final String KEY_CHAIN_PREFIX = CHAIN.value() + "-";

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLog log;
    private final CheckpointKey key;
    private final Clock clock;
    private final boolean server;

    public Checkpoints(EventLog log, CheckpointKey key, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.server = log.database().isServer();
    }

    /** The installation's key, e.g. to print its fingerprint. */
    public CheckpointKey key() {
        return key;
    }

    /** The chain that holds the checkpoints of the key with {@code fingerprint} on a server. */
    public static SessionId chainOf(String fingerprint) {
        return new SessionId(KEY_CHAIN_PREFIX + fingerprint);
    }

    /** Whether {@code chain} holds checkpoints (a seat's {@link #CHAIN} or a key's chain on a server). */
    public static boolean isCheckpointChain(SessionId chain) {
        return chain.equals(CHAIN) || chain.value().startsWith(KEY_CHAIN_PREFIX);
    }

    /** The chain this installation signs on: {@link #CHAIN} in a seat's file, its key's own chain on a server. */
    public SessionId chain() {
        return server ? chainOf(key.fingerprint()) : CHAIN;
    }

    /** How a checkpoint is stored as an entry's payload. */
    record Stored(String text, String signature, String publicKey) {
    }

    /**
     * One key that signed checkpoints in this log, for an auditor to compare with each seat's
     * {@code switchboard log key}.
     *
     * @param chain       the chain its checkpoints are on
     * @param checkpoints how many validly signed checkpoints it has there
     * @param thisSeat    whether it is this installation's key
     */
    public record Signer(String fingerprint, SessionId chain, int checkpoints, Instant first, Instant newest,
                         boolean thisSeat) {
    }

    /**
     * Signs a checkpoint of every chain that changed since this installation's newest one (on a server, other
     * seats' checkpoint chains included, but they alone do not make a checkpoint).
     *
     * @return the new checkpoint; empty when no chain changed
     */
    public synchronized Optional<Checkpoint> take() {
        if (!server) {
            return takeLocked();
        }
        // Two processes of one seat (or one key copied to two seats) must not both append checkpoint #n.
        try (Handle h = log.database().jdbi().open()) {
            long lockId = chain().value().hashCode();
            h.select("SELECT 1 FROM (SELECT pg_advisory_lock(?)) AS l", lockId).mapTo(Integer.class).one();
            try {
                return takeLocked();
            } finally {
                h.select("SELECT pg_advisory_unlock(?)", lockId).mapTo(Boolean.class).one();
            }
        }
    }

    private Optional<Checkpoint> takeLocked() {
        SessionId own = chain();
        List<Checkpoint> earlier = read(own);
        Map<SessionId, ChainHead> anchored = anchored(own);
        List<ChainHead> changed = new ArrayList<>();
        boolean logChanged = false;
        int chains = 0;
        long entries = 0;
        for (ChainHead head : log.heads()) {
            if (head.chain().equals(own)) {
                continue;
            }
            boolean checkpointChain = isCheckpointChain(head.chain());
            if (checkpointChain && !server) {
                continue;
            }
            if (!checkpointChain) {
                chains++;
                entries += head.seq();
            }
            ChainHead before = anchored.get(head.chain());
            if (before == null) {
                changed.add(head);
                logChanged |= !checkpointChain;
            } else if (before.seq() != head.seq() || !Arrays.equals(before.hash(), head.hash())) {
                if (head.seq() < before.seq()
                        || !log.hashAt(head.chain(), before.seq()).map(h -> Arrays.equals(h, before.hash()))
                        .orElse(false)) {
                    LOG.error("Chain {} no longer holds what checkpoint anchored at entry {}; its anchor is kept",
                            head.chain(), before.seq());
                    continue;
                }
                changed.add(head);
                logChanged |= !checkpointChain;
            }
        }
        if (!logChanged) {
            return Optional.empty();
        }
        Checkpoint previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        long number = previous == null ? 1 : previous.number() + 1;
        String text = Checkpoint.text(number, clock.instant().truncatedTo(ChronoUnit.SECONDS), key.fingerprint(),
                previous == null ? "none" : previous.digest(), chains, entries, changed);
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        log.append(new AppendRequest(own, 0, TYPE, payload(text, signature, key.publicKey())));
        Checkpoint taken = Checkpoint.parse(text, signature, key.publicKey()).orElseThrow();
        LOG.info("Checkpoint #{} on {}: {} chains ({} changed), {} entries", number, own, chains, changed.size(),
                entries);
        return Optional.of(taken);
    }

    /** A checkpoint as the payload of its entry. */
    static String payload(String text, byte[] signature, byte[] publicKey) {
        Stored stored = new Stored(text, Base64.getEncoder().encodeToString(signature),
                Base64.getEncoder().encodeToString(publicKey));
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checkpoint always serializes", e);
        }
    }

    /** This installation's checkpoints, oldest first; entries that are not readable checkpoints are skipped. */
    public List<Checkpoint> all() {
        return read(chain());
    }

    private List<Checkpoint> read(SessionId chain) {
        List<Checkpoint> out = new ArrayList<>();
        for (EventLogEntry e : log.readType(chain, TYPE)) {
            parse(e).ifPresent(out::add);
        }
        return out;
    }

    /** This installation's newest checkpoint, if any. */
    public Optional<Checkpoint> newest() {
        List<Checkpoint> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every checkpoint chain in the log, sorted. */
    private List<SessionId> checkpointChains() {
        return log.sessions().stream().filter(Checkpoints::isCheckpointChain).toList();
    }

    /** The keys that validly signed checkpoints in this log, chain by chain (one key may appear on two chains). */
    public List<Signer> signers() {
        Map<String, Signer> out = new LinkedHashMap<>();
        String mine = key.fingerprint();
        for (SessionId chain : checkpointChains()) {
            for (Checkpoint c : read(chain)) {
                if (!c.signatureValid()) {
                    continue;
                }
                String id = chain.value() + " " + c.keyFingerprint();
                Signer s = out.get(id);
                out.put(id, s == null
                        ? new Signer(c.keyFingerprint(), chain, 1, c.taken(), c.taken(),
                                mine.equals(c.keyFingerprint()))
                        : new Signer(s.fingerprint(), chain, s.checkpoints() + 1, s.first(), c.taken(), s.thisSeat()));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Checks the checkpoints and the log against them: every signature, the link of each checkpoint to the one
     * before on its chain, the signing key (the same throughout a chain: on a server the key the chain is named for;
     * in a seat's file the installation's own), and every anchored head of every checkpoint chain: the chain must
     * still be at least that long and hold that hash at that length.
     */
    public List<IntegrityProblem> verify() {
        List<IntegrityProblem> problems = new ArrayList<>();
        Map<SessionId, List<ChainHead>> anchors = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        List<SessionId> chains = checkpointChains();
        // A seat whose key was replaced brings two keys' chains; the second's first checkpoint follows the first's.
        Set<String> digests = new HashSet<>();
        for (SessionId chain : chains) {
            read(chain).forEach(c -> digests.add(c.digest()));
        }
        for (SessionId chain : chains) {
            verifyChain(chain, problems, anchors, digests);
        }
        Map<SessionId, Long> lengths = new LinkedHashMap<>();
        for (ChainHead h : log.heads()) {
            lengths.put(h.chain(), h.seq());
        }
        for (Map.Entry<SessionId, List<ChainHead>> chain : anchors.entrySet()) {
            // Longest anchor first: it is the one a truncation falls short of.
            List<ChainHead> heads = new ArrayList<>(chain.getValue());
            heads.sort((a, b) -> Long.compare(a.seq(), b.seq()));
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

    /** Checks one checkpoint chain's signatures, key and links, and collects its anchors. */
    private void verifyChain(SessionId chain, List<IntegrityProblem> problems,
                             Map<SessionId, List<ChainHead>> anchors, Set<String> digests) {
        String named = chain.equals(CHAIN) ? null : chain.value().substring(KEY_CHAIN_PREFIX.length());
        String where = chain.equals(CHAIN) ? "" : " on " + chain;
        String previousDigest = "none";
        String firstKey = null;
        Map<SessionId, List<ChainHead>> own = new LinkedHashMap<>();
        for (EventLogEntry e : entries(chain)) {
            if (e.type().equals(MOVED_TYPE)) {
                Optional<MovedNote> n = note(e);
                String signer = named != null ? named : firstKey;
                if (n.isEmpty() || !n.get().signatureValid() || !n.get().keyFingerprint().equals(signer)
                        || !n.get().last().equals(previousDigest)) {
                    problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                            "entry " + e.seq() + where + " claims that chains stayed on a seat, but is not signed by "
                                    + "the chain's key right after its last checkpoint"));
                    continue;
                }
                n.get().left().forEach(own::remove);
                continue;
            }
            Optional<Checkpoint> parsed = parse(e);
            if (parsed.isEmpty()) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                        "entry " + e.seq() + " of the checkpoints is not a readable checkpoint"));
                continue;
            }
            Checkpoint c = parsed.get();
            if (!c.signatureValid()) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                        "checkpoint #" + c.number() + where + " has an invalid signature"));
                continue;
            }
            if (named != null && !named.equals(c.keyFingerprint())) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                        "checkpoint #" + c.number() + where + " is signed with key " + c.keyFingerprint()
                                + ", not with the key the chain belongs to"));
                continue;
            }
            if (firstKey == null) {
                firstKey = c.keyFingerprint();
            } else if (!firstKey.equals(c.keyFingerprint())) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                        "checkpoint #" + c.number() + " is signed with another key (" + c.keyFingerprint()
                                + ") than the checkpoints before it (" + firstKey + ")"));
                firstKey = c.keyFingerprint();
            }
            boolean handedOver = named != null && previousDigest.equals("none") && digests.contains(c.previous());
            if (!c.previous().equals(previousDigest) && !handedOver) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, chain, e.seq(),
                        "checkpoint #" + c.number() + where + " does not follow the checkpoint before it (one was "
                                + "removed or replaced)"));
            }
            previousDigest = c.digest();
            for (ChainHead h : c.changed()) {
                own.computeIfAbsent(h.chain(), k -> new ArrayList<>()).add(h);
            }
        }
        own.forEach((k, v) -> anchors.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (!server && chain.equals(CHAIN) && firstKey != null && !firstKey.equals(key.fingerprint())) {
            problems.add(IntegrityProblem.of(IntegrityProblem.Kind.CHECKPOINT, CHAIN, 0,
                    "the newest checkpoints are signed with key " + firstKey + ", not with this installation's key "
                            + key.fingerprint()));
        }
    }

    /** The newest anchor of each chain on {@code chain}'s valid checkpoints, less what a valid note released. */
    private Map<SessionId, ChainHead> anchored(SessionId chain) {
        Map<SessionId, ChainHead> state = new LinkedHashMap<>();
        for (EventLogEntry e : entries(chain)) {
            if (e.type().equals(MOVED_TYPE)) {
                note(e).filter(MovedNote::signatureValid).ifPresent(n -> n.left().forEach(state::remove));
                continue;
            }
            Optional<Checkpoint> c = parse(e);
            if (c.isEmpty() || !c.get().signatureValid()) {
                continue;
            }
            for (ChainHead h : c.get().changed()) {
                ChainHead known = state.get(h.chain());
                if (known == null || h.seq() >= known.seq()) {
                    state.put(h.chain(), h);
                }
            }
        }
        return state;
    }

    /** The checkpoints and notes of {@code chain}, in chain order. */
    private List<EventLogEntry> entries(SessionId chain) {
        List<EventLogEntry> all = new ArrayList<>(log.readType(chain, TYPE));
        all.addAll(log.readType(chain, MOVED_TYPE));
        all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return all;
    }

    /** A checkpoint from its entry's payload; empty when it is not one. */
    static Optional<Checkpoint> parsePayload(String payload) {
        try {
            Stored s = JSON.readValue(payload, Stored.class);
            return Checkpoint.parse(s.text(), Base64.getDecoder().decode(s.signature()),
                    Base64.getDecoder().decode(s.publicKey()));
        } catch (JsonProcessingException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static Optional<MovedNote> note(EventLogEntry e) {
        try {
            Stored s = JSON.readValue(e.payload(), Stored.class);
            return MovedNote.parse(s.text(), Base64.getDecoder().decode(s.signature()),
                    Base64.getDecoder().decode(s.publicKey()));
        } catch (JsonProcessingException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Checkpoint> parse(EventLogEntry e) {
        Optional<Checkpoint> c = parsePayload(e.payload());
        if (c.isEmpty()) {
            LOG.warn("Checkpoint entry {} of {} does not parse", e.seq(), e.session());
        }
        return c;
    }
}
