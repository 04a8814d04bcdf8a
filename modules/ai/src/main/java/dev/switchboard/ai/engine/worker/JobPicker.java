package dev.switchboard.ai.engine.worker;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the next job and the worker it runs on; pure, so the rules can be read (and tested) in one place.
 *
 * <ul>
 *   <li>Higher priority first. Within a priority, the user served longest ago goes first (users never
 *       served count as served at time 0), then submission order: users take turns, so one user's fifty
 *       jobs do not starve another's one.</li>
 *   <li>A job that no free worker can run (image-to-image with only OpenAI workers free) is skipped, not
 *       waited for: the next job that fits goes.</li>
 *   <li>Among the free workers that fit, one other than the job's failed worker first, then the least
 *       loaded relative to capacity, then the one used longest ago, then by name.</li>
 * </ul>
 */
final class JobPicker {

    private JobPicker() {
    }

    static Optional<Assignment> next(List<Candidate> queued, List<Slot> healthy, Map<String, Long> lastServed) {
        List<Slot> free = healthy.stream().filter(Slot::hasRoom).toList();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::priority).reversed()
                .thenComparingLong(c -> lastServed.getOrDefault(c.user(), 0L))
                .thenComparingLong(Candidate::seq);
        for (Candidate c : queued.stream().sorted(order).toList()) {
            Optional<Slot> slot = free.stream()
                    .filter(s -> !c.imageToImage() || s.worker().flavour().supportsImageToImage())
                    .min(Comparator.<Slot>comparingInt(s -> s.worker().name().equalsIgnoreCase(c.lastWorker()) ? 1 : 0)
                            .thenComparingDouble(Slot::load)
                            .thenComparingLong(Slot::lastUsed)
                            .thenComparing(s -> s.worker().name()));
            if (slot.isPresent()) {
                return Optional.of(new Assignment(c, slot.get().worker()));
            }
        }
        return Optional.empty();
    }

    /**
     * A queued job.
     *
     * @param seq submission order
     * @param lastWorker the worker of the previous attempt; empty before the first
     */
    record Candidate(String id, long seq, int priority, String user, boolean imageToImage, String lastWorker) {
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
