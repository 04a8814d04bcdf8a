package dev.switchboard.ai.engine.worker;

import java.util.function.BooleanSupplier;

/** Waits for something the background threads do; the bound is a hang guard, not an assertion on speed. */
final class Eventually {

    private static final long HANG_GUARD_MS = 20_000;

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + HANG_GUARD_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Gave up waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }
}
