package dev.switchboard.testkit;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * JUnit 5 extension that starts the JavaFX toolkit once per JVM on Monocle's headless platform, so UI
 * tests run on a machine without a display: {@code @ExtendWith(HeadlessFx.class)}.
 *
 * <p>The static helpers run code on the FX application thread and wait for it; they start the toolkit
 * themselves when a test uses them without the extension.
 */
public final class HeadlessFx implements BeforeAllCallback {

    /** How long a helper waits for the FX thread before it gives up; guards against deadlocks only. */
    public static final long TIMEOUT_SECONDS = 30;

    private static final Map<String, String> HEADLESS_PROPERTIES = Map.of(
            "testfx.robot", "glass",
            "testfx.headless", "true",
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",
            "prism.text", "t2k",
            "java.awt.headless", "true",
            // Room for the largest window a test opens (1920x1080); Monocle's default screen is 1280x800.
            "headless.geometry", "1920x1200-32");

    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Starts the toolkit on the headless platform unless it runs already; idempotent and thread-safe. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        HEADLESS_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The JavaFX toolkit did not start in time", e);
        }
        // Closing the last dialog of a test must not end the toolkit for the tests that follow.
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code action} on the FX thread and waits for it; rethrows what it throws. */
    public static void runOnFx(Runnable action) {
        callOnFx(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs {@code action} on the FX thread, waits for it and returns its result. Runs it directly when
     * called on the FX thread. Unchecked exceptions and errors are rethrown as they are; checked ones
     * wrapped in an {@link IllegalStateException}.
     *
     * @throws AssertionError when the FX thread does not finish within {@link #TIMEOUT_SECONDS}
     */
    public static <T> T callOnFx(Callable<T> action) {
        start();
        if (Platform.isFxApplicationThread()) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not run the action within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the FX thread", e);
        }
    }

    /** Waits until the FX thread has run what was queued before, and what that queued in turn. */
    public static void waitForFx() {
        start();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
