package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.WorkerCapability;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairQueueTest {

    private static final Worker A1111 = worker("a1111", ApiFlavour.A1111_TXT2IMG, 4);
    private static final Worker SMALL = worker("small", ApiFlavour.A1111_TXT2IMG, 1);
    private static final Worker OPENAI = worker("openai", ApiFlavour.OPENAI_IMAGES, 2);
    private static final Worker VIDEO = Worker.image("video", URI.create("http://127.0.0.1:1"), ApiFlavour.COMFYUI)
            .withCapabilities(EnumSet.of(WorkerCapability.VIDEO));
    private static final Set<WorkerCapability> IMAGE = Set.of(WorkerCapability.IMAGE);
    private static final Set<WorkerCapability> IMG2IMG = Set.of(WorkerCapability.IMAGE,
            WorkerCapability.IMAGE_TO_IMAGE);
    private static final Set<WorkerCapability> CLIP = Set.of(WorkerCapability.VIDEO);

    private long seq;
    private final FairQueue queue = new FairQueue();

    @Test
    void theLeastLoadedWorkerRelativeToCapacityGetsTheJob() {
        add("j1", 5, "ann", IMAGE, "");

        assertThat(pick(slot(A1111, 2), slot(SMALL, 0))).isEqualTo(SMALL);
        assertThat(pick(slot(A1111, 1), slot(OPENAI, 1))).isEqualTo(A1111);
        assertThat(queue.next(List.of(slot(SMALL, 1)))).isEmpty();
    }

    @Test
    void aRetriedJobAvoidsTheWorkerThatFailedIt() {
        add("j1", 5, "ann", IMAGE, "SMALL");

        assertThat(pick(slot(SMALL, 0), slot(A1111, 3))).isEqualTo(A1111);
        assertThat(pick(slot(SMALL, 0))).isEqualTo(SMALL);
    }

    @Test
    void aJobNoFreeWorkerCanRunIsPassedOver() {
        add("urgent", 9, "ann", IMG2IMG, "");
        add("clip", 9, "ann", CLIP, "");
        add("later", 1, "bob", IMAGE, "");

        assertThat(queue.next(List.of(slot(OPENAI, 0))).orElseThrow().job().id()).isEqualTo("later");
        assertThat(queue.next(List.of(slot(OPENAI, 0), slot(A1111, 0))).orElseThrow().job().id()).isEqualTo("urgent");
        assertThat(queue.next(List.of(slot(VIDEO, 0), slot(OPENAI, 0))).orElseThrow().job().id()).isEqualTo("clip");
    }

    @Test
    void withinAPriorityTheUserServedLongestAgoGoesFirst() {
        add("ann-2", 5, "ann", IMAGE, "");
        add("bob-1", 5, "bob", IMAGE, "");
        queue.served("bob");
        queue.served("ann");

        assertThat(queue.next(List.of(slot(A1111, 0))).orElseThrow().job().id()).isEqualTo("bob-1");
        add("ann-3", 6, "ann", IMAGE, "");
        assertThat(queue.next(List.of(slot(A1111, 0))).orElseThrow().job().id()).isEqualTo("ann-3");
    }

    @Test
    void usersTakeTurnsAsTheQueueDrains() {
        for (int i = 1; i <= 5; i++) {
            add("ann-" + i, 5, "ann", IMAGE, "");
        }
        add("bob-1", 5, "bob", IMAGE, "");
        add("cat-1", 5, "cat", IMAGE, "");
        add("bob-2", 5, "bob", IMAGE, "");
        List<String> predicted = queue.order().stream().map(FairQueue.Candidate::id).toList();

        List<String> served = new ArrayList<>();
        while (queue.size() > 0) {
            FairQueue.Candidate next = queue.next(List.of(slot(A1111, 0))).orElseThrow().job();
            queue.remove(next.id());
            queue.served(next.user());
            served.add(next.id());
        }

        assertThat(served).containsExactly("ann-1", "bob-1", "cat-1", "ann-2", "bob-2", "ann-3", "ann-4", "ann-5");
        assertThat(predicted).isEqualTo(served);
    }

    @Test
    void removingAndReaddingKeepsTheIndexConsistent() {
        add("a", 5, "ann", IMAGE, "");
        add("b", 5, "ann", IMAGE, "");
        assertThat(queue.remove("a")).isTrue();
        assertThat(queue.remove("a")).isFalse();
        add("a", 5, "ann", IMAGE, "gpu");

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.next(List.of(slot(A1111, 0))).orElseThrow().job().id()).isEqualTo("b");
        assertThat(queue.get("a").orElseThrow().lastWorker()).isEqualTo("gpu");
    }

    @Test
    void theSumOfSequenceNumbersFollowsAddsReplacementsAndRemovals() {
        add("a", 5, "ann", IMAGE, "");
        add("b", 5, "bob", IMAGE, "");
        assertThat(queue.seqSum()).isEqualTo(1 + 2);

        add("a", 5, "ann", IMAGE, "gpu");
        assertThat(queue.seqSum()).isEqualTo(2 + 3);

        queue.remove("b");
        queue.remove("b");
        assertThat(queue.seqSum()).isEqualTo(3);
    }

    private void add(String id, int priority, String user, Set<WorkerCapability> needs, String last) {
        queue.add(new FairQueue.Candidate(id, ++seq, priority, user, needs, last, Instant.EPOCH));
    }

    private Worker pick(FairQueue.Slot... slots) {
        return queue.next(List.of(slots)).orElseThrow().worker();
    }

    private static FairQueue.Slot slot(Worker w, int inFlight) {
        return new FairQueue.Slot(w, inFlight, 0);
    }

    private static Worker worker(String name, ApiFlavour flavour, int capacity) {
        return Worker.image(name, URI.create("http://127.0.0.1:1"), flavour).withCapacity(capacity);
    }
}
