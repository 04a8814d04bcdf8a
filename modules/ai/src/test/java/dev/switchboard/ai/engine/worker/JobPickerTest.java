package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPickerTest {

    private static final Worker A1111 = worker("a1111", ApiFlavour.A1111_TXT2IMG, 4);
    private static final Worker SMALL = worker("small", ApiFlavour.A1111_TXT2IMG, 1);
    private static final Worker OPENAI = worker("openai", ApiFlavour.OPENAI_IMAGES, 2);

    private static long seq;

    @Test
    void theLeastLoadedWorkerRelativeToCapacityGetsTheJob() {
        JobPicker.Candidate job = candidate("j1", 5, "ann", false, "");

        assertThat(pick(List.of(job), List.of(slot(A1111, 2), slot(SMALL, 0)))).isEqualTo(SMALL);
        assertThat(pick(List.of(job), List.of(slot(A1111, 1), slot(OPENAI, 1)))).isEqualTo(A1111);
        assertThat(JobPicker.next(List.of(job), List.of(slot(SMALL, 1)), Map.of())).isEmpty();
    }

    @Test
    void aRetriedJobAvoidsTheWorkerThatFailedIt() {
        JobPicker.Candidate retried = candidate("j1", 5, "ann", false, "SMALL");

        assertThat(pick(List.of(retried), List.of(slot(SMALL, 0), slot(A1111, 3)))).isEqualTo(A1111);
        assertThat(pick(List.of(retried), List.of(slot(SMALL, 0)))).isEqualTo(SMALL);
    }

    @Test
    void aJobNoFreeWorkerCanRunIsPassedOver() {
        JobPicker.Candidate img2img = candidate("urgent", 9, "ann", true, "");
        JobPicker.Candidate txt2img = candidate("later", 1, "bob", false, "");

        JobPicker.Assignment next = JobPicker.next(List.of(img2img, txt2img), List.of(slot(OPENAI, 0)), Map.of())
                .orElseThrow();

        assertThat(next.job()).isEqualTo(txt2img);
        assertThat(JobPicker.next(List.of(img2img, txt2img), List.of(slot(OPENAI, 0), slot(A1111, 0)), Map.of())
                .orElseThrow().job()).isEqualTo(img2img);
    }

    @Test
    void withinAPriorityTheUserServedLongestAgoGoesFirst() {
        JobPicker.Candidate ann = candidate("ann-2", 5, "ann", false, "");
        JobPicker.Candidate bob = candidate("bob-1", 5, "bob", false, "");
        JobPicker.Candidate urgent = candidate("ann-3", 6, "ann", false, "");

        assertThat(JobPicker.next(List.of(ann, bob), List.of(slot(A1111, 0)), Map.of("ann", 3L)).orElseThrow().job())
                .isEqualTo(bob);
        assertThat(JobPicker.next(List.of(ann, bob, urgent), List.of(slot(A1111, 0)), Map.of("ann", 3L))
                .orElseThrow().job()).isEqualTo(urgent);
    }

    private static Worker pick(List<JobPicker.Candidate> queued, List<JobPicker.Slot> slots) {
        return JobPicker.next(queued, slots, Map.of()).orElseThrow().worker();
    }

    private static JobPicker.Candidate candidate(String id, int priority, String user, boolean img2img, String last) {
        return new JobPicker.Candidate(id, ++seq, priority, user, img2img, last);
    }

    private static JobPicker.Slot slot(Worker w, int inFlight) {
        return new JobPicker.Slot(w, inFlight, 0);
    }

    private static Worker worker(String name, ApiFlavour flavour, int capacity) {
        return Worker.image(name, URI.create("http://127.0.0.1:1"), flavour).withCapacity(capacity);
    }
}
