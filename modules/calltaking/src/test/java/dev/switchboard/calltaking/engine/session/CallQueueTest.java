package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallQueueTest {

    @Test
    void callsRingFromTheirStartAndAreTakenOnce() {
        CallQueue queue = new CallQueue();
        CallQueue.QueuedCall later = queue.offer(TestScenarios.fire(), 30_000);
        CallQueue.QueuedCall first = queue.offer(TestScenarios.fire(), 5_000);

        assertThat(queue.ringing(4_999)).isEmpty();
        assertThat(queue.ringing(5_000)).containsExactly(first);
        assertThat(queue.ringing(31_000)).containsExactly(first, later);
        assertThat(first.ringingMs(12_000)).isEqualTo(7_000);
        assertThat(later.ringingMs(12_000)).isZero();

        assertThat(queue.take(later.id(), 20_000)).as("not ringing yet").isEmpty();
        assertThat(queue.takeOldest(31_000)).contains(first);
        assertThat(queue.take(first.id(), 31_000)).as("taken already").isEmpty();
        assertThat(queue.all()).containsExactly(later);
    }
}
