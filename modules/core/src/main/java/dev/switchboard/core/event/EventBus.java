package dev.switchboard.core.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed publish/subscribe bus, built once by the composition root and injected where needed.
 *
 * <p>A subscriber registered for a type receives events of that type and of every subtype, so a
 * subscriber to {@link DomainEvent} sees them all. A subscriber that throws is logged and skipped;
 * the other subscribers and the publisher are not affected. Thread-safe.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, List<Subscriber<?>>> routes = new ConcurrentHashMap<>();
    private final ExecutorService asyncExecutor;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A bus whose asynchronous subscribers each drain their own queue on a virtual thread. */
    public EventBus() {
        this(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("event-bus-", 0).factory()));
    }

    /** A bus whose asynchronous deliveries run on {@code asyncExecutor}; the bus shuts it down on close. */
    public EventBus(ExecutorService asyncExecutor) {
        this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor");
    }

    /** Subscribes on the publishing thread. */
    public <E> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        return subscribe(type, handler, Delivery.SYNC);
    }

    /** Subscribes {@code handler} to events of {@code type} and its subtypes. */
    public <E> Subscription subscribe(Class<E> type, Consumer<? super E> handler, Delivery delivery) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(delivery, "delivery");
        Subscriber<E> subscriber = delivery == Delivery.SYNC
                ? new Subscriber<>(type, handler, null)
                : new Subscriber<>(type, handler, new SerialQueue());
        subscribers.add(subscriber);
        routes.clear();
        return () -> {
            if (subscribers.remove(subscriber)) {
                routes.clear();
                subscriber.active = false;
            }
        };
    }

    /**
     * Delivers {@code event} to every matching subscriber: synchronous ones before this returns,
     * asynchronous ones queued in order.
     */
    public void publish(Object event) {
        Objects.requireNonNull(event, "event");
        if (closed.get()) {
            LOG.debug("Dropped {} published after the bus closed", event.getClass().getSimpleName());
            return;
        }
        for (Subscriber<?> subscriber : routes.computeIfAbsent(event.getClass(), this::matching)) {
            subscriber.offer(event);
        }
    }

    /** How many deliveries ended in a subscriber exception since the bus was built. */
    public long failedDeliveries() {
        return failures.get();
    }

    /** Stops asynchronous delivery, waiting briefly for queued events to drain. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            asyncExecutor.shutdown();
            try {
                if (!asyncExecutor.awaitTermination(2, TimeUnit.SECONDS)) {
                    asyncExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                asyncExecutor.shutdownNow();
            }
        }
    }

    private List<Subscriber<?>> matching(Class<?> eventType) {
        return subscribers.stream().filter(s -> s.type.isAssignableFrom(eventType)).toList();
    }

    private final class Subscriber<E> {
        private final Class<E> type;
        private final Consumer<? super E> handler;
        private final SerialQueue queue;
        private volatile boolean active = true;

        private Subscriber(Class<E> type, Consumer<? super E> handler, SerialQueue queue) {
            this.type = type;
            this.handler = handler;
            this.queue = queue;
        }

        void offer(Object event) {
            if (queue == null) {
                deliver(event);
            } else {
                queue.enqueue(() -> deliver(event));
            }
        }

        private void deliver(Object event) {
            if (!active) {
                return;
            }
            try {
                handler.accept(type.cast(event));
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                failures.incrementAndGet();
                LOG.error("Subscriber for {} failed on {}; other subscribers are unaffected",
                        type.getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Runs tasks one at a time, in order, on the bus executor; no thread is held while idle. */
    private final class SerialQueue {
        private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        void enqueue(Runnable task) {
            tasks.add(task);
            schedule();
        }

        private void schedule() {
            if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    asyncExecutor.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    draining.set(false);
                    tasks.clear();
                }
            }
        }

        private void drain() {
            try {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
            } finally {
                draining.set(false);
                schedule();
            }
        }
    }
}
