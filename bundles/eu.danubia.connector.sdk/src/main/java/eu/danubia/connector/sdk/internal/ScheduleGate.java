package eu.danubia.connector.sdk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Lets a timer tick through when the cron schedule is due. The first tick only computes the next fire time, so
 * starting (or restarting) a connector never pulls at once; a fire time missed while the machine slept fires once.
 */
public final class ScheduleGate implements Predicate {

    private final CronSchedule cron;
    private final ZoneId zone;
    private final Supplier<Clock> clock;
    private Instant next;

    public ScheduleGate(CronSchedule cron, ZoneId zone, Supplier<Clock> clock) {
        this.cron = cron;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public synchronized boolean matches(Exchange exchange) {
        Instant now = clock.get().instant();
        if (next == null) {
            next = cron.next(now, zone).orElse(Instant.MAX);
            return false;
        }
        if (now.isBefore(next)) {
            return false;
        }
        next = cron.next(now, zone).orElse(Instant.MAX);
        return true;
    }

    /** When the schedule fires next, or null before the first tick. */
    public synchronized Instant next() {
        return next;
    }
}
