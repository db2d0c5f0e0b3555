package eu.danubia.store;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a module's background threads. Never interrupt a thread that may be using the
 * database: when a thread is interrupted during a write, H2 closes its database file
 * ({@code ClosedByInterruptException}) and every module's next statement fails with "The database
 * has been closed" until Karaf restarts — whatever file system prefix is used. So a component's
 * {@code @Deactivate} calls {@link #stop}, and its long tasks end early by checking
 * {@code executor.isShutdown()} between units of work, never {@code Thread.interrupted()}.
 */
public final class Workers {

    private Workers() {
    }

    /**
     * Lets the running task and the queued ones finish (long tasks check {@code isShutdown()} to end
     * early), starts nothing new, and waits up to {@code wait}; does not
     * interrupt. Returns whether the executor ended within the wait.
     */
    public static boolean stop(ExecutorService executor, Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
