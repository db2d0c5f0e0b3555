package eu.danubia.notify.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The mail sender's worker thread, as the tests see it. */
final class MailThreads {

    private MailThreads() {
    }

    /**
     * Whether the worker is still alive after up to five seconds: a terminated pool's thread may take a
     * moment to finish exiting, so asserting at once is flaky on a busy machine.
     */
    static boolean stillAliveAfterWaiting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        return alive();
    }

    private static boolean alive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("danubia-notify-mail") && t.isAlive());
    }
}
