package dev.switchboard.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusTest {

    interface Alarm extends DomainEvent {
    }

    record FireReported(String ward) implements Alarm {
    }

    record UnitMoved(String unit) implements DomainEvent {
    }

    private final EventBus bus = new EventBus();

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void deliversToSubscribersOfTheTypeAndOfItsSupertypes() {
        List<Object> exact = new ArrayList<>();
        List<Object> viaInterface = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        bus.subscribe(FireReported.class, exact::add);
        bus.subscribe(Alarm.class, viaInterface::add);
        bus.subscribe(DomainEvent.class, all::add);

        bus.publish(new FireReported("Shibuya"));
        bus.publish(new UnitMoved("P-12"));

        assertThat(exact).containsExactly(new FireReported("Shibuya"));
        assertThat(viaInterface).containsExactly(new FireReported("Shibuya"));
        assertThat(all).containsExactly(new FireReported("Shibuya"), new UnitMoved("P-12"));
    }

    @Test
    void aThrowingSubscriberIsIsolatedFromTheOthersAndThePublisher() {
        List<Object> received = new ArrayList<>();
        bus.subscribe(FireReported.class, e -> {
            throw new IllegalStateException("broken subscriber");
        });
        bus.subscribe(FireReported.class, received::add);

        bus.publish(new FireReported("Koto"));

        assertThat(received).containsExactly(new FireReported("Koto"));
        assertThat(bus.failedDeliveries()).isEqualTo(1);
    }

    @Test
    void closingASubscriptionStopsDelivery() {
        List<Object> received = new ArrayList<>();
        Subscription subscription = bus.subscribe(UnitMoved.class, received::add);
        bus.publish(new UnitMoved("A-1"));
        subscription.close();
        subscription.close();
        bus.publish(new UnitMoved("A-2"));

        assertThat(received).containsExactly(new UnitMoved("A-1"));
    }

    @Test
    void asyncSubscribersReceiveEventsInOrderOffThePublishingThread() throws InterruptedException {
        int count = 2_000;
        List<String> received = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        bus.subscribe(UnitMoved.class, e -> {
            received.add(e.unit());
            threads.add(Thread.currentThread());
            done.countDown();
        }, Delivery.ASYNC);

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add("U" + i);
            bus.publish(new UnitMoved("U" + i));
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void anAsyncSubscriberThatThrowsKeepsReceivingLaterEvents() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(1);
        bus.subscribe(UnitMoved.class, e -> {
            if (e.unit().equals("first")) {
                throw new IllegalStateException("fails once");
            }
            second.countDown();
        }, Delivery.ASYNC);

        bus.publish(new UnitMoved("first"));
        bus.publish(new UnitMoved("second"));

        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bus.failedDeliveries()).isEqualTo(1);
    }

    @Test
    void subscribersAddedLaterSeeOnlyLaterEvents() {
        bus.publish(new UnitMoved("before"));
        List<Object> received = new ArrayList<>();
        bus.subscribe(UnitMoved.class, received::add);
        bus.publish(new UnitMoved("after"));
        assertThat(received).containsExactly(new UnitMoved("after"));
    }
}
