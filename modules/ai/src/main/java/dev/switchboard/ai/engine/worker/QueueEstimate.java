package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.QueueView;
import dev.switchboard.ai.WorkerCapability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places and estimated waits for the queued jobs: the queue's own serving order laid onto the healthy
 * workers' slots. Each slot is free when its running job is expected to end (the mean duration of recent jobs
 * of that kind, less the time it has run); each job in turn takes the earliest free slot of a worker that can
 * run it and holds it for the mean duration of its kind. A rough forecast, but one a user can plan with, and it
 * says "no estimate" rather than guess when no healthy worker can run a job.
 */
final class QueueEstimate {

    private QueueEstimate() {
    }

    static QueueView of(WorkerPool pool, Instant now) {
        WorkerPool.Snapshot snap = pool.snapshot();
        List<Worker> healthy = pool.healthyGenerators();
        WorkerPool.Means means = pool.means(now);
        // Slots: one per unit of capacity of each healthy worker, with the time it frees up.
        List<Worker> slotWorker = new ArrayList<>();
        List<Duration> slotFree = new ArrayList<>();
        int freeSlots = 0;
        for (Worker w : healthy) {
            List<Duration> busy = new ArrayList<>();
            for (WorkerPool.RunningJob r : snap.running()) {
                if (r.worker().name().equalsIgnoreCase(w.name())) {
                    Duration left = means.of(r.video()).minus(Duration.between(r.startedAt(), now));
                    busy.add(left.isNegative() ? Duration.ZERO : left);
                }
            }
            for (int i = 0; i < w.capacity(); i++) {
                slotWorker.add(w);
                slotFree.add(i < busy.size() ? busy.get(i) : Duration.ZERO);
                if (i >= busy.size()) {
                    freeSlots++;
                }
            }
        }
        Map<String, int[]> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<WorkerCapability, Integer> depth = new EnumMap<>(WorkerCapability.class);
        List<QueueView.Entry> entries = new ArrayList<>(snap.order().size());
        int position = 0;
        for (FairQueue.Candidate c : snap.order()) {
            position++;
            boolean clip = c.needs().contains(WorkerCapability.VIDEO);
            depth.merge(clip ? WorkerCapability.VIDEO : WorkerCapability.IMAGE, 1, Integer::sum);
            int[] u = users.computeIfAbsent(c.user(), k -> new int[3]);
            u[0]++;
            if (u[2] == 0) {
                u[2] = position;
            }
            int best = -1;
            for (int i = 0; i < slotWorker.size(); i++) {
                if (slotWorker.get(i).can(c.needs())
                        && (best < 0 || slotFree.get(i).compareTo(slotFree.get(best)) < 0)) {
                    best = i;
                }
            }
            Duration starts = null;
            Duration done = null;
            if (best >= 0) {
                starts = slotFree.get(best);
                done = starts.plus(means.of(clip));
                slotFree.set(best, done);
            }
            Duration waited = Duration.between(c.queuedAt(), now);
            entries.add(new QueueView.Entry(c.id(), c.user(), c.priority(), position, c.needs(), starts, done,
                    waited.isNegative() ? Duration.ZERO : waited));
        }
        for (WorkerPool.RunningJob r : snap.running()) {
            users.computeIfAbsent(r.user(), k -> new int[3])[1]++;
        }
        Map<String, Integer> served = pool.servedSince(now.minus(Duration.ofHours(1)));
        List<QueueView.UserShare> shares = new ArrayList<>();
        users.forEach((user, u) -> shares.add(new QueueView.UserShare(user, u[0], u[1], u[2],
                served.getOrDefault(user, 0))));
        return new QueueView(entries, shares, depth, freeSlots, now);
    }
}
