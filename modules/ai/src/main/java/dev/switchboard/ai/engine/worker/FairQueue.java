package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.WorkerCapability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The queued jobs in memory, indexed so that choosing the next one costs O(log n) however long the line is.
 * The database stays the truth; the pool loads this index from it at start and keeps it in step.
 *
 * <p>The rules, in one place:
 * <ul>
 *   <li>Higher priority first. Within a priority, the user served longest ago goes first (users never
 *       served count as served at 0), then submission order: users take turns, so one user's fifty jobs do
 *       not starve another's one.</li>
 *   <li>A job that no free worker can run (a clip with only image workers free) is passed over, not waited
 *       for: the next job that fits goes.</li>
 *   <li>Among the free workers that fit, one other than the job's failed worker first, then the least loaded
 *       relative to capacity, then the one used longest ago, then by name.</li>
 * </ul>
 *
 * <p>Jobs are kept in partitions by what they need (image, image-to-image, clip, …): all jobs of a partition
 * fit the same workers, so the best job of a partition is the best of its highest priority level, whose users
 * are kept sorted by their turn. Not thread-safe: the pool guards it with its lock.
 */
final class FairQueue {

    private final Map<String, Candidate> byId = new HashMap<>();
    private final Map<Set<WorkerCapability>, TreeMap<Integer, Level>> partitions = new HashMap<>();
    private final Map<String, Set<Level>> levelsOfUser = new HashMap<>();
    private final Map<String, Long> lastServed = new HashMap<>();
    private long serveSeq;
    /** The sum of the queued jobs' sequence numbers; with the count, what the database's fingerprint gives. */
    private long seqSum;

    /** Adds a queued job; a job already present is replaced. */
    void add(Candidate c) {
        remove(c.id());
        byId.put(c.id(), c);
        seqSum += c.seq();
        Level level = partitions.computeIfAbsent(c.needs(), k -> new TreeMap<>(Comparator.reverseOrder()))
                .computeIfAbsent(c.priority(), p -> new Level());
        level.add(c, lastServed(c.user()));
        levelsOfUser.computeIfAbsent(c.user(), u -> new HashSet<>()).add(level);
    }

    /** Removes a job; false when it was not queued here. */
    boolean remove(String id) {
        Candidate c = byId.remove(id);
        if (c == null) {
            return false;
        }
        seqSum -= c.seq();
        TreeMap<Integer, Level> levels = partitions.get(c.needs());
        Level level = levels.get(c.priority());
        level.remove(c, lastServed(c.user()));
        if (!level.has(c.user())) {
            Set<Level> of = levelsOfUser.get(c.user());
            of.remove(level);
            if (of.isEmpty()) {
                levelsOfUser.remove(c.user());
            }
        }
        if (level.isEmpty()) {
            levels.remove(c.priority());
            if (levels.isEmpty()) {
                partitions.remove(c.needs());
            }
        }
        return true;
    }

    Optional<Candidate> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return byId.size();
    }

    /** The sum of the queued jobs' sequence numbers (the database's row ids), kept as jobs come and go. */
    long seqSum() {
        return seqSum;
    }

    Collection<Candidate> all() {
        return byId.values();
    }

    /** The turn number the user was last served at; 0 when never. */
    long lastServed(String user) {
        return lastServed.getOrDefault(user, 0L);
    }

    /** Records that {@code user} was just served: their jobs move behind every other user's in each level. */
    void served(String user) {
        long before = lastServed(user);
        long now = ++serveSeq;
        Set<Level> of = levelsOfUser.getOrDefault(user, Set.of());
        for (Level level : of) {
            level.reposition(user, before, now);
        }
        lastServed.put(user, now);
    }

    /**
     * The job that runs next and its worker, among {@code slots} (workers with their current load); empty when
     * no queued job fits a free slot. Does not remove the job: the caller does, once it claimed it.
     */
    Optional<Assignment> next(List<Slot> slots) {
        List<Slot> free = slots.stream().filter(Slot::hasRoom).toList();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = null;
        for (Map.Entry<Set<WorkerCapability>, TreeMap<Integer, Level>> p : partitions.entrySet()) {
            Set<WorkerCapability> needs = p.getKey();
            if (free.stream().noneMatch(s -> s.worker().can(needs))) {
                continue;
            }
            Candidate head = p.getValue().firstEntry().getValue().head();
            if (best == null || turnOrder().compare(head, best) < 0) {
                best = head;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Candidate job = best;
        Slot slot = free.stream()
                .filter(s -> s.worker().can(job.needs()))
                .min(Comparator.<Slot>comparingInt(s -> s.worker().name().equalsIgnoreCase(job.lastWorker()) ? 1 : 0)
                        .thenComparingDouble(Slot::load)
                        .thenComparingLong(Slot::lastUsed)
                        .thenComparing(s -> s.worker().name()))
                .orElseThrow();
        return Optional.of(new Assignment(job, slot.worker()));
    }

    /**
     * Every queued job in the order the queue would serve them if every worker could run every job: what the
     * users are shown as their place in the line. O(n log u) for n jobs of u users.
     */
    List<Candidate> order() {
        Map<String, PriorityQueue<Candidate>> perUser = new HashMap<>();
        Comparator<Candidate> own = Comparator.comparingInt(Candidate::priority).reversed()
                .thenComparingLong(Candidate::seq);
        for (Candidate c : byId.values()) {
            perUser.computeIfAbsent(c.user(), u -> new PriorityQueue<>(own)).add(c);
        }
        Map<String, Long> turn = new HashMap<>(lastServed);
        long[] clock = {serveSeq};
        PriorityQueue<Candidate> heads = new PriorityQueue<>(Comparator.comparingInt(Candidate::priority).reversed()
                .thenComparingLong((Candidate c) -> turn.getOrDefault(c.user(), 0L))
                .thenComparingLong(Candidate::seq));
        perUser.values().forEach(q -> heads.add(q.poll()));
        List<Candidate> out = new ArrayList<>(byId.size());
        while (!heads.isEmpty()) {
            Candidate c = heads.poll();
            out.add(c);
            turn.put(c.user(), ++clock[0]);
            Candidate next = perUser.get(c.user()).poll();
            if (next != null) {
                heads.add(next);
            }
        }
        return out;
    }

    private Comparator<Candidate> turnOrder() {
        return Comparator.comparingInt(Candidate::priority).reversed()
                .thenComparingLong((Candidate c) -> lastServed(c.user()))
                .thenComparingLong(Candidate::seq);
    }

    /**
     * One priority level of one partition: each user's jobs in submission order, and the users in turn order.
     */
    private static final class Level {

        private final Map<String, TreeSet<Candidate>> jobsOfUser = new HashMap<>();
        private final TreeSet<UserTurn> users = new TreeSet<>(Comparator.comparingLong(UserTurn::lastServed)
                .thenComparingLong(UserTurn::headSeq)
                .thenComparing(UserTurn::user));

        void add(Candidate c, long served) {
            TreeSet<Candidate> jobs = jobsOfUser.computeIfAbsent(c.user(),
                    u -> new TreeSet<>(Comparator.comparingLong(Candidate::seq).thenComparing(Candidate::id)));
            if (!jobs.isEmpty()) {
                users.remove(new UserTurn(c.user(), served, jobs.first().seq()));
            }
            jobs.add(c);
            users.add(new UserTurn(c.user(), served, jobs.first().seq()));
        }

        void remove(Candidate c, long served) {
            TreeSet<Candidate> jobs = jobsOfUser.get(c.user());
            users.remove(new UserTurn(c.user(), served, jobs.first().seq()));
            jobs.remove(c);
            if (jobs.isEmpty()) {
                jobsOfUser.remove(c.user());
            } else {
                users.add(new UserTurn(c.user(), served, jobs.first().seq()));
            }
        }

        void reposition(String user, long before, long now) {
            TreeSet<Candidate> jobs = jobsOfUser.get(user);
            if (jobs == null) {
                return;
            }
            long head = jobs.first().seq();
            users.remove(new UserTurn(user, before, head));
            users.add(new UserTurn(user, now, head));
        }

        boolean has(String user) {
            return jobsOfUser.containsKey(user);
        }

        boolean isEmpty() {
            return users.isEmpty();
        }

        Candidate head() {
            return jobsOfUser.get(users.first().user()).first();
        }
    }

    private record UserTurn(String user, long lastServed, long headSeq) {
    }

    /**
     * A queued job.
     *
     * @param seq submission order (the row's id)
     * @param needs what a worker must be able to do to run it
     * @param lastWorker the worker of the previous attempt; empty before the first
     */
    record Candidate(String id, long seq, int priority, String user, Set<WorkerCapability> needs, String lastWorker,
                     Instant queuedAt) {

        Candidate {
            needs = Set.copyOf(needs);
            lastWorker = lastWorker == null ? "" : lastWorker;
        }
    }

    /**
     * A healthy worker and how busy it is.
     *
     * @param lastUsed a sequence number of the latest job sent to it; 0 for never
     */
    record Slot(Worker worker, int inFlight, long lastUsed) {

        boolean hasRoom() {
            return inFlight < worker.capacity();
        }

        double load() {
            return (double) inFlight / worker.capacity();
        }
    }

    record Assignment(Candidate job, Worker worker) {
    }
}
