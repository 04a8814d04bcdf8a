package dev.switchboard.ai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The waiting line of generation jobs as the queue would serve it now: each job's place and estimated wait,
 * and how the users share the workers. Positions follow the queue's own rules (priority, then users in
 * turn, then submission order); a job that no worker can run yet keeps its place but has no estimate.
 *
 * @param entries queued jobs, first to run first
 * @param users one line per user with queued or running jobs, by name
 * @param depth queued jobs per kind of work (image, video); image-to-image counts under its kind
 * @param freeSlots jobs the healthy workers could start right now
 * @param at when the snapshot was taken
 */
public record QueueView(List<Entry> entries, List<UserShare> users, Map<WorkerCapability, Integer> depth,
                        int freeSlots, Instant at) {

    public QueueView {
        entries = List.copyOf(entries);
        users = List.copyOf(users);
        depth = Map.copyOf(depth);
        Objects.requireNonNull(at, "at");
    }

    /** An empty line. */
    public static QueueView empty(Instant at) {
        return new QueueView(List.of(), List.of(), Map.of(), 0, at);
    }

    /** The entry of one job, if it is queued. */
    public java.util.Optional<Entry> entry(String jobId) {
        return entries.stream().filter(e -> e.jobId().equals(jobId)).findFirst();
    }

    /**
     * One queued job.
     *
     * @param position 1 for the job that runs next
     * @param startsIn estimated wait until it starts; {@code null} when no healthy worker can run it
     * @param doneIn estimated wait until it is done; {@code null} when {@code startsIn} is
     * @param waited how long it has been queued
     */
    public record Entry(String jobId, String user, int priority, int position, Set<WorkerCapability> needs,
                        Duration startsIn, Duration doneIn, Duration waited) {

        public Entry {
            needs = Set.copyOf(needs);
        }

        public boolean hasEstimate() {
            return startsIn != null;
        }
    }

    /**
     * How one user fares: the queue serves users in turn within a priority, so one user's fifty jobs do not
     * hold back another's one.
     *
     * @param nextPosition the position of the user's next queued job; 0 when none is queued
     * @param servedLastHour jobs of the user that finished (succeeded) in the last hour
     */
    public record UserShare(String user, int queued, int running, int nextPosition, int servedLastHour) {
    }
}
