package eu.danubia.b2b.internal;

import java.time.Duration;

import eu.danubia.store.Workers;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link B2bService#checkExpiry()} once a day, first a minute after start so that a node that
 * was down over midnight catches up soon. Several nodes may run it: the check is idempotent and
 * warns each owner once.
 */
@Component(immediate = true)
public class ExpiryScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryScheduler.class);
    private static final long FIRST_RUN_MINUTES = 1;
    private static final long EVERY_MINUTES = TimeUnit.DAYS.toMinutes(1);

    private final ScheduledExecutorService executor;

    @Activate
    public ExpiryScheduler(@Reference B2bService service) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "danubia-b2b-expiry");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(() -> run(service), FIRST_RUN_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }

    private static void run(B2bService service) {
        try {
            service.checkExpiry();
        } catch (RuntimeException e) {
            // a failed run must not cancel the schedule: the next day tries again
            LOG.error("The B2B expiry check failed", e);
        }
    }

    @Deactivate
    void stop() {
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        Workers.stop(executor, Duration.ofSeconds(30));
    }
}
